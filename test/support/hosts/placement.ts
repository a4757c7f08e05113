// The hosts of netns.ts as the launcher's hosts (deploy's `Host`): a process runs inside its
// namespace, and the launcher, which stays in the root namespace with no route to any host, goes
// through doors: a Unix socket (files are shared across network namespaces) with `socat` on the
// host's side. `reach` opens a loopback port here onto a host's port; `expose` opens the
// launcher's loopback port on the host's own loopback. No address outside the run's hosts is used.
// With `linkDelayMs`, a host's servers reach other hosts through a delaying relay inside it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Host as LaunchHost } from '@corridor/deploy';
import { delayRelayIn } from './host-nats.js';
import type { Host, HostProcess } from './netns.js';

const SOCAT = ['/usr/bin/socat', '/bin/socat', '/usr/local/bin/socat'].find((p) => existsSync(p));

/** Why doors cannot be made here, or undefined when they can. */
export function doorsUnavailable(): string | undefined {
  return SOCAT ? undefined : 'needs `socat` (Debian package socat) for the doors between the launcher and the hosts';
}

export interface Placement {
  /** Each host as the launcher places processes on it. */
  hosts: Record<string, LaunchHost>;
  /**
   * Where a loopback port `reach` opened here leads: the host and its port. For a server placed
   * beside a launched one on the same host, which must use the host's address, not the door.
   */
  behind(port: number): { host: string; address: string; port: number } | undefined;
  /**
   * Closes the launcher's side of every door, and stops the relays it started (their ports are
   * free again for the next placement on the same hosts); the doors' host side goes with the hosts.
   */
  close(): Promise<void>;
}

/** The first loopback port a host's delaying relays listen on. */
const FIRST_RELAY_PORT = 15_000;

export function placementOn(hosts: Readonly<Record<string, Host>>, options: { linkDelayMs?: number } = {}): Placement {
  if (!SOCAT) throw new Error(`placementOn: ${doorsUnavailable()}`);
  const socat = SOCAT;
  const dir = mkdtempSync(join(tmpdir(), 'corridor-doors-'));
  const servers: Server[] = [];
  const sockets = new Set<Socket>();
  const doors = new Map<number, { host: string; address: string; port: number }>();
  const relays: HostProcess[] = [];
  const forward = async (listen: { port: number; host: string } | { path: string }, target: () => Socket): Promise<number> => {
    const server = createServer((inbound) => {
      const outbound = target();
      for (const s of [inbound, outbound]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => {
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    servers.push(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen, () => resolve());
    });
    const address = server.address();
    return address !== null && typeof address === 'object' ? address.port : 0;
  };

  const placed = Object.fromEntries(
    Object.entries(hosts).map(([name, host]): [string, LaunchHost] => {
      const reached = new Map<number, Promise<number>>();
      const exposed = new Map<number, Promise<void>>();
      let nextRelayPort = FIRST_RELAY_PORT;
      const delayMs = options.linkDelayMs ?? 0;
      const via =
        delayMs > 0
          ? async (target: { host: string; port: number }) => {
              const port = nextRelayPort++;
              relays.push((await delayRelayIn(host, port, target, delayMs)).process);
              return { host: '127.0.0.1', port };
            }
          : undefined;
      return [
        name,
        {
          name,
          address: host.address,
          wrap: (command, args) => host.command(command, args),
          reach(port) {
            let door = reached.get(port);
            if (!door) {
              door = (async () => {
                const path = join(dir, `${name}-${port}.in`);
                const side = host.run(`door ${name}:${port}`, socat, [
                  '-d',
                  '-d',
                  `UNIX-LISTEN:${path},fork,unlink-early`,
                  `TCP:${host.address}:${port}`,
                ]);
                await side.waitFor(/listening on/);
                const here = await forward({ port: 0, host: '127.0.0.1' }, () => createConnection({ path }));
                doors.set(here, { host: name, address: host.address, port });
                return here;
              })();
              reached.set(port, door);
            }
            return door;
          },
          expose(port) {
            let door = exposed.get(port);
            if (!door) {
              door = (async () => {
                const path = join(dir, `${name}-${port}.out`);
                await forward({ path }, () => createConnection({ port, host: '127.0.0.1' }));
                const side = host.run(`door ${name}:${port} out`, socat, [
                  '-d',
                  '-d',
                  `TCP-LISTEN:${port},bind=127.0.0.1,fork,reuseaddr`,
                  `UNIX-CONNECT:${path}`,
                ]);
                await side.waitFor(/listening on/);
              })();
              exposed.set(port, door);
            }
            return door;
          },
          ...(via ? { via } : {}),
        },
      ];
    }),
  );

  return {
    hosts: placed,
    behind: (port) => doors.get(port),
    async close() {
      await Promise.all(relays.map((r) => r.stop()));
      for (const s of sockets) s.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
