// Where the launcher runs a process. By default on this machine's loopback; a test across hosts
// gives each process a host of its own (a network namespace, test/support/hosts/), where it
// listens on the host's address and is started through the host's command wrapper. The launcher
// itself stays outside every host: it reaches a host's ports, and lets hosts reach its own
// development issuer, only through what the host offers here.
export interface Host {
  readonly name: string;
  /** Where the host's servers listen, and where the processes of other hosts reach them. */
  readonly address: string;
  /** The command line that runs `command` inside the host. */
  wrap(command: string, args: string[]): { command: string; args: string[] };
  /** A port on the launcher's loopback that reaches `port` at the host's address: the launcher's probes, a test's clients. */
  reach(port: number): Promise<number>;
  /** Makes the launcher's loopback `port` answer on the host's own loopback, same port: the development issuer. */
  expose(port: number): Promise<void>;
  /**
   * Where a server of this host connects to reach `target` on another host: the target itself,
   * or a relay inside this host that makes the link long (a delaying relay where there is no netem).
   */
  via?(target: { host: string; port: number }): Promise<{ host: string; port: number }>;
}

export const LOOPBACK: Host = {
  name: 'loopback',
  address: '127.0.0.1',
  wrap: (command, args) => ({ command, args }),
  reach: async (port) => port,
  expose: async () => {},
};

/** Which host each process of a hub-and-leaves network runs on; whatever is not named runs on loopback. */
export interface NetworkHosts {
  /** One host for the three hub servers, or one each (in order). */
  hub: Host[];
  /** Each agency's leaf server, node and embedded database. */
  agencies: Record<string, Host>;
  gateway: Host;
}

/** The host of the `i`-th hub server: the list cycles, so one host may carry all three. */
export function hubHost(hosts: Pick<NetworkHosts, 'hub'> | undefined, i: number): Host {
  const list = hosts?.hub ?? [];
  return list.length === 0 ? LOOPBACK : (list[i % list.length] as Host);
}
