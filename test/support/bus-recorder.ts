// Records every message that crosses the bus under a run's subject root, as the server's operator
// would see it: one connection per agency account, with that agency's operator user (only an
// operator, and a test, holds those), since no single connection can see into every account. A
// message between two agencies is seen in the sender's account and again in the receiver's.
import type { RunningNetwork } from '@corridor/deploy';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface BusMessage {
  /** The agency in whose account the message was seen. */
  account: string;
  subject: string;
  data: string;
}

export interface BusRecorder {
  messages: BusMessage[];
  /** Every byte seen on the bus, as one searchable text. */
  text(): string;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function recordBus(net: Pick<RunningNetwork, 'natsUrl' | 'subjectRoot' | 'natsUsers'>): Promise<BusRecorder> {
  const users = net.natsUsers;
  if (!users) throw new Error('recordBus: the network runs on a nats-server of its own, with one account per agency');
  const messages: BusMessage[] = [];
  const connections: NatsConnection[] = [];
  for (const [account, u] of Object.entries(users)) {
    const nc = await connect({ servers: net.natsUrl, user: u.admin.user, pass: u.admin.password });
    connections.push(nc);
    const sub = nc.subscribe(`${net.subjectRoot}.>`);
    (async () => {
      for await (const m of sub) messages.push({ account, subject: m.subject, data: m.string() });
    })();
  }
  const flush = async () => {
    await Promise.all(connections.map((nc) => nc.flush()));
  };
  await flush();
  return {
    messages,
    text: () => messages.map((m) => `${m.subject}\n${m.data}`).join('\n'),
    flush,
    close: async () => {
      await Promise.all(connections.map((nc) => nc.drain()));
    },
  };
}
