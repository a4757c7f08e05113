// Officers' route subscriptions and read marks, at the officer's own node.
import { type Alert, isUuid, matchesSubscription, parseOrThrow, type RouteSubscription, routeSubscription } from '@corridor/proto';
import { newestAlerts } from '../alerts/alert-store.js';
import type { Db } from '../database.js';
import { parseStored, toJsonb } from '../stored-json.js';

export async function getSubscription(db: Db, subject: string): Promise<RouteSubscription | null> {
  const row = await db.subscription.findUnique({ where: { subject } });
  return row ? parseStored(routeSubscription, row.filter, { table: 'subscriptions', row: row.subject }) : null;
}

/** Validates (a ValidationError names each bad field) and replaces the officer's subscription. */
export async function setSubscription(db: Db, subject: string, input: unknown): Promise<RouteSubscription> {
  const filter = parseOrThrow(routeSubscription, input, 'subscription');
  const json = toJsonb(filter, 'subscription');
  await db.subscription.upsert({ where: { subject }, create: { subject, filter: json }, update: { filter: json, updatedAt: new Date() } });
  return filter;
}

export interface SubscribedAlert {
  alert: Alert;
  read: boolean;
}

/**
 * Every alert held here (own and received: all addressed to this agency) that matches the
 * officer's subscription, newest first, each marked read or unread for this officer.
 */
export async function subscribedAlerts(db: Db, subject: string, opts: { unreadOnly: boolean; limit: number }): Promise<SubscribedAlert[]> {
  const subscription = await getSubscription(db, subject);
  if (!subscription) return [];
  const [alerts, reads] = await Promise.all([
    newestAlerts(db, 5000),
    db.alertRead.findMany({ where: { subject }, select: { alertId: true } }),
  ]);
  const read = new Set(reads.map((r) => r.alertId));
  return alerts
    .filter((a) => matchesSubscription(a, subscription))
    .map((a) => ({ alert: a, read: read.has(a.id) }))
    .filter((s) => !opts.unreadOnly || !s.read)
    .slice(0, Math.min(Math.max(opts.limit, 1), 1000));
}

/** Marks alerts read for this officer; returns how many were newly marked. */
export async function markRead(db: Db, subject: string, alertIds: string[]): Promise<number> {
  const ids = [...new Set(alertIds)].filter(isUuid);
  if (ids.length === 0) return 0;
  const { count } = await db.alertRead.createMany({ data: ids.map((alertId) => ({ subject, alertId })), skipDuplicates: true });
  return count;
}
