// The console's server as a process of its own, so that it runs inside a host's namespace (the
// gateway's, in the cross-host test): the built console over HTTPS under its certificate, and
// /graphql forwarded to the gateway, trusting the run's CA only.
// `console-process <dist> <listen host> <port> <gateway url> <issuer url> <ca file> <cert file> <key file>`.
// The server's own module, not the package's index (the launcher, the issuer): a lean process.
import { serveConsole } from '@corridor/deploy/console-server';
import { caFetch } from '@corridor/proto/graphql';

const [dist, host, port, gatewayUrl, issuerUrl, caFile, certFile, keyFile] = process.argv.slice(2);
if (!dist || !host || !port || !gatewayUrl || !issuerUrl || !caFile || !certFile || !keyFile) {
  console.error('usage: console-process <dist> <listen host> <port> <gateway url> <issuer url> <ca file> <cert file> <key file>');
  process.exit(2);
}
const server = await serveConsole(dist, { gatewayUrl, issuerUrl }, Number(port), host, {
  send: caFetch(caFile),
  tls: { certFile, keyFile },
});
console.log(`console ready on ${server.url}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
