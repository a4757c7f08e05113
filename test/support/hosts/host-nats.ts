// NATS across hosts: a nats-server, a responder, a requester and a delaying relay, each started
// inside a host of netns.ts. The clients are processes of their hosts (nats-probe.ts), so every
// byte between them crosses the hosts' links and the bridge.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { LoadFigures } from '../../bench/measure.js';
import type { Host, HostProcess } from './netns.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The test package, whence `--import tsx` resolves. */
const TEST_PACKAGE = join(HERE, '..', '..');
const NATS_SERVER =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';
export const NATS_PORT = 4222;

function typescriptIn(host: Host, name: string, script: string, args: string[]): HostProcess {
  return host.run(name, process.execPath, ['--import', 'tsx', join(HERE, script), ...args], { cwd: TEST_PACKAGE });
}

/** A plain nats-server on the host's address; answers its client URL once it is ready. */
export async function natsServerIn(host: Host): Promise<{ url: string; process: HostProcess }> {
  const server = host.run(`nats-server@${host.name}`, NATS_SERVER, ['-a', host.address, '-p', String(NATS_PORT)]);
  await server.waitFor(/Server is ready/);
  return { url: `nats://${host.address}:${NATS_PORT}`, process: server };
}

/** A relay inside `host` on its loopback port `port`, to `target`, `delayMs` each way: the host's link made long. */
export async function delayRelayIn(
  host: Host,
  port: number,
  target: { host: string; port: number },
  delayMs: number,
): Promise<{ url: string; process: HostProcess }> {
  const relay = typescriptIn(host, `relay@${host.name}`, 'delay-relay-process.ts', [
    '127.0.0.1',
    String(port),
    target.host,
    String(target.port),
    String(delayMs),
  ]);
  // Generous: a machine shared with other runs can take tens of seconds to start a process.
  await relay.waitFor(/relay ready/, 90_000);
  return { url: `nats://127.0.0.1:${port}`, process: relay };
}

/** A client in `host` answering every request on `subject` with its payload. */
export async function natsResponderIn(host: Host, url: string, subject: string): Promise<HostProcess> {
  const responder = typescriptIn(host, `responder@${host.name}`, 'nats-probe.ts', ['respond', url, subject]);
  await responder.waitFor(/"ready":true/, 30_000);
  return responder;
}

export type RequestOutcome = { ok: true; ms: number } | { ok: false; error: string };

export interface HostRequester {
  /** One request on the subject, failing after `timeoutMs`. */
  request(timeoutMs: number): Promise<RequestOutcome>;
  /** One client's requests back to back for `seconds`, timed inside the host. */
  bench(seconds: number): Promise<LoadFigures>;
}

/** A client in `host` sending requests on `subject` when asked. */
export async function natsRequesterIn(host: Host, url: string, subject: string): Promise<HostRequester> {
  const requester = typescriptIn(host, `requester@${host.name}`, 'nats-probe.ts', ['request', url, subject]);
  const { stdin, stdout } = requester.child;
  if (!stdin || !stdout) throw new Error('the requester runs with pipes');
  const waiting = new Map<number, (answer: Record<string, unknown>) => void>();
  createInterface({ input: stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as Record<string, unknown>;
    if (typeof answer.id === 'number') waiting.get(answer.id)?.(answer);
  });
  // A requester that dies answers every question still open, rather than leaving the test hanging.
  requester.child.on('exit', (code, signal) => {
    for (const answer of [...waiting.values()])
      answer({ ok: false, error: `requester exited (${code ?? signal}):\n${requester.output()}` });
  });
  await requester.waitFor(/"ready":true/, 30_000);
  let next = 0;
  const ask = (command: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const id = next++;
      waiting.set(id, (answer) => {
        waiting.delete(id);
        resolve(answer);
      });
      stdin.write(`${JSON.stringify({ id, ...command })}\n`);
    });
  return {
    async request(timeoutMs) {
      const a = await ask({ op: 'request', timeoutMs });
      return a.ok === true ? { ok: true, ms: Number(a.ms) } : { ok: false, error: String(a.error) };
    },
    async bench(seconds) {
      const a = await ask({ op: 'bench', seconds });
      if (a.ok !== true) throw new Error(`bench in ${host.name} failed: ${String(a.error)}\n${requester.output()}`);
      return a.figures as LoadFigures;
    },
  };
}
