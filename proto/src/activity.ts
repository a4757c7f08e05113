// What an officer is told arrived while they were elsewhere (issue 15, "Nothing missed"): the
// kinds of activity their own node counts for them since they last opened the page that shows
// it, and the event that says one of those changed. An event carries an id and a kind, never
// what the item says: the console re-reads the item, and the counts, through the usual queries.
import { z } from 'zod';
import { code } from './fields.js';

/**
 * `alert`: an alert from a partner matching the officer's route subscription; `consultation`: a
 * consultation opened or a message written by the other agency; `request`: a request made or
 * moved on by the other agency; `protection`: a protection notice raised at the node.
 */
export const ACTIVITY_KINDS = ['alert', 'consultation', 'request', 'protection'] as const;
const activityKind = code(ACTIVITY_KINDS, 'an activity kind: alert, consultation, request or protection');
export type ActivityKind = z.infer<typeof activityKind>;

/** What markActivitySeen takes: the kind whose page the officer opened. */
export const activitySeenInput = z.strictObject({ kind: activityKind });

/** Something changed: re-read the counts, and the page that shows this kind. */
export interface ActivityEvent {
  kind: ActivityKind;
  /** The alert, the consultation event (message or request change), or the notice's source. */
  id: string;
  /** The consultation the event belongs to, when it belongs to one. */
  consultationId: string | null;
}

/** How many of each kind arrived since the officer last opened its page. */
export type ActivityCounts = Record<ActivityKind, number>;
