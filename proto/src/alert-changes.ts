// What an amendment changed, so partners need not compare two revisions by eye. Computed by the
// originating node from the revision before and signed with the new one (alert.ts `changes`).
import type { Alert } from './alert.js';
import { canonicalJson } from './canonical-json.js';

/** Set by the node for each revision, not by what the officer corrected. */
const NOT_CONTENT = new Set(['id', 'origin', 'createdAt', 'revision', 'status', 'signature', 'changes', 'withdrawalReason', 'redacted']);
/** Parts compared one field down, so the list says `routeDetails.migrantCount`, not `routeDetails`. */
const BY_FIELD = new Set(['route', 'routeDetails', 'documentFraud', 'grading']);

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The paths whose values differ between two revisions of one alert, in a stable order. */
export function alertChanges(was: Alert, next: Alert): string[] {
  // An alert signed without a handling code is H0: stating H0 on an amendment changes nothing.
  const before = { ...was, handlingCode: was.handlingCode ?? 'H0' } as Record<string, unknown>;
  const after = { ...next, handlingCode: next.handlingCode ?? 'H0' } as Record<string, unknown>;
  const changed: string[] = [];
  for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    if (NOT_CONTENT.has(key) || same(before[key], after[key])) continue;
    const b = before[key];
    const a = after[key];
    if (BY_FIELD.has(key) && b && a && typeof b === 'object' && typeof a === 'object') {
      const inner = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
      for (const k of inner) if (!same((b as Record<string, unknown>)[k], (a as Record<string, unknown>)[k])) changed.push(`${key}.${k}`);
    } else {
      changed.push(key);
    }
  }
  return changed;
}
