// A NATS client inside one host (started there with `ip netns exec` by host-nats.ts), since only a
// process of that namespace can use the host's links. `respond` answers every request on the
// subject with its own payload; `request` takes lines of JSON on stdin and answers each with a
// line of JSON on stdout. Each prints {"ready":true} once subscribed or connected.
import { createInterface } from 'node:readline';
import { connect } from '@nats-io/transport-node';
import { closedLoop } from '../../bench/measure.js';

const [mode, url, subject] = process.argv.slice(2);
if ((mode !== 'respond' && mode !== 'request') || !url || !subject) {
  console.error('usage: nats-probe respond|request <url> <subject>');
  process.exit(2);
}

const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);

// Pings every second with two outstanding at most: a cut link is noticed in seconds, not minutes,
// and the client then reconnects for as long as it takes the link to come back.
const nc = await connect({
  servers: url,
  name: `probe-${mode}`,
  waitOnFirstConnect: true,
  maxReconnectAttempts: -1,
  reconnectTimeWait: 250,
  pingInterval: 1000,
  maxPingOut: 2,
});

if (mode === 'respond') {
  nc.subscribe(subject, {
    callback: (err, msg) => {
      if (!err) msg.respond(msg.data);
    },
  });
  await nc.flush();
  say({ ready: true });
} else {
  await nc.flush();
  say({ ready: true });
  const payload = new TextEncoder().encode('ping');
  const once = (timeout: number) => nc.request(subject, payload, { timeout });
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as { id: number; op: 'request'; timeoutMs: number } | { id: number; op: 'bench'; seconds: number };
    const started = performance.now();
    try {
      if (command.op === 'request') {
        await once(command.timeoutMs);
        say({ id: command.id, ok: true, ms: performance.now() - started });
      } else {
        say({ id: command.id, ok: true, figures: await closedLoop(() => once(5000), 1, command.seconds) });
      }
    } catch (e) {
      say({ id: command.id, ok: false, error: e instanceof Error ? e.message : String(e) });
    }
  }
  // stdin closed: the test is done with this host.
  await nc.close();
  process.exit(0);
}
