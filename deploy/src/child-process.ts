// A managed child process (node, gateway, nats-server): started with its log going to a file or
// to the terminal, stopped with SIGTERM (then SIGKILL), restartable with the same command.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd: string;
  /** Log file; undefined → the terminal, each line prefixed with the name. */
  logFile?: string | undefined;
}

export interface ManagedChild {
  readonly name: string;
  readonly running: boolean;
  /** The running process's id (for benches reading its CPU time and memory in /proc); undefined when stopped. */
  readonly pid: number | undefined;
  start(): void;
  stop(timeoutMs?: number): Promise<void>;
  kill(): void;
  logTail(lines?: number): string;
  /** `code` is the exit code, or the signal's name when a signal ended it. */
  onUnexpectedExit(listener: (code: number | string | null) => void): void;
}

// Children still running when the launcher exits, however it exits, are killed with it.
const living = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of living) p.kill('SIGKILL');
});

export function managedChild(spec: ChildSpec): ManagedChild {
  let proc: ChildProcess | undefined;
  let expectingExit = false;
  const listeners: ((code: number | string | null) => void)[] = [];
  const tail: string[] = [];

  const remember = (text: string) => {
    tail.push(...text.split('\n').filter(Boolean));
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };

  return {
    name: spec.name,
    get running() {
      return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
    },
    get pid() {
      return this.running ? proc?.pid : undefined;
    },
    start() {
      expectingExit = false;
      // Own process group: a Ctrl-C at the terminal reaches the launcher only, which then stops
      // the children in order (nodes before the bus) instead of all dying at once.
      proc = spawn(spec.command, spec.args, {
        cwd: spec.cwd,
        // Every CORRIDOR_ variable a child sees is set by the launcher: one left over in the
        // launching shell (say a CORRIDOR_DATABASE_URL) must not silently redirect a demo node.
        env: { ...withoutCorridorVariables(process.env), ...spec.env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const started = proc;
      living.add(started);
      started.on('exit', () => living.delete(started));
      if (spec.logFile) mkdirSync(dirname(spec.logFile), { recursive: true });
      const file = spec.logFile ? createWriteStream(spec.logFile, { flags: 'a' }) : undefined;
      for (const stream of [proc.stdout, proc.stderr]) {
        stream?.on('data', (chunk: Buffer) => {
          const text = chunk.toString();
          remember(text);
          if (file) file.write(text);
          else process.stdout.write(text.replace(/^(?=.)/gm, `[${spec.name}] `));
        });
      }
      proc.on('exit', (code, signal) => {
        file?.end();
        if (!expectingExit) for (const l of listeners) l(code ?? signal);
      });
    },
    async stop(timeoutMs = 10_000) {
      const p = proc;
      if (!p || p.exitCode !== null || p.signalCode !== null) return;
      expectingExit = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
        p.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        p.kill('SIGTERM');
      });
    },
    kill() {
      expectingExit = true;
      proc?.kill('SIGKILL');
    },
    logTail(lines = 20) {
      if (tail.length === 0 && spec.logFile && existsSync(spec.logFile))
        return readFileSync(spec.logFile, 'utf8').split('\n').slice(-lines).join('\n');
      return tail.slice(-lines).join('\n');
    },
    onUnexpectedExit(listener) {
      listeners.push(listener);
    },
  };
}

function withoutCorridorVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !k.startsWith('CORRIDOR_')));
}

/** SIGKILLs every child started here that still runs: for a launcher interrupted mid-start. */
export function killStartedChildren(): void {
  for (const p of living) p.kill('SIGKILL');
}

/** Polls until `probe` resolves true; on timeout, fails with the child's last log lines. */
export async function waitUntil(child: ManagedChild, what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!child.running) throw new Error(`${child.name} exited before ${what}:\n${child.logTail()}`);
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name}: ${what} did not happen within ${timeoutMs} ms:\n${child.logTail()}`);
}
