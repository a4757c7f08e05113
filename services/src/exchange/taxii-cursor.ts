// TAXII's `next` (§3.4): where the following page starts, opaque to the client. It holds only the
// date added and the alert id of the last alert served, which that client has just been given.
import { isUuid } from '@corridor/proto';
import type { ExportCursor } from '../alerts/alert-store.js';

export function encodeNext(c: ExportCursor): string {
  return Buffer.from(JSON.stringify([c.added.toISOString(), c.id])).toString('base64url');
}

/** The cursor `next` names, or null when it is not one this server could have given. */
export function decodeNext(text: string): ExportCursor | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [added, id] = value;
    if (typeof added !== 'string' || typeof id !== 'string' || !isUuid(id)) return null;
    const at = new Date(added);
    return Number.isNaN(at.getTime()) ? null : { added: at, id };
  } catch {
    return null;
  }
}
