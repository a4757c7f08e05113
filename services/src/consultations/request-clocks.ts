// Statutory clocks on requests (issue 17, item 2): the escalation at 100 %. Each sent request has
// a clock (request-clock-store.ts), derived from its signed events whenever one is kept here and
// rebuilt from all of them at start. The receiving agency's node scans for clocks that fell due
// and escalates each unanswered request once to its single point of contact: a signed
// `request_escalated` event naming that contact, kept here and sent to the sending agency so that
// it sees it too. The scan runs whether or not anyone has a console open, and what fell due while
// the node was stopped is escalated at its next start; claiming the clock and keeping the event
// commit together, so neither a restart nor a second scan escalates twice.
import { isOverdue } from '@corridor/proto';
import { singlePointOfContact } from '../directory/directory-store.js';
import { type RepeatingPass, startRepeatingPass } from '../repeating-pass.js';
import { requestConsultations } from './consultation-store.js';
import { type ConsultationDeps, emitEscalation, getConsultation } from './consultations.js';
import { dueClocks, syncClocks } from './request-clock-store.js';

/** Every request's clock as its events fold now: at start, so that older requests (date deadlines) get theirs too. */
export async function rebuildClocks(deps: ConsultationDeps): Promise<number> {
  const ids = [...(await requestConsultations(deps.db)).keys()];
  for (const id of ids) {
    const c = await getConsultation(deps, id);
    if (c) await syncClocks(deps.db, c);
  }
  return ids.length;
}

/** Escalates, once each, this agency's received requests that fell due unanswered. Returns how many. */
export async function escalateDueRequests(deps: ConsultationDeps, now = new Date()): Promise<number> {
  let escalated = 0;
  for (const clock of await dueClocks(deps.db, deps.agency.id, now)) {
    const c = await getConsultation(deps, clock.consultationId);
    const r = c?.requests.find((x) => x.id === clock.requestId);
    if (!c || !r || !isOverdue(r, now) || r.escalatedAt) {
      // Answered or moved on meanwhile: the clock is brought in line, and nothing is escalated.
      if (c) await syncClocks(deps.db, c);
      continue;
    }
    const spoc = await singlePointOfContact(deps.db);
    const sent = await emitEscalation(deps, c, r, spoc ? { entryId: spoc.id, name: spoc.name } : undefined, now);
    if (sent === null) continue;
    escalated++;
    deps.log.info('request escalated', { request: r.id, consultation: c.id, contact: spoc?.id ?? null, toSender: sent });
    if (!spoc) deps.log.warn('request escalated with no single point of contact designated', { request: r.id });
  }
  return escalated;
}

/** Rebuilds the clocks, then scans at once and every `scanMs` until stopped, one scan at a time. */
export function startRequestClocks(deps: ConsultationDeps, scanMs: number): RepeatingPass {
  const rebuilt = rebuildClocks(deps)
    .then((n) => n > 0 && deps.log.info('request clocks rebuilt', { consultations: n }))
    .catch((e: unknown) => deps.log.warn('request clocks not rebuilt', { error: (e as Error).message }));
  return startRepeatingPass(
    () => escalateDueRequests(deps),
    scanMs,
    (e) => deps.log.warn('request clock scan failed', { error: e.message }),
    rebuilt,
  );
}
