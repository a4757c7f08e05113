import { parseNetworkKeyring, pseudonymizeUnderAll } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withdrawAlert } from '../alerts/alert-lifecycle.js';
import { ownAlertsCarrying } from '../alerts/alert-store.js';
import { carriesAnyOf } from '../alerts/identifier-lookup.js';
import { publishAlert } from '../alerts/publish-alert.js';
import { localPseudonymizer } from '../pseudonyms/pseudonymizer.js';
import { italyPublishing, RAW_DOCUMENT, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';

const scratch = useMigratedScratchDatabase();
const secret = (b: number) => Buffer.alloc(32, b).toString('base64url');
const epochOne = parseNetworkKeyring(`1:${secret(1)}`);
const overlap = parseNetworkKeyring(`1:${secret(1)}@2027-01-31T00:00:00Z,2:${secret(2)}`);
const passport = { kind: 'travel_document' as const, value: RAW_DOCUMENT, qualifier: 'NGA' };

describe('finding own alerts by pseudonym, across a key rotation', () => {
  let beforeRotation: string;
  let duringOverlap: string;
  beforeAll(async () => {
    const db = scratch.database.db;
    beforeRotation = (await publishAlert(await italyPublishing(db, { pseudonymizer: localPseudonymizer(epochOne) }), routeInput())).id;
    const during = await italyPublishing(db, { pseudonymizer: localPseudonymizer(overlap), now: () => new Date('2026-12-01T00:00:00Z') });
    const a = await publishAlert(during, routeInput({ summary: 'Seen again after the rotation' }));
    duringOverlap = a.id;
    // During the overlap an identifier travels under both epochs.
    expect(a.identifiers.map((i) => i.epoch)).toEqual([1, 2]);
  });

  const found = async (ring: typeof overlap, at: string) =>
    (await ownAlertsCarrying(scratch.database.db, pseudonymizeUnderAll(passport, ring, new Date(at)))).map((a) => a.id).sort();

  it('finds alerts of either epoch while both are in use', async () => {
    expect(await found(overlap, '2026-12-01T00:00:00Z')).toEqual([beforeRotation, duringOverlap].sort());
  });

  it('no longer links the old epoch’s alert once that epoch is retired', async () => {
    expect(await found(overlap, '2027-02-01T00:00:00Z')).toEqual([duringOverlap]);
  });

  it('leaves withdrawn alerts out, and finds nothing for another document', async () => {
    expect(await found(epochOne, '2026-11-01T00:00:00Z')).toEqual([beforeRotation, duringOverlap].sort());
    await withdrawAlert(await italyPublishing(scratch.database.db, { pseudonymizer: localPseudonymizer(epochOne) }), beforeRotation, {
      reason: 'The document was genuine',
    });
    expect(await found(epochOne, '2026-11-01T00:00:00Z')).toEqual([duringOverlap]);
    expect(
      await ownAlertsCarrying(
        scratch.database.db,
        pseudonymizeUnderAll({ ...passport, value: 'B00000001' }, overlap, new Date('2026-12-01T00:00:00Z')),
      ),
    ).toEqual([]);
  });
});

describe('the lookup behind every check and every correlation', () => {
  it('is answered from the identifiers index, whatever the number of pseudonyms asked about', async () => {
    const db = scratch.database.db;
    const asked = pseudonymizeUnderAll(passport, overlap, new Date('2026-12-01T00:00:00Z'));
    expect(asked).toHaveLength(2);
    // With sequential scans priced out, a plan that still reads the whole table is one that
    // cannot use the index at all: what a million pseudonyms per node would make slow.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM alerts WHERE ${carriesAnyOf(asked)}`;
    });
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('alerts_identifiers_idx');
    expect(text).not.toContain('Seq Scan');
  });
});
