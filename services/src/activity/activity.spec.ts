// An officer's activity counts, against a real database: what the other agency wrote after the
// officer's marks, each request once, nothing the officer's own agency wrote, and the marks
// started at the first reading so that a first sign-in does not count the history.
import { type ConsultationEvent, consultationEvent, newId } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { keepEvents } from '../consultations/consultation-store.js';
import { ITALY } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { activityCounts, consultationActivity } from './activity.js';
import { markSeen } from './activity-store.js';

const scratch = useMigratedScratchDatabase();
const SELF = ITALY.id;
const OTHER = 'ne-ppn';

function event(from: string, type: 'message' | 'request' | 'request_status', over: Record<string, unknown> = {}): ConsultationEvent {
  const base = {
    id: newId(),
    consultationId: CONSULTATION,
    from,
    to: from === SELF ? OTHER : SELF,
    at: new Date().toISOString(),
    author: 'A. Officer',
  };
  if (type === 'message') return consultationEvent.parse({ ...base, type, body: 'Any news?', protection: [], ...over });
  if (type === 'request_status') return consultationEvent.parse({ ...base, type, requestId: REQUEST, status: 'sent', ...over });
  return consultationEvent.parse({
    ...base,
    type,
    requestId: REQUEST,
    requestType: 'information_request',
    summary: 'Departure dates',
    sendingAuthority: { agency: from, name: 'Central authority' },
    receivingAuthority: { agency: SELF, name: 'Central authority' },
    reference: 'REF-1',
    ...over,
  });
}
const CONSULTATION = newId();
const REQUEST = newId();
const keep = (events: ConsultationEvent[]) => scratch.database.db.$transaction((tx) => keepEvents(tx, events, true));
const counts = (subject: string) => activityCounts(scratch.database.db, SELF, subject);

describe('an officer’s activity counts', () => {
  it('counts the other agency’s messages and requests after the marks, each request once, and not the agency’s own', async () => {
    await keep([event(OTHER, 'message')]);
    // The first reading starts the marks: what came before it is not new to this officer.
    expect(await counts('officer-a')).toEqual({ alert: 0, consultation: 0, request: 0, protection: 0 });

    await keep([event(OTHER, 'message'), event(OTHER, 'request'), event(OTHER, 'request_status'), event(SELF, 'message')]);
    expect(await counts('officer-a')).toEqual({ alert: 0, consultation: 1, request: 1, protection: 0 });

    // Marks are the officer's own: a colleague who opened the page clears nothing for them.
    await counts('officer-b');
    await markSeen(scratch.database.db, 'officer-b', 'consultation');
    expect((await counts('officer-a')).consultation).toBe(1);

    await markSeen(scratch.database.db, 'officer-a', 'consultation');
    expect(await counts('officer-a')).toEqual({ alert: 0, consultation: 0, request: 1, protection: 0 });
  });

  it('wakes the pages for every event kept, a colleague’s too, and the notices for a flagged message', () => {
    expect(consultationActivity(event(SELF, 'message')).map((e) => e.kind)).toEqual(['consultation']);
    expect(consultationActivity(event(OTHER, 'request_status')).map((e) => e.kind)).toEqual(['request']);
    const flagged = event(OTHER, 'message', { protection: ['unaccompanied_child'], seenIn: 'ITA' });
    expect(consultationActivity(flagged)).toEqual([
      { kind: 'consultation', id: flagged.id, consultationId: CONSULTATION },
      { kind: 'protection', id: flagged.id, consultationId: CONSULTATION },
    ]);
  });
});
