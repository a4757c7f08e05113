// Protection first (issue 7): when an alert or a consultation flags a vulnerable person (a child,
// an unaccompanied child, a pregnant woman…), every agency holding it raises a protection notice
// and brings it to the protection contact its own directory lists for the country concerned. A
// notice names the need, the place and whom it was brought to: no identifier, no name, nothing
// that could mark the migrant as a suspect, and it changes nothing else (no hit, no correlation).
import { type Alert, type ConsultationEvent, type CountryCode, type MemberAgency, newId, type ProtectionFlag } from '@corridor/proto';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../log.js';

type Tx = Prisma.TransactionClient;

export interface ProtectionContact {
  entryId: string;
  name: string;
}

export interface ProtectionNoticeView {
  id: string;
  source: 'alert' | 'consultation';
  sourceId: string;
  originAgency: string;
  country: string;
  flags: ProtectionFlag[];
  /** The protection contacts this agency's directory lists for the country; empty when none is. */
  contacts: ProtectionContact[];
  at: string;
}

export interface ProtectionNotifier {
  fromConsultation(tx: Tx, e: ConsultationEvent): Promise<void>;
  fromAlerts(alerts: readonly Alert[]): Promise<void>;
  /** Alerts stored with flags but no notice yet (a crash between the two): raised at start-up. */
  catchUp(): Promise<number>;
}

/** The needs an alert flags: its protection flags, and those its counts of vulnerable persons imply. */
export function protectionNeeds(a: Alert): ProtectionFlag[] {
  const needs = new Set<ProtectionFlag>(a.protection ?? []);
  const v = a.kind === 'route' ? a.routeDetails.vulnerablePersons : undefined;
  if (v?.children) needs.add('child');
  if (v?.unaccompaniedMinors) needs.add('unaccompanied_child');
  if (v?.pregnantWomen) needs.add('pregnant_woman');
  return [...needs];
}

/** Where the people flagged in an alert are: a route's last waypoint, else where it was reported. */
export function protectionCountry(a: Alert): CountryCode {
  const last = a.route?.waypoints[a.route.waypoints.length - 1];
  return last?.country ?? a.origin.country;
}

async function contactsFor(db: Db | Tx, country: string): Promise<ProtectionContact[]> {
  const rows = await db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text, document->>'name' AS name FROM directory_entries
    WHERE retired_at IS NULL AND roles @> ARRAY['protection']::text[]
      AND (country = ${country} OR posted_in = ${country} OR covers @> ARRAY[${country}]::text[])
    ORDER BY always DESC, name`;
  return rows.map((r) => ({ entryId: r.id, name: r.name }));
}

export function createProtectionNotifier(deps: { db: Db; agency: MemberAgency; log: Logger }): ProtectionNotifier {
  async function raise(
    db: Db | Tx,
    n: { source: 'alert' | 'consultation'; sourceId: string; originAgency: string; country: string; flags: readonly ProtectionFlag[] },
  ) {
    const contacts = await contactsFor(db, n.country);
    const inserted = await db.$executeRaw`
      INSERT INTO protection_notices (id, source, source_id, origin_agency, country, flags, contacts)
      VALUES (${newId()}::uuid, ${n.source}, ${n.sourceId}::uuid, ${n.originAgency}, ${n.country}, ${[...n.flags]}::text[],
        ${JSON.stringify(contacts)}::jsonb)
      ON CONFLICT (source, source_id) DO NOTHING`;
    if (inserted === 0) return;
    // The log says what need, where, and to whom it was brought: never who the person is.
    if (contacts.length > 0)
      deps.log.info('protection notice raised', {
        source: n.source,
        ref: n.sourceId,
        country: n.country,
        flags: n.flags,
        contacts: contacts.map((c) => c.name),
      });
    else
      deps.log.warn('protection notice raised, but no protection contact is listed for the country', {
        source: n.source,
        ref: n.sourceId,
        country: n.country,
        flags: n.flags,
      });
  }

  async function fromAlerts(alerts: readonly Alert[]): Promise<void> {
    for (const a of alerts) {
      const flags = protectionNeeds(a);
      if (flags.length > 0 && a.status !== 'withdrawn')
        await raise(deps.db, { source: 'alert', sourceId: a.id, originAgency: a.origin.agency, country: protectionCountry(a), flags });
    }
  }

  return {
    async fromConsultation(tx, e) {
      if ((e.type !== 'opened' && e.type !== 'message') || e.protection.length === 0) return;
      // A thread says nothing of where the person is: each party brings it to the protection
      // contact of its own country, who can act on it there.
      await raise(tx, { source: 'consultation', sourceId: e.id, originAgency: e.from, country: deps.agency.country, flags: e.protection });
    },
    fromAlerts,
    async catchUp() {
      const rows = await deps.db.$queryRaw<{ document: Alert }[]>`
        SELECT a.document FROM alerts a
        WHERE (jsonb_array_length(COALESCE(a.document->'protection', '[]')) > 0
            OR COALESCE((a.document->'routeDetails'->'vulnerablePersons') <> '{}', false))
          AND a.document->>'status' <> 'withdrawn'
          AND NOT EXISTS (SELECT 1 FROM protection_notices n WHERE n.source = 'alert' AND n.source_id = a.id)`;
      await fromAlerts(rows.map((r) => r.document));
      return rows.length;
    },
  };
}

/** The notices this agency holds, newest first. */
export async function listProtectionNotices(db: Db, limit = 100): Promise<ProtectionNoticeView[]> {
  const rows = await db.protectionNotice.findMany({ orderBy: { at: 'desc' }, take: Math.min(Math.max(limit, 1), 500) });
  return rows.map((r) => ({
    id: r.id,
    source: r.source as ProtectionNoticeView['source'],
    sourceId: r.sourceId,
    originAgency: r.originAgency,
    country: r.country,
    flags: r.flags as ProtectionFlag[],
    contacts: r.contacts as unknown as ProtectionContact[],
    at: r.at.toISOString(),
  }));
}
