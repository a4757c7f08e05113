// Hosts on one machine for tests across hosts: each host a Linux network namespace with one
// address, all joined by a bridge in a namespace of its own, so that the root namespace's links
// and routes are never touched and nothing outside the run can be reached or reach in. Names
// carry the run's process id, so a later run sweeps what a crashed one left behind.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';

const PREFIX = 'crdr';
/** `crdr-<pid>-<4 hex>-<host>`: the pid says whether the run that made it is still alive. */
const OURS = /^crdr-(\d+)-[0-9a-f]{4}-/;
/** Private, and only ever on the run's own bridge: parallel runs each have their own. */
const SUBNET = '10.213.0';
const HOST_NAME = /^[a-z][a-z0-9]{0,11}$/;
const IP = ['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].find((p) => existsSync(p));

function ip(...args: string[]): string {
  if (!IP) throw new Error('iproute2 `ip` is not installed');
  return execFileSync(IP, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

let unavailable: string | undefined | null = null;

/**
 * Why namespaces cannot be made here (a sentence for the skip message), or undefined when they
 * can: tried once with a namespace made and removed again.
 */
export function netnsUnavailable(): string | undefined {
  if (unavailable !== null) return unavailable;
  unavailable = findWhyUnavailable();
  return unavailable;
}

function findWhyUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces need Linux';
  if (process.getuid?.() !== 0) return 'making network namespaces needs root (`ip netns add`): run as root, as CI does';
  if (!IP) return 'needs iproute2 (`ip`), which is not installed';
  const probe = `${runName()}-check`;
  try {
    ip('netns', 'add', probe);
  } catch (e) {
    return `\`ip netns add\` was refused here: ${errorText(e)}`;
  }
  try {
    ip('-n', probe, 'link', 'add', 'br0', 'type', 'bridge');
  } catch (e) {
    return `a bridge cannot be made in a namespace here: ${errorText(e)}`;
  } finally {
    removeNamespace(probe);
  }
  return undefined;
}

function errorText(e: unknown): string {
  const stderr = (e as { stderr?: unknown }).stderr;
  return (typeof stderr === 'string' && stderr.trim()) || (e instanceof Error ? e.message : String(e));
}

function runName(): string {
  return `${PREFIX}-${process.pid}-${randomBytes(2).toString('hex')}`;
}

function namespaces(): string[] {
  return ip('netns', 'list')
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kills what still runs inside `name`, then removes it (its veth ends go with it). */
function removeNamespace(name: string): void {
  try {
    const pids = ip('netns', 'pids', name).split('\n').map(Number).filter(Boolean);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    ip('netns', 'del', name);
  } catch {
    // already removed
  }
}

/** Removes the namespaces of runs whose process is gone; answers their names. */
export function sweepStaleNamespaces(): string[] {
  const stale = namespaces().filter((n) => {
    const pid = Number(OURS.exec(n)?.[1]);
    return pid > 0 && pid !== process.pid && !alive(pid);
  });
  for (const n of stale) removeNamespace(n);
  return stale;
}

/** A process running inside a host; its stdout and stderr are kept for `waitFor` and failures. */
export interface HostProcess {
  readonly name: string;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves once `pattern` appears in the output; fails with the output if it exits or times out. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface Host {
  readonly name: string;
  readonly namespace: string;
  readonly address: string;
  /** The command line that runs `command` inside this host, for a launcher that starts it itself. */
  command(command: string, args: string[]): { command: string; args: string[] };
  /** Starts `command` inside this host (`ip netns exec`); it is stopped by `remove()` at the latest. */
  run(name: string, command: string, args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): HostProcess;
  /** Unplugs this host's cable at the bridge: its packets are dropped until `restore`. */
  cut(): void;
  restore(): void;
}

export interface HostSet {
  readonly hosts: Readonly<Record<string, Host>>;
  /** Every namespace this set made, the bridge's included. */
  readonly namespaces: readonly string[];
  /** Stops every process started in a host and removes every namespace; safe to call twice. */
  remove(): Promise<void>;
}

/** Whether `name` is still in `ip netns list`. */
export function namespaceExists(name: string): boolean {
  return namespaces().includes(name);
}

/** One host per name, each with its own address on one bridge, after sweeping dead runs' leftovers. */
export async function makeHosts(names: readonly string[]): Promise<HostSet> {
  const why = netnsUnavailable();
  if (why) throw new Error(`makeHosts: ${why}`);
  for (const n of names) if (!HOST_NAME.test(n)) throw new TypeError(`names: "${n}" is not a short lower-case host name`);
  if (new Set(names).size !== names.length) throw new TypeError('names: each host name once');
  sweepStaleNamespaces();

  const run = runName();
  const bridge = `${run}-sw`;
  const made: string[] = [];
  const processes = new Set<HostProcess>();
  // A run that ends without `remove` (an uncaught failure, process.exit) still leaves nothing.
  const onExit = () => {
    for (const p of processes) p.child.kill('SIGKILL');
    for (const n of made) removeNamespace(n);
  };
  process.on('exit', onExit);

  const hosts: Record<string, Host> = {};
  try {
    ip('netns', 'add', bridge);
    made.push(bridge);
    ip('-n', bridge, 'link', 'add', 'br0', 'type', 'bridge');
    ip('-n', bridge, 'link', 'set', 'br0', 'up');
    names.forEach((name, i) => {
      const namespace = `${run}-${name}`;
      const port = `p${i}`;
      const address = `${SUBNET}.${i + 1}`;
      ip('netns', 'add', namespace);
      made.push(namespace);
      // Both ends are created straight in their namespaces: no device ever appears in the root one.
      ip('link', 'add', 'eth0', 'netns', namespace, 'type', 'veth', 'peer', 'name', port, 'netns', bridge);
      ip('-n', bridge, 'link', 'set', port, 'master', 'br0', 'up');
      ip('-n', namespace, 'link', 'set', 'lo', 'up');
      ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0');
      ip('-n', namespace, 'link', 'set', 'eth0', 'up');
      hosts[name] = {
        name,
        namespace,
        address,
        command: (command, args) => inNamespace(namespace, command, args),
        run(processName, command, args, options) {
          const p = hostProcess(processName, namespace, command, args, options);
          processes.add(p);
          p.child.on('exit', () => processes.delete(p));
          return p;
        },
        cut: () => void ip('-n', bridge, 'link', 'set', port, 'down'),
        restore: () => void ip('-n', bridge, 'link', 'set', port, 'up'),
      };
    });
  } catch (e) {
    onExit();
    process.off('exit', onExit);
    throw new Error(`makeHosts: ${errorText(e)}`);
  }

  let removed = false;
  return {
    hosts,
    namespaces: [...made],
    async remove() {
      if (removed) return;
      removed = true;
      await Promise.all([...processes].map((p) => p.stop(3000)));
      onExit();
      process.off('exit', onExit);
    },
  };
}

function inNamespace(namespace: string, command: string, args: string[]): { command: string; args: string[] } {
  if (!IP) throw new Error('iproute2 `ip` is not installed');
  // `ip netns exec` execs the command in place: the child's pid is the command's own.
  return { command: IP, args: ['netns', 'exec', namespace, command, ...args] };
}

function hostProcess(
  name: string,
  namespace: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): HostProcess {
  const line = inNamespace(namespace, command, args);
  const child = spawn(line.command, line.args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    child,
    output: () => text,
    async waitFor(pattern, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (exited()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before ${pattern}:\n${text}`);
        if (Date.now() > deadline) throw new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop(timeoutMs = 5000) {
      if (exited()) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
