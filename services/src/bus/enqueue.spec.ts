import {
  type Alert,
  type ConsultationEvent,
  consultationEvent,
  newId,
  type ReleasePolicy,
  releasePolicy,
  verifyAuditHead,
  verifySignedBy,
} from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWireAlert } from '../alerts/publish-alert.js';
import { ITALY, italyHeadSigner, italySigner, NETWORK_KEY, routeInput, SPEC_MEMBERSHIP, SPEC_POLICY } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { enqueue, ReleaseRefused, type ReleasingAgency } from './enqueue.js';

const scratch = useMigratedScratchDatabase();
let italy: ReleasingAgency;

beforeAll(async () => {
  italy = {
    agency: ITALY,
    subjectRoot: 'corridor',
    membership: () => SPEC_MEMBERSHIP,
    policy: () => SPEC_POLICY,
    signer: await italySigner(),
  };
});

const withPolicy = (rules: unknown[]): ReleasingAgency => {
  const policy: ReleasePolicy = releasePolicy.parse({ agency: 'it-polfr', version: 7, rules });
  return { ...italy, policy: () => policy };
};

async function messageTo(to: string): Promise<ConsultationEvent> {
  const e = consultationEvent.parse({
    id: newId(),
    consultationId: newId(),
    from: 'it-polfr',
    to,
    at: new Date().toISOString(),
    author: 'Officer Rossi',
    type: 'message',
    body: 'Can we talk about the Zuwara departures?',
    protection: [],
  });
  return italy.signer.sign(e);
}

const outboxAbout = (id: string) => scratch.database.db.outboxMessage.findMany({ where: { aboutId: id }, orderBy: { seq: 'asc' } });
const auditNaming = (item: string) => scratch.database.db.auditEntry.findMany({ where: { items: { array_contains: [item] } } });

describe('sending to a partner', () => {
  it('queues nothing, audits nothing and keeps nothing of the caller’s transaction when the policy withholds a consultation', async () => {
    const db = scratch.database.db;
    const e = await messageTo('ng-nis');
    const nigerOnly = withPolicy([{ id: 'consult-niger', resource: 'consultation', partners: ['ne-ppn'] }]);
    const err = await db
      .$transaction(async (tx) => {
        // Whatever the caller wrote before in the same transaction: here, a partner's audit head.
        await tx.auditHead.create({ data: { agency: 'ne-ppn', seq: 1n, hash: e.id, at: new Date(), jws: 'j' } });
        await enqueue(tx, { kind: 'consultation', from: nigerOnly, event: e });
      })
      .catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ReleaseRefused);
    expect((err as Error).message).toBe(
      "Polizia di Frontiera's release policy does not share consultations with Nigeria Immigration Service",
    );
    expect(await outboxAbout(e.consultationId)).toEqual([]);
    expect(await auditNaming(`message:${e.id}`)).toEqual([]);
    expect(await db.auditHead.count({ where: { hash: e.id } })).toBe(0);
  });

  it('queues a consultation event once for its other party, under the rule that released it', async () => {
    const e = await messageTo('ne-ppn');
    const nigerOnly = withPolicy([{ id: 'consult-niger', resource: 'consultation', partners: ['ne-ppn'] }]);
    const twice = await scratch.database.db.$transaction(async (tx) => [
      await enqueue(tx, { kind: 'consultation', from: nigerOnly, event: e }),
      await enqueue(tx, { kind: 'consultation', from: nigerOnly, event: e }),
    ]);
    expect(twice).toEqual([1, 0]);
    const rows = await outboxAbout(e.consultationId);
    expect(rows.map((r) => [r.kind, r.subject, r.msgId])).toEqual([
      ['consultation', 'corridor.inbox.ne-ppn.case.it-polfr', `consultation:${e.id}:ne-ppn`],
    ]);
    expect(JSON.parse(rows[0]?.payload as string)).toEqual(e);
    expect((await auditNaming(`message:${e.id}`)).map((a) => [a.agency, a.rule, a.policyVersion])).toContainEqual([
      'ne-ppn',
      'consult-niger',
      7,
    ]);
  });

  it('never passes on another agency’s event as this agency’s', async () => {
    const e = { ...(await messageTo('ng-nis')), from: 'ne-ppn' };
    const consultAll = withPolicy([{ id: 'consult-all', resource: 'consultation' }]);
    await expect(
      scratch.database.db.$transaction((tx) => enqueue(tx, { kind: 'consultation', from: consultAll, event: e })),
    ).rejects.toThrow(ReleaseRefused);
    expect(await outboxAbout(e.consultationId)).toEqual([]);
  });

  it('rolls an alert’s rows and their audit back with the caller’s transaction', async () => {
    const alert = await italy.signer.sign(toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date()));
    await expect(
      scratch.database.db.$transaction(async (tx) => {
        expect(await enqueue(tx, { kind: 'alert', from: italy, alert })).toBe(2);
        throw new Error('the caller failed after queuing');
      }),
    ).rejects.toThrow('the caller failed after queuing');
    expect(await outboxAbout(alert.id)).toEqual([]);
    expect(await auditNaming(`${alert.id}@1`)).toEqual([]);
  });

  it('tells a partner of a correlation, signed, only where the policy releases the matched alert to it', async () => {
    const ours = await italy.signer.sign(toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date()));
    const from = (agency: string): Alert => toWireAlert(routeInput(), { ...ITALY, id: agency, country: 'NER' }, NETWORK_KEY, new Date());
    const fromNiger = from('ne-ppn');
    const fromNigeria = from('ng-nis');
    const nigerOnly = withPolicy([{ id: 'alerts-niger', resource: 'alert', partners: ['ne-ppn'] }]);
    const queued = await scratch.database.db.$transaction((tx) =>
      enqueue(tx, [
        { kind: 'correlation', from: nigerOnly, incoming: fromNiger, ours, kinds: ['travel_document'] },
        { kind: 'correlation', from: nigerOnly, incoming: fromNigeria, ours, kinds: ['travel_document'] },
      ]),
    );
    expect(queued).toBe(1);
    const rows = await outboxAbout(ours.id);
    expect(rows.map((r) => [r.kind, r.subject])).toEqual([['correlation', 'corridor.inbox.ne-ppn.correlation.it-polfr']]);
    const notice = JSON.parse(rows[0]?.payload as string);
    expect(notice).toMatchObject({ alertId: fromNiger.id, matchedAlertId: ours.id, agency: 'it-polfr' });
    expect(await verifySignedBy(notice, 'it-polfr', SPEC_MEMBERSHIP)).toMatchObject({ ok: true });
    expect((await auditNaming(`correlation:${fromNiger.id}`)).map((a) => [a.agency, a.rule])).toEqual([['ne-ppn', 'alerts-niger']]);
    expect(await auditNaming(`correlation:${fromNigeria.id}`)).toEqual([]);
  });

  it('sends an audit head, signed once, to every other member, without an audit row that would move the chain', async () => {
    const head = { kind: 'audit_head' as const, seq: 41n, hash: 'a'.repeat(64), at: new Date().toISOString() };
    const from = { agency: 'it-polfr', subjectRoot: 'corridor', membership: () => SPEC_MEMBERSHIP, signer: await italyHeadSigner() };
    const audit = await scratch.database.db.auditEntry.count();
    expect(await scratch.database.db.$transaction((tx) => enqueue(tx, { ...head, from }))).toBe(2);
    expect(await scratch.database.db.$transaction((tx) => enqueue(tx, { ...head, from }))).toBe(0);
    const rows = await scratch.database.db.outboxMessage.findMany({ where: { kind: 'audit_head', msgId: { contains: ':41#' } } });
    expect(rows.map((r) => [r.subject, r.aboutId]).sort()).toEqual([
      ['corridor.inbox.ne-ppn.audit.it-polfr', null],
      ['corridor.inbox.ng-nis.audit.it-polfr', null],
    ]);
    expect(await verifyAuditHead(rows[0]?.payload as string, 'it-polfr', SPEC_MEMBERSHIP)).toMatchObject({ ok: true, head: { seq: '41' } });
    expect(await scratch.database.db.auditEntry.count()).toBe(audit);
  });
});
