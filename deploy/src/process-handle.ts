// A launched process as a test drives it: started again only when it is not running, then awaited
// until it is ready; stopped gently, or killed outright to play a crash.
import { connect as tcpConnect } from 'node:net';
import type { ManagedChild } from './child-process.js';

export interface ProcessHandle {
  readonly running: boolean;
  /** The process id while it runs: what a bench reads /proc by. */
  readonly pid: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A process a test may also SIGKILL, as a server that crashes. */
export interface KillableProcessHandle extends ProcessHandle {
  kill(): void;
}

export function handleOf(child: ManagedChild, ready: () => Promise<void>): KillableProcessHandle {
  return {
    get running() {
      return child.running;
    },
    get pid() {
      return child.pid;
    },
    async start() {
      if (child.running) return;
      child.start();
      await ready();
    },
    stop: () => child.stop(),
    kill: () => child.kill(),
  };
}

export function tcpReachable(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

/** Debian's nats-server, wherever the package put it. */
export function natsServerBinary(exists: (path: string) => boolean): string {
  return ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find(exists) ?? 'nats-server';
}

/**
 * Whether a NATS server answers at the loopback `port`: it speaks first (INFO), so a relay or a
 * door that accepts the connection before it reaches a server does not count as one.
 */
export function natsGreets(port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = tcpConnect(port, '127.0.0.1');
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolvePromise(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('INFO')));
    socket.once('close', () => done(false));
    socket.once('error', () => done(false));
  });
}
