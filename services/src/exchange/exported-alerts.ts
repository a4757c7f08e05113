// What a caller may take out of the network from this node (TAXII, MISP feed): its exportable alerts
// (alerts/alert-store.ts, exportableAlerts) as the release policy gives them to the caller, through the same
// release and audit as a GraphQL answer (alerts/answer-release.ts). A page is decided first and
// audited as it leaves, so that the audit names what was served and nothing read past it.
import type { AccessClaims, Alert } from '@corridor/proto';
import { type ExportCursor, exportableAlert, exportableAlerts, type StoredExport } from '../alerts/alert-store.js';
import { alertAnswer, releaseToCaller } from '../alerts/answer-release.js';
import type { NodeServices } from '../node-services.js';
import { userReceiver } from '../policy/release.js';

export type ExportServices = Pick<NodeServices, 'db' | 'agency' | 'membership' | 'policy' | 'audit'>;

export interface ExportPage {
  items: StoredExport[];
  /** Where the next page starts when more released alerts may follow; null at the end. */
  next: ExportCursor | null;
}

/**
 * Up to `budget` objects' worth of released alerts after `after`, `weight` giving an alert's
 * objects (a page holds at least one alert). The page ends between two moments, never inside a
 * group of alerts stored at the same millisecond (a group commit stores many at once), so that a
 * client that pages with `added_after` set to the page's last date_added misses none; only when
 * one moment alone holds more than the budget is it cut, and `next` then carries on exactly.
 */
export async function exportPage(
  services: ExportServices,
  claims: AccessClaims,
  opts: { after: ExportCursor | null; budget: number; weight: (a: Alert) => number },
): Promise<ExportPage> {
  const answer = alertAnswer(services);
  const own = claims.agency === services.agency.id;
  const to = own ? null : userReceiver(claims, services.membership(), services.agency.id);
  if (!own && !to) return { items: [], next: null };
  const candidates: StoredExport[] = [];
  let scanned = opts.after;
  let weight = 0;
  let exhausted = false;
  // Read until the page is over budget by one alert (so that whether more follow is known) or
  // nothing is left; a policy that withholds much is read past, a bounded number of times.
  for (let round = 0; round < 20 && weight <= opts.budget; round++) {
    // Most alerts weigh more than one object (a route alert is 4): reading budget + 1 rows at once
    // parsed four times what a page of route alerts holds. A quarter of the budget left, then as needed.
    const batch = Math.min(1000, Math.max(20, Math.ceil((opts.budget - weight) / 4) + 1));
    const rows = await exportableAlerts(services.db, scanned, batch);
    let read = 0;
    for (const r of rows) {
      read++;
      scanned = { added: r.added, id: r.alert.id };
      if (to && !answer.decide(r.alert, to)) continue;
      candidates.push(r);
      weight += opts.weight(r.alert);
      if (weight > opts.budget) break;
    }
    // Nothing is left only when every row was read and the batch came short.
    if (read === rows.length && rows.length < batch) exhausted = true;
    if (exhausted || rows.length === 0) break;
  }
  let take = 0;
  let used = 0;
  for (const c of candidates) {
    const w = opts.weight(c.alert);
    if (take > 0 && used + w > opts.budget) break;
    take++;
    used += w;
  }
  const following = candidates[take];
  const lastTaken = candidates[take - 1];
  if (following && lastTaken && following.added.getTime() === lastTaken.added.getTime()) {
    const cut = candidates.findIndex((c) => c.added.getTime() === lastTaken.added.getTime());
    if (cut > 0) take = cut;
  }
  const more = take < candidates.length || !exhausted;
  const page = candidates.slice(0, take);
  const end = page[page.length - 1];
  const next = !more ? null : end ? { added: end.added, id: end.alert.id } : scanned;
  return { items: await audited(services, claims, page), next };
}

/** One exportable alert, when the release policy gives it to the caller (audited), else null. */
export async function exportOne(services: ExportServices, claims: AccessClaims, id: string): Promise<StoredExport | null> {
  const found = await exportableAlert(services.db, id);
  if (!found) return null;
  const [item] = await audited(services, claims, [found]);
  return item ?? null;
}

/** The page's alerts through releaseToCaller: released (again, the same decision) and audited as they leave. */
async function audited(services: ExportServices, claims: AccessClaims, page: StoredExport[]): Promise<StoredExport[]> {
  const added = new Map(page.map((p) => [p.alert.id, p.added]));
  const released = await releaseToCaller(
    services,
    claims,
    page.map((p) => p.alert),
    alertAnswer(services),
  );
  return released.flatMap((a) => {
    const at = added.get(a.id);
    return at ? [{ alert: a, added: at }] : [];
  });
}
