// Ctrl-C on `./corridor demo` (issue 15, item 7): the launcher stops every process it started and
// ends quietly, exit status 0, without pnpm's "ELIFECYCLE … Command failed" lines, and every port
// the demo listened on is free again. The demo runs as a newcomer runs it, `./corridor demo`, in
// its lighter mode (--plain); Ctrl-C is SIGINT to the whole process group, as a terminal sends it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '@corridor/deploy';
import { afterAll, expect, it } from 'vitest';

let demo: ChildProcess | undefined;

afterAll(() => {
  // The test failed before the demo ended: stop its group, whatever it was doing.
  if (demo?.pid && demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid, 'SIGKILL');
});

/** Whether this process can listen on `port` of the loopback now. */
const free = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

it('stops every process on Ctrl-C and exits 0 without pnpm’s failure lines', async () => {
  demo = spawn(join(REPO_ROOT, 'corridor'), ['demo', '--plain'], {
    cwd: REPO_ROOT,
    // Its own process group, so the test's SIGINT reaches the launcher the way a terminal's would.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  demo.stdout?.on('data', (d: Buffer) => (stdout += d));
  demo.stderr?.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    demo?.on('exit', (code, signal) => resolve({ code, signal })),
  );
  await new Promise<void>((resolve, reject) => {
    const ready = () => stdout.includes('Press Ctrl-C to stop.') && resolve();
    demo?.stdout?.on('data', ready);
    void exited.then(({ code }) => reject(new Error(`the demo ended before it was ready (${code}):\n${stdout}\n${stderr}`)));
  });

  // Every port the demo says it listens on: the console, the gateway, the issuer, the nodes, NATS.
  const ports = [...stdout.matchAll(/(?:https?|nats):\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
  expect(new Set(ports).size).toBeGreaterThanOrEqual(7);
  for (const port of ports) expect(await free(port), `port ${port} in use while the demo runs`).toBe(false);

  process.kill(-(demo.pid as number), 'SIGINT');
  const { code, signal } = await exited;
  expect({ code, signal }).toEqual({ code: 0, signal: null });
  expect(stderr).not.toMatch(/ELIFECYCLE|Command failed/);
  expect(stdout).not.toMatch(/ELIFECYCLE|Command failed/);
  expect(stdout).toContain('Stopped.');
  for (const port of new Set(ports)) expect(await free(port), `port ${port} still in use after Ctrl-C`).toBe(true);
}, 240_000);
