// `./corridor demo`: a whole network on this machine with demonstration data, in the topology
// agencies run on their own premises (a hub cluster, a leaf server per agency, TLS on every link
// under a network CA made for this run); `--plain` starts the single plain-text nats-server of
// earlier versions, lighter on a small machine. Everything lives under .data/demo, which is WIPED
// at every start: keys and certificates are made fresh each run, so yesterday's databases (alerts
// signed and pseudonymized under old keys) would not match today's network.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { killStartedChildren } from './child-process.js';
import { DEMO_AGENCIES, DEMO_ALERTS, DEMO_DIRECTORY, DEMO_LIAISON_POSTS, DEMO_NETWORK_RECORDS, DEMO_USERS } from './demo-data.js';
import { REPO_ROOT, type RunningNetwork, startNetwork } from './network.js';

const USAGE = 'usage: ./corridor demo [--plain]';
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--plain');
if (unknown.length > 0) {
  console.error(`corridor demo: unknown option ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
const plain = args.includes('--plain');

const rootDir = join(REPO_ROOT, '.data', 'demo');
rmSync(rootDir, { recursive: true, force: true });

// Children run in process groups of their own (so that Ctrl-C reaches only this launcher, which
// stops them in order). Until the network is up there is no order to keep: kill what started.
let network: RunningNetwork | undefined;
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  if (!network) {
    console.log('\nInterrupted while starting: killing what had started.');
    killStartedChildren();
    process.exit(0);
  }
  console.log('\nStopping the network…');
  await network.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
console.log(
  plain
    ? 'Corridor demo (plain): starting one nats-server, three agency nodes, the gateway, the development issuer and the console, without TLS…'
    : 'Corridor demo: making a network CA, starting a hub of three nats-servers, a leaf server and a node per agency (TLS on every link), the gateway, the development issuer and the console…',
);

network = await startNetwork({
  rootDir,
  agencies: DEMO_AGENCIES,
  users: DEMO_USERS,
  nats: { start: true, topology: plain ? 'single' : 'hub-and-leaves' },
  gatewayPort: 4000,
  issuerPort: 4100,
  consolePort: 5173,
  nodeBasePort: 4101,
  console: true,
  directory: DEMO_DIRECTORY,
  networkRecords: DEMO_NETWORK_RECORDS,
  liaisonPosts: DEMO_LIAISON_POSTS,
  quiet: true,
  onUnexpectedExit: (name, code, tail) =>
    console.error(`\n!! ${name} exited unexpectedly (${code}); log ${join(rootDir, 'logs', `${name}.log`)} ends:\n${tail}\n`),
});
const running: RunningNetwork = network;

// The demo alerts take the real path: each published through the gateway (over HTTPS trusting
// this run's CA only, unless plain) with a token of its originating agency's user, pseudonymized
// by that agency's node and sent over NATS.
let published = 0;
for (const { user, input } of DEMO_ALERTS) {
  try {
    const res = await running.fetch(running.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await running.token(user)}` },
      body: JSON.stringify({ query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', variables: { input } }),
    });
    const body = (await res.json()) as { errors?: { message: string }[] };
    if (body.errors) console.error(`!! demo alert by ${user} refused: ${body.errors.map((e) => e.message).join('; ')}`);
    else published++;
  } catch (e) {
    console.error(`!! demo alert by ${user} could not be sent: ${(e as Error).message}`);
  }
}

const indent = `\n${' '.repeat(21)}`;
const tls = running.hubAndLeaves?.tls;
const bus = running.hubAndLeaves
  ? [
      `  NATS hub           ${running.hubAndLeaves.hub.urls.join(' ')}   (cluster, domain ${running.hubAndLeaves.hubDomain})`,
      `  NATS leaf servers  ${Object.entries(running.hubAndLeaves.leaves)
        .map(([agency, leaf]) => `${agency} ${leaf.url}`)
        .join(indent)}`,
    ]
  : [`  NATS               ${running.natsUrl}`];
const trust = tls
  ? [
      `  Network CA         ${tls.caFile}   (made for this run; TLS on every link)`,
      // /health answers 200 with no body: the status is what shows it is up.
      `  Check              curl -w '%{http_code}\\n' --cacert ${tls.caFile} ${new URL('/health', running.gatewayUrl).href}`,
    ]
  : [];

console.log(`
Corridor is running.

  Console            ${running.consoleUrl}   ← open this in a browser${tls ? ' (it forwards /graphql to the gateway over HTTPS)' : ''}
  Gateway (GraphQL)  ${running.gatewayUrl}
  TAXII 2.1 / MISP   ${new URL('/taxii2/', running.gatewayUrl).href}   ${new URL('/misp/', running.gatewayUrl).href}<agency>/manifest.json   (Bearer token: README, "Connecting your tools")
  Dev token issuer   ${running.issuerUrl}   (DEVELOPMENT ONLY: no passwords)
  Agency nodes       ${Object.values(running.nodes)
    .map((n) => `${n.agency} ${n.url}`)
    .join(indent)}
${[...bus, ...trust].join('\n')}
  Logs               ${join(rootDir, 'logs')}
  Demo alerts        ${published} of ${DEMO_ALERTS.length} published

Demo users (sign in from the console):
${DEMO_USERS.map((u) => `  ${u.name.padEnd(16)} ${u.id.padEnd(16)} ${u.agency.padEnd(9)} ${u.roles.join(', ')}`).join('\n')}

Press Ctrl-C to stop.`);
