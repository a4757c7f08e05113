// An agency's transit stream on the hub (nats-hub-config.ts transitStreamConfig), made by the
// agency's hub-account operator: by the test launcher (hub-and-leaves.ts) and by the secretariat
// on a real hub (`./corridor secretariat hub-streams`).
import { DiscardPolicy, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import type { AgencyHubUsers, TransitStreamConfig } from './nats-hub-config.js';

/**
 * Creates the transit stream in the agency's hub account, as the account's operator, retrying
 * while the cluster elects its JetStream leader; an existing stream (a restarted hub) is kept.
 */
export async function ensureTransitStream(
  hubUrls: string[],
  users: Pick<AgencyHubUsers, 'admin'>,
  config: TransitStreamConfig,
  caFile: string | undefined,
  timeoutMs = 30_000,
): Promise<void> {
  const nc = await connect({
    servers: hubUrls,
    user: users.admin.user,
    pass: users.admin.password,
    ...(caFile ? { tls: { caFile } } : {}),
  });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const jsm = await jetstreamManager(nc, { timeout: 5000 });
        await jsm.streams.add({
          name: config.name,
          subjects: config.subjects,
          storage: StorageType.File,
          num_replicas: config.replicas,
          max_age: nanos(config.maxAgeMs),
          max_bytes: config.maxBytes,
          discard: DiscardPolicy.Old,
          duplicate_window: nanos(config.duplicateWindowMs),
        });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`transit stream ${config.name} for ${users.admin.user}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await nc.close();
  }
}
