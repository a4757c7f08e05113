// The one order of alert lists across the network (DESIGN: the gateway's fan-out): newest first,
// then by origin agency, then by id. Every node pages in this order and the gateway merges in it,
// so a cursor taken from the last alert of a merged page means the same place at every node.
import type { Alert } from './alert.js';
import { ValidationError } from './errors.js';
import { isUuid } from './fields.js';
import { base64urlEncode } from './pseudonym.js';

export interface AlertKey {
  createdAt: string;
  agency: string;
  id: string;
}

/** What the order reads of an alert: a proto Alert, or a node's answer as the gateway reads it. */
export type KeyedAlert = Pick<Alert, 'createdAt' | 'id'> & { origin: Pick<Alert['origin'], 'agency'> };

export const alertKey = (a: KeyedAlert): AlertKey => ({
  createdAt: new Date(a.createdAt).toISOString(),
  agency: a.origin.agency,
  id: a.id,
});

/** Negative when `a` comes first. Timestamps compare as instants, whatever their offset. */
export function compareAlertKeys(a: AlertKey, b: AlertKey): number {
  const ta = Date.parse(a.createdAt);
  const tb = Date.parse(b.createdAt);
  if (ta !== tb) return tb - ta;
  return a.agency < b.agency ? -1 : a.agency > b.agency ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** An opaque cursor: the key of the last alert the caller has seen. */
export function encodeAlertCursor(k: AlertKey): string {
  return base64urlEncode(new TextEncoder().encode(JSON.stringify([k.createdAt, k.agency, k.id])));
}

export function decodeAlertCursor(cursor: string): AlertKey {
  const refuse = () => new ValidationError('cursor', [{ path: 'after', rule: 'cursor', message: 'is not a cursor this network issued' }]);
  let parts: unknown;
  try {
    parts = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
  } catch {
    throw refuse();
  }
  if (!Array.isArray(parts) || parts.length !== 3 || !parts.every((p) => typeof p === 'string')) throw refuse();
  const [createdAt, agency, id] = parts as [string, string, string];
  if (Number.isNaN(Date.parse(createdAt)) || !isUuid(id)) throw refuse();
  return { createdAt, agency, id };
}
