// An audit that a node cannot rewrite alone (issue 11, part 5). Each node signs the head of its
// release audit and sends it to every partner, which keeps it. Acting as a hostile node's own
// operator, with superuser rights on its own PostgreSQL, its own signing key and its own NATS
// credentials: deleting the newest rows, rewriting a row with every later hash recomputed, and
// serving two different chains to two partners are each found by verifyAuditLog through the
// gateway, and named, while the chain alone still verifies. An untouched chain verifies ok.
import { auditHeadSubject, createAuditHeadSigner } from '@corridor/proto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTail, deleteNewestRows, rewriteRow } from '../support/audit-chain.js';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { queryDatabase } from '../support/postgres.js';
import { AGENCIES, officersAnd, startTestNetwork, type TestNetwork } from '../support/test-network.js';

interface Verification {
  ok: boolean;
  checked: number;
  brokenAt: string | null;
  problem: string | null;
  unanswered: string[];
  partners: { agency: string; seq: string; hash: string; ok: boolean; problem: string | null }[];
  problems: { kind: string; seq: string; agencies: string[]; message: string }[];
}

let net: TestNetwork;
const admins = AGENCIES.map((a) => ({
  id: `${a.id}-admin`,
  name: `Administrator of ${a.id}`,
  agency: a.id,
  roles: ['administrator' as const],
}));
const partnersOf = (agency: string) => AGENCIES.map((a) => a.id).filter((id) => id !== agency);
const dbOf = (agency: string) => net.databases.urls[agency] as string;

async function verify(agency: string): Promise<Verification> {
  const r = await gql<{ verifyAuditLog: Verification }>(
    net.gatewayUrl,
    await net.token(`${agency}-admin`),
    `{ verifyAuditLog { ok checked brokenAt problem unanswered
        partners { agency seq hash ok problem } problems { kind seq agencies message } } }`,
  );
  expect(r.errors).toBeUndefined();
  return r.data?.verifyAuditLog as Verification;
}

/** Waits until every partner holds a head of the agency's chain at its newest row. */
async function headsGossiped(agency: string): Promise<{ seq: string; hash: string }> {
  // The tail is read again each time: partners' correlation notices may still add rows.
  return eventually(async () => {
    const tail = await auditTail(dbOf(agency));
    const v = await verify(agency);
    return partnersOf(agency).every((p) => v.partners.some((h) => h.agency === p && h.seq === tail.seq && h.hash === tail.hash)) && tail;
  });
}

/** Publishes on the bus with Nigeria's node's own NATS credentials, as its operator can. */
async function publishAsNigeria(subject: string, payload: string): Promise<void> {
  const creds = net.natsUsers?.['ng-nis'];
  const nc = await connect({ servers: net.natsUrl, user: creds?.node.user, pass: creds?.node.password });
  try {
    await jetstream(nc).publish(subject, payload);
  } finally {
    await nc.close();
  }
}

beforeAll(async () => {
  // The launcher's own nats-server: each node holds only its own agency's credentials.
  net = await startTestNetwork({ users: officersAnd(...admins), nats: { start: true }, nodeEnv: { CORRIDOR_AUDIT_HEAD_MS: '300' } });
  // Every agency releases alerts to its partners: rows in each audit.
  for (const a of AGENCIES) {
    for (let i = 0; i < 3; i++) {
      const r = await gql(
        net.gatewayUrl,
        await net.token(`${a.id}-officer`),
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
        {
          input: routeAlert(),
        },
      );
      expect(r.errors).toBeUndefined();
    }
  }
  for (const a of AGENCIES) await headsGossiped(a.id);
}, 180_000);
afterAll(async () => {
  await net?.stop();
});

describe('an audit whose heads partners hold', () => {
  it('verifies ok while untouched, each partner’s head found in the chain', async () => {
    for (const a of AGENCIES) {
      const v = await verify(a.id);
      expect(v).toMatchObject({ ok: true, brokenAt: null, problems: [], unanswered: [] });
      expect(v.checked).toBeGreaterThanOrEqual(6);
      expect(new Set(v.partners.map((p) => p.agency))).toEqual(new Set(partnersOf(a.id)));
      expect(v.partners.every((p) => p.ok)).toBe(true);
    }
  });

  it('names the truncation when the node’s operator deletes the newest rows', async () => {
    const before = await headsGossiped('it-polfr');
    await deleteNewestRows(dbOf('it-polfr'), 2);
    const v = await verify('it-polfr');
    // The chain that is left verifies on its own: only the heads partners hold show the cut.
    expect(v).toMatchObject({ ok: false, brokenAt: null });
    expect(v.problems).toContainEqual(
      expect.objectContaining({ kind: 'truncation', seq: before.seq, agencies: expect.arrayContaining(partnersOf('it-polfr')) }),
    );
    expect(v.partners.filter((p) => p.seq === before.seq).every((p) => !p.ok && /rows were deleted/.test(p.problem ?? ''))).toBe(true);
  });

  it('names the rewrite, and the partners holding the head, when a row is altered and every later hash recomputed', async () => {
    const held = await headsGossiped('ne-ppn');
    await rewriteRow(dbOf('ne-ppn'), String(Number(held.seq) - 2), 'xx-nobody');
    const v = await verify('ne-ppn');
    expect(v).toMatchObject({ ok: false, brokenAt: null });
    expect(v.problems).toContainEqual(
      expect.objectContaining({ kind: 'rewrite', seq: held.seq, agencies: expect.arrayContaining(partnersOf('ne-ppn')) }),
    );
    expect(v.partners.find((p) => p.agency === 'it-polfr' && p.seq === held.seq && p.hash === held.hash)).toMatchObject({
      ok: false,
      problem: expect.stringContaining('the chain was rewritten'),
    });
  });

  it('names equivocation, with both partners, when the node signs a different chain for one partner only', async () => {
    const tail = await headsGossiped('ng-nis');
    // Nigeria's operator, with its own key and its own NATS credentials, tells Italy alone of another chain.
    const signer = await createAuditHeadSigner(net.signingKeys['ng-nis']?.privateJwk ?? {});
    const other = await signer.sign({ agency: 'ng-nis', seq: tail.seq, hash: 'e'.repeat(64), at: new Date().toISOString() });
    await publishAsNigeria(auditHeadSubject(net.subjectRoot, 'it-polfr', 'ng-nis'), other);
    const v = await eventually(async () => {
      const r = await verify('ng-nis');
      return r.problems.some((p) => p.kind === 'equivocation') && r;
    });
    expect(v.ok).toBe(false);
    expect(v.brokenAt).toBeNull();
    expect(v.problems).toContainEqual({
      kind: 'equivocation',
      seq: tail.seq,
      agencies: ['it-polfr', 'ne-ppn'],
      message: expect.stringMatching(/two different chains were signed at row \d+: .*it-polfr.* eeeeeeeeeeee…/),
    });
  });

  it('quarantines a head of another agency’s chain, signed with the sender’s own key, and keeps none of it', async () => {
    const signer = await createAuditHeadSigner(net.signingKeys['ng-nis']?.privateJwk ?? {});
    const hash = 'd'.repeat(64);
    const claimed = await signer.sign({ agency: 'ne-ppn', seq: '1', hash, at: new Date().toISOString() });
    await publishAsNigeria(auditHeadSubject(net.subjectRoot, 'it-polfr', 'ng-nis'), claimed);
    const italy = dbOf('it-polfr');
    await eventually(async () => {
      const q = await queryDatabase<{ reason: string }>(italy, `SELECT reason FROM quarantine WHERE subject LIKE '%.audit.ng-nis'`);
      return q.some((r) => r.reason === "bad audit head: a head of agency ne-ppn's chain sent by ng-nis");
    });
    expect(await queryDatabase(italy, 'SELECT 1 FROM audit_heads WHERE hash = $1', [hash])).toEqual([]);
  });

  it('refuses heads or partners that are not what the gateway collects, naming the field', async () => {
    const r = await gql(
      net.nodes['it-polfr']?.url as string,
      await net.token('it-polfr-admin'),
      'query($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) { ok } }',
      { heads: [{ holder: 'ne-ppn', jws: 'x'.repeat(5000) }], answered: ['Not an agency'] },
    );
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'heads' }), expect.objectContaining({ path: 'answered' })],
    });
  });
});
