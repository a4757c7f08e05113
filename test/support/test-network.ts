// A whole network for one test file: three agencies on real PostgreSQL databases of their own, a
// real nats-server of its own (one account per agency, free port, store in the run's folder), the
// gateway and the development issuer. Everything is removed again by `stop()`.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AgencySpec, type NetworkSpec, type RunningNetwork, startNetwork, type UserSpec } from '@corridor/deploy';
import type { MemberAgency, Membership } from '@corridor/proto';
import { testDirectory } from './fixtures.js';
import { createDatabases, type TestDatabases } from './postgres.js';

export const AGENCIES: AgencySpec[] = [
  { id: 'it-polfr', name: 'Polizia di Frontiera — Lampedusa', country: 'ITA', networks: ['liaison-central-med'] },
  { id: 'ne-ppn', name: 'Pôle judiciaire spécialisé — Niamey', country: 'NER', networks: ['wacap'] },
  { id: 'ng-nis', name: 'Nigeria Immigration Service', country: 'NGA', networks: ['wacap', 'liaison-central-med'] },
];

/** Every agency's officer (`<agency>-officer`, as the launcher's default users) and `extra` users. */
export function officersAnd(...extra: UserSpec[]): UserSpec[] {
  return [
    ...AGENCIES.map((a) => ({ id: `${a.id}-officer`, name: `Officer of ${a.name}`, agency: a.id, roles: ['border_officer' as const] })),
    ...extra,
  ];
}

/** A membership change (for `updateMembership`) to the entry of `agency` alone. */
export function changingAgency(agency: string, change: (a: MemberAgency) => MemberAgency): (m: Membership) => Membership {
  return (m) => ({ ...m, agencies: m.agencies.map((a) => (a.id === agency ? change(a) : a)) });
}

/** The administrator of `agency` (`<agency>-admin`), named `name`. */
export function adminOf(agency: string, name: string): UserSpec {
  return { id: `${agency}-admin`, name, agency, roles: ['administrator'] };
}

export interface TestNetwork extends RunningNetwork {
  natsUsers: NonNullable<RunningNetwork['natsUsers']>;
  nats: NonNullable<RunningNetwork['nats']>;
  databases: TestDatabases;
  run: string;
  /** Keys, membership file and every process's log (`logs/<name>.log`). */
  rootDir: string;
}

/** A network of AGENCIES (or of `extra.agencies`), each node on a PostgreSQL database of this run. */
export async function startTestNetwork(extra: Partial<NetworkSpec> = {}): Promise<TestNetwork> {
  // Letters only: tests write the run into alert summaries, where a run of hex digits could read
  // as a document number to the node's free-text check (and be refused, as it should be).
  const run = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  const rootDir = await mkdtemp(join(tmpdir(), `corridor-test-${run}-`));
  const { agencies = AGENCIES, ...rest } = extra;
  const databases = await createDatabases(
    run,
    agencies.map((a) => a.id),
  );
  let network: RunningNetwork;
  try {
    network = await startNetwork({
      rootDir,
      agencies: agencies.map((a) => ({ ...a, databaseUrl: databases.urls[a.id] as string })),
      nats: { start: true },
      subjectRoot: `corridor_t${run}`,
      directory: testDirectory(),
      quiet: true,
      ...rest,
    });
  } catch (e) {
    await databases.drop();
    throw e;
  }
  const { natsUsers, nats } = network;
  if (!natsUsers || !nats) {
    await network.stop();
    await databases.drop();
    throw new Error('a test network runs on a nats-server of its own, with one account per agency');
  }
  const stop = network.stop.bind(network);
  const addAgency = network.addAgency.bind(network);
  const added: TestDatabases[] = [];
  return Object.assign(network, {
    natsUsers,
    nats,
    databases,
    run,
    rootDir,
    /** As the launcher's, with a PostgreSQL database of this run for the new agency. */
    async addAgency(agency: AgencySpec, users?: UserSpec[]) {
      const db = await createDatabases(run, [agency.id]);
      added.push(db);
      return addAgency({ ...agency, databaseUrl: db.urls[agency.id] as string }, users);
    },
    async stop() {
      await stop();
      await databases.drop();
      for (const db of added) await db.drop();
      await rm(rootDir, { recursive: true, force: true });
    },
  });
}
