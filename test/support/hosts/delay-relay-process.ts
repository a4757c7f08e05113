// The delaying relay as a process of its own, so that it runs inside a host's namespace:
// `delay-relay-process <listen host> <listen port> <target host> <target port> <delay ms>`.
// The relay's own module, not the package's index: a process started per link loads only what it runs.
import { startDelayRelay } from '@corridor/deploy/delay-relay';

const [listenHost, listenPort, targetHost, targetPort, delay] = process.argv.slice(2);
if (!listenHost || !targetHost) {
  console.error('usage: delay-relay-process <listen host> <listen port> <target host> <target port> <delay ms>');
  process.exit(2);
}
const relay = await startDelayRelay({
  listen: { host: listenHost, port: Number(listenPort) },
  target: { host: targetHost, port: Number(targetPort) },
  delayMs: Number(delay),
});
console.log(`relay ready on ${relay.host}:${relay.port}`);
process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)));
