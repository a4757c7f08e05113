// Protection first (issue 7): when an alert or a consultation flags a vulnerable person (a child,
// an unaccompanied child, a pregnant woman…), every agency holding it raises a protection notice
// and brings it to the protection contact its own directory lists for the country concerned. A
// notice names the need, the place and whom it was brought to: no identifier, no name, nothing
// that could mark the migrant as a suspect, and it changes nothing else (no hit, no correlation).
// This module alone decides when a notice is owed. It is asked in the transaction that stores the
// alert or the consultation event, so the notice commits with what called for it or not at all.
import type { Alert, ConsultationEvent, CountryCode, MemberAgency, ProtectionFlag } from '@corridor/proto';
import { alertsFlaggingProtection } from '../alerts/alert-store.js';
import type { Db } from '../database.js';
import { protectionContacts } from '../directory/directory-store.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../log.js';
import { insertNotices, noticedSources, type ProtectionContact, type ProtectionNotice } from './protection-store.js';

type Tx = Prisma.TransactionClient;

export interface ProtectionNotifier {
  /** In the transaction storing them: notices for alerts (own or received, new or amended) that flag vulnerable persons. */
  forAlerts(tx: Tx, alerts: readonly Alert[]): Promise<void>;
  /** In the transaction keeping them: notices for consultation events that flag vulnerable persons. */
  forConsultationEvents(tx: Tx, events: readonly ConsultationEvent[]): Promise<void>;
  /** Alerts stored with flags but no notice (kept before notices were raised in their transaction): raised at start-up. */
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

type Owed = Omit<ProtectionNotice, 'contacts'>;

function owedForAlert(a: Alert): Owed | null {
  const flags = protectionNeeds(a);
  if (flags.length === 0 || a.status === 'withdrawn') return null;
  return { source: 'alert', sourceId: a.id, originAgency: a.origin.agency, country: protectionCountry(a), flags };
}

export function createProtectionNotifier(deps: { db: Db; agency: MemberAgency; log: Logger }): ProtectionNotifier {
  /** Brings each owed notice to the contacts listed for its country (one look-up per country), in one statement. */
  async function raise(db: Db | Tx, owed: readonly Owed[]): Promise<void> {
    if (owed.length === 0) return;
    const contacts = new Map<string, ProtectionContact[]>();
    for (const country of new Set(owed.map((n) => n.country)))
      contacts.set(
        country,
        (await protectionContacts(db, country)).map((c) => ({ entryId: c.id, name: c.name })),
      );
    const raised = await insertNotices(
      db,
      owed.map((n) => ({ ...n, contacts: contacts.get(n.country) ?? [] })),
    );
    // The log says what need, where, and to whom it was brought: never who the person is.
    for (const n of raised) {
      const about = { source: n.source, ref: n.sourceId, country: n.country, flags: n.flags };
      if (n.contacts.length > 0) deps.log.info('protection notice raised', { ...about, contacts: n.contacts.map((c) => c.name) });
      else deps.log.warn('protection notice raised, but no protection contact is listed for the country', about);
    }
  }

  return {
    forAlerts: (tx, alerts) =>
      raise(
        tx,
        alerts.flatMap((a) => owedForAlert(a) ?? []),
      ),
    forConsultationEvents: (tx, events) =>
      raise(
        tx,
        // The writer says where the person was seen; both parties bring the notice to the protection
        // contact their directory lists for that country. Events written before `seenIn` existed
        // named no place: each party then used its own country, as it did then.
        events.flatMap((e): Owed[] =>
          (e.type === 'opened' || e.type === 'message') && e.protection.length > 0
            ? [
                {
                  source: 'consultation',
                  sourceId: e.id,
                  originAgency: e.from,
                  country: (e.seenIn as CountryCode | undefined) ?? deps.agency.country,
                  flags: e.protection,
                },
              ]
            : [],
        ),
      ),
    async catchUp() {
      const flagged = await alertsFlaggingProtection(deps.db);
      const noticed = await noticedSources(
        deps.db,
        'alert',
        flagged.map((a) => a.id),
      );
      const missing = flagged.filter((a) => !noticed.has(a.id));
      await raise(
        deps.db,
        missing.flatMap((a) => owedForAlert(a) ?? []),
      );
      return missing.length;
    },
  };
}
