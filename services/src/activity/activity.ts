// An officer's activity (issue 15, "Nothing missed"): what arrived for them since they last opened
// the page showing it, and the live events that say "something changed, re-read". The counts are
// read from the tables that hold the items, after the officer's marks (activity-store.ts), so they
// survive a restart of the node or of the console; the events are a wake-up only, from the node's
// feed, and carry a kind and an id, never what the item says.

import type { Alert } from '@corridor/proto';
import {
  type ActivityCounts,
  type ActivityEvent,
  type ConsultationEvent,
  matchesSubscription,
  type RouteSubscription,
} from '@corridor/proto';
import { receivedAlertsSince } from '../alerts/alert-store.js';
import { countMessagesFromOthers, countRequestsChangedByOthers } from '../consultations/consultation-store.js';
import { protectionNeeds } from '../consultations/protection.js';
import { countNoticesSince } from '../consultations/protection-store.js';
import type { Db } from '../database.js';
import { getSubscription } from '../subscriptions/subscription-store.js';
import { seenMarks } from './activity-store.js';

/** A badge shows "999+" long before this: the count stops reading alerts here. */
const MAX_ALERTS_COUNTED = 1000;

/** Partners' alerts count for an officer when they match the officer's route subscription and still stand. */
export function alertCounts(a: Alert, self: string, subscription: RouteSubscription | null): boolean {
  return subscription !== null && a.origin.agency !== self && a.status !== 'withdrawn' && matchesSubscription(a, subscription);
}

/** What arrived for the officer since they last opened each page. */
export async function activityCounts(db: Db, self: string, subject: string): Promise<ActivityCounts> {
  const [seen, subscription] = await Promise.all([seenMarks(db, subject), getSubscription(db, subject)]);
  const [alerts, consultation, request, protection] = await Promise.all([
    subscription ? receivedAlertsSince(db, seen.alert, MAX_ALERTS_COUNTED) : [],
    countMessagesFromOthers(db, self, seen.consultation),
    countRequestsChangedByOthers(db, self, seen.request),
    countNoticesSince(db, seen.protection),
  ]);
  return { alert: alerts.filter((a) => alertCounts(a, self, subscription)).length, consultation, request, protection };
}

/** The events an alert stored here wakes for an officer with this subscription. */
export function alertActivity(a: Alert, self: string, subscription: RouteSubscription | null): ActivityEvent[] {
  return [
    ...(alertCounts(a, self, subscription) ? [{ kind: 'alert' as const, id: a.id, consultationId: null }] : []),
    // The notice itself is raised in the alert's transaction (protection.ts); its source is the alert.
    ...(protectionNeeds(a).length > 0 && a.status !== 'withdrawn' ? [{ kind: 'protection' as const, id: a.id, consultationId: null }] : []),
  ];
}

/**
 * The events a consultation event kept here wakes for every officer of the agency: its own
 * colleagues' writing too, so that their pages re-read it, although only the other party's counts.
 */
export function consultationActivity(e: ConsultationEvent): ActivityEvent[] {
  const kind = e.type === 'request' || e.type === 'request_status' ? ('request' as const) : ('consultation' as const);
  const flagged = (e.type === 'opened' || e.type === 'message') && e.protection.length > 0;
  return [
    { kind, id: e.id, consultationId: e.consultationId },
    ...(flagged ? [{ kind: 'protection' as const, id: e.id, consultationId: e.consultationId }] : []),
  ];
}
