// Automatic correlation (issue 5): when alerts arrive from a partner, the node looks for alerts it
// holds from another agency that carry one of the same pseudonyms (one GIN lookup per alert).
// Each pair is kept (both ways) and shown in this node's feed. When the match is one of this
// agency's own alerts and its release policy lets the partner know of that alert, a signed notice
// goes to the partner's inbox, so both agencies' feeds link the two alerts. A notice received
// from a partner is checked (its subject, its signature, that it names one of our own alerts)
// before it is kept and shown.
import {
  type Alert,
  alertEndsAt,
  type CorrelationNotice,
  correlationNotice,
  parseCorrelationSubject,
  verifySignedBy,
} from '@corridor/proto';
import type { AlertCorrelationView, AlertWithCorrelations } from '@corridor/proto/graphql';
import { enqueue, type PartnerMessage, type ReleasingAgency } from '../bus/enqueue.js';
import { type AddressedKind, type Receipt, readAddressed } from '../bus/receipt.js';
import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import { nodeSignatures } from '../signature-engine.js';
import { parseStored } from '../stored-json.js';
import { alertsById, heldAlertsCarrying, holdsOwnAlert } from './alert-store.js';
import type { Feed } from './feed.js';

/** The agency releasing notices (bus/enqueue.ts signs them), its store and its feed. */
export interface CorrelatorDeps extends ReleasingAgency {
  db: Db;
  feed: Feed;
  /** Wakes the outbox relay once notices are queued. */
  onQueued: () => void;
  log: Logger;
}

const NOTICE: AddressedKind<CorrelationNotice> = {
  grammar: parseCorrelationSubject,
  schema: correlationNotice,
  notForUs: 'not a correlation subject for this agency',
  notOfSchema: 'not a correlation notice',
};

export interface Correlator {
  /** Looks for correlations of alerts just stored from partners; returns them with their correlations attached. */
  afterStored(alerts: Alert[]): Promise<AlertWithCorrelations[]>;
  /** A partner's notice from the bus; a refused one is for the quarantine. */
  receiveNotice(subject: string, data: string): Promise<Receipt>;
}

interface Pair {
  alertId: string;
  otherAlertId: string;
  otherAgency: string;
  kinds: CorrelationNotice['kinds'];
}

/** The correlations this node knows of, for alerts held here. */
export async function correlationsOf(db: Db, alertIds: readonly string[]): Promise<Map<string, AlertCorrelationView[]>> {
  const out = new Map<string, AlertCorrelationView[]>();
  if (alertIds.length === 0) return out;
  const rows = await db.correlation.findMany({ where: { alertId: { in: [...alertIds] } }, orderBy: { foundAt: 'asc' } });
  for (const r of rows) {
    const kinds = parseStored(correlationNotice.shape.kinds, r.kinds, { table: 'correlations', row: `${r.alertId} ${r.otherAlertId}` });
    out.set(r.alertId, [...(out.get(r.alertId) ?? []), { alertId: r.otherAlertId, agency: r.otherAgency, kinds }]);
  }
  return out;
}

const PER_ALERT = 50;

/**
 * For each alert of a batch just stored, the alerts held here (own or received, current, neither
 * withdrawn nor expired) of another origin sharing a pseudonym with it, at most PER_ALERT each: one probe of
 * the identifiers index for the whole batch (one per alert cost a round trip each, in series), and
 * the batch's alerts matched among themselves in memory.
 */
async function sharingWithEach(db: Db, alerts: readonly Alert[]): Promise<Map<string, Alert[]>> {
  const out = new Map<string, Alert[]>(alerts.map((a) => [a.id, []]));
  const all = alerts.flatMap((a) => a.identifiers);
  if (all.length === 0) return out;
  const stored = await heldAlertsCarrying(db, all, { except: alerts.map((a) => a.id), limit: PER_ALERT * alerts.length });
  // An expired alert correlates with nothing, as a hit check no longer finds it.
  const now = Date.now();
  const holding = (a: Alert) => a.status !== 'withdrawn' && alertEndsAt(a).getTime() > now;
  const held = [...stored, ...alerts.filter(holding)];
  for (const a of alerts) {
    if (!holding(a)) continue;
    const mine = new Set(a.identifiers.map((i) => i.pseudonym));
    const others = held.filter(
      (o) => o.id !== a.id && o.origin.agency !== a.origin.agency && o.identifiers.some((i) => mine.has(i.pseudonym)),
    );
    out.set(a.id, others.slice(0, PER_ALERT));
  }
  return out;
}

function sharedKinds(a: Alert, b: Alert): CorrelationNotice['kinds'] {
  const mine = new Set(b.identifiers.map((i) => i.pseudonym));
  return [...new Set(a.identifiers.filter((i) => mine.has(i.pseudonym)).map((i) => i.kind))].sort();
}

/** Keeps pairs not seen before; returns those that are new. */
async function keep(db: Db, pairs: Pair[]): Promise<Pair[]> {
  if (pairs.length === 0) return [];
  const rows = await db.$queryRaw<{ alert_id: string; other_alert_id: string }[]>`
    INSERT INTO correlations (alert_id, other_alert_id, other_agency, kinds)
    SELECT (p->>'alertId')::uuid, (p->>'otherAlertId')::uuid, p->>'otherAgency', p->'kinds'
    FROM jsonb_array_elements(${JSON.stringify(pairs)}::jsonb) AS p
    ON CONFLICT DO NOTHING
    RETURNING alert_id::text, other_alert_id::text`;
  const fresh = new Set(rows.map((r) => `${r.alert_id}|${r.other_alert_id}`));
  return pairs.filter((p) => fresh.has(`${p.alertId}|${p.otherAlertId}`));
}

export function createCorrelator(deps: CorrelatorDeps): Correlator {
  const { db, feed, log } = deps;

  /** Shows held alerts again in the feed, with every correlation now known: the console links them. */
  async function reshow(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const held = await alertsById(db, ids);
    const known = await correlationsOf(db, ids);
    for (const a of held) feed.publish('alert', { ...a, correlations: known.get(a.id) ?? [] } as AlertWithCorrelations);
  }

  return {
    async afterStored(alerts) {
      const pairs: Pair[] = [];
      const matches = await sharingWithEach(db, alerts);
      for (const a of alerts) {
        for (const o of matches.get(a.id) ?? []) {
          const kinds = sharedKinds(a, o);
          pairs.push({ alertId: a.id, otherAlertId: o.id, otherAgency: o.origin.agency, kinds });
          pairs.push({ alertId: o.id, otherAlertId: a.id, otherAgency: a.origin.agency, kinds });
        }
      }
      const fresh = await keep(db, pairs);
      if (fresh.length > 0) log.info('correlations found', { count: fresh.length / 2 });

      // Tell the origin of an incoming alert about our own alert it matches, where our policy allows (enqueue decides).
      const notices: PartnerMessage[] = [];
      for (const p of fresh) {
        const incoming = alerts.find((a) => a.id === p.alertId);
        const ours = incoming && matches.get(incoming.id)?.find((o) => o.id === p.otherAlertId && o.origin.agency === deps.agency.id);
        if (!incoming || !ours) continue;
        notices.push({ kind: 'correlation', from: deps, incoming, ours, kinds: p.kinds });
      }
      if (notices.length > 0 && (await db.$transaction((tx) => enqueue(tx, notices))) > 0) deps.onQueued();

      // The incoming alerts go to the feed with their correlations; the held alerts they matched are shown again.
      const known = await correlationsOf(
        db,
        alerts.map((a) => a.id),
      );
      const heldAgain = [...new Set(fresh.filter((p) => !alerts.some((a) => a.id === p.alertId)).map((p) => p.alertId))];
      await reshow(heldAgain);
      return alerts.map((a) => ({ ...a, correlations: known.get(a.id) ?? [] }));
    },

    async receiveNotice(subject, data) {
      const read = readAddressed({ subjectRoot: deps.subjectRoot, agency: deps.agency.id }, subject, data, NOTICE);
      if (!read.ok) return read;
      const notice = read.value;
      if (notice.agency !== read.sender) return { ok: false, reason: 'subject does not match the notice’s sender' };
      const signed = await verifySignedBy(notice, notice.agency, deps.membership(), nodeSignatures);
      if (!signed.ok) return { ok: false, reason: `bad signature: ${signed.reason}` };
      if (!(await holdsOwnAlert(db, notice.alertId))) return { ok: false, reason: 'names an alert this agency did not publish' };
      const fresh = await keep(db, [
        { alertId: notice.alertId, otherAlertId: notice.matchedAlertId, otherAgency: notice.agency, kinds: notice.kinds },
      ]);
      if (fresh.length > 0) {
        log.info('correlation notice received', { alert: notice.alertId, from: notice.agency });
        await reshow([notice.alertId]);
      }
      return { ok: true };
    },
  };
}
