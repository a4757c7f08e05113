// Records every message that crosses the bus under a run's subject root, as an eavesdropper on
// the shared nats-server would see it, so tests can assert what never travels.
import { connect, type NatsConnection } from '@nats-io/transport-node';

export interface BusRecorder {
  messages: { subject: string; data: string }[];
  /** Every byte seen on the bus, as one searchable text. */
  text(): string;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function recordBus(natsUrl: string, subjectRoot: string): Promise<BusRecorder> {
  const nc: NatsConnection = await connect({ servers: natsUrl });
  const messages: { subject: string; data: string }[] = [];
  const sub = nc.subscribe(`${subjectRoot}.>`);
  (async () => {
    for await (const m of sub) messages.push({ subject: m.subject, data: m.string() });
  })();
  await nc.flush();
  return {
    messages,
    text: () => messages.map((m) => `${m.subject}\n${m.data}`).join('\n'),
    flush: () => nc.flush(),
    close: () => nc.drain(),
  };
}
