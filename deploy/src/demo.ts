// `./corridor demo`: a whole network on this machine with demonstration data. Data lives under
// .data/demo and is started afresh each time, so the demo always shows the same story.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENCIES, DEMO_ALERTS, DEMO_DIRECTORY, DEMO_USERS } from './demo-data.js';
import { REPO_ROOT, startNetwork } from './network.js';

const rootDir = join(REPO_ROOT, '.data', 'demo');
rmSync(rootDir, { recursive: true, force: true });
console.log('Corridor demo: starting nats-server, three agency nodes, the gateway, the development issuer and the console…');

const network = await startNetwork({
  rootDir,
  agencies: DEMO_AGENCIES,
  users: DEMO_USERS,
  nats: { start: true },
  gatewayPort: 4000,
  issuerPort: 4100,
  consolePort: 5173,
  nodeBasePort: 4101,
  console: true,
  directory: DEMO_DIRECTORY,
  quiet: true,
  onUnexpectedExit: (name, code) =>
    console.error(`!! ${name} exited unexpectedly (code ${code}); see ${join(rootDir, 'logs', `${name}.log`)}`),
});

for (const { user, input } of DEMO_ALERTS) {
  const res = await fetch(network.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await network.token(user)}` },
    body: JSON.stringify({ query: 'mutation($input: JSONObject!) { publishAlert(input: $input) { id } }', variables: { input } }),
  });
  const body = (await res.json()) as { errors?: { message: string }[] };
  if (body.errors) console.error(`demo alert by ${user} refused: ${body.errors[0]?.message}`);
}

console.log(`
Corridor is running.

  Console            ${network.consoleUrl}   ← open this in a browser
  Gateway (GraphQL)  ${network.gatewayUrl}
  Dev token issuer   ${network.issuerUrl}   (DEVELOPMENT ONLY: no passwords)
  Agency nodes       ${Object.values(network.nodes)
    .map((n) => `${n.agency} ${n.url}`)
    .join('\n                     ')}
  NATS               ${network.natsUrl}
  Logs               ${join(rootDir, 'logs')}

Demo users (sign in from the console):
${DEMO_USERS.map((u) => `  ${u.name.padEnd(16)} ${u.agency.padEnd(9)} ${u.roles.join(', ')}`).join('\n')}

Press Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping the network…');
  await network.stop();
  console.log('Stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
