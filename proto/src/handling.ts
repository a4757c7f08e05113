// Handling codes and evidence marking (issue 17, items 1 and 5). TLP says who may see an item;
// the handling code says what they may do with it, and the evidence marking whether it may be used
// as evidence in judicial proceedings, on what legal basis, and who decided. Both are signed with
// the item (an alert, a consultation message), so a receiver cannot claim it was told otherwise.
//
// They bind receivers only as far as their nodes ask: a node refuses to refer to an item as
// evidence in a request, or to pass it on in a consultation, until its owner granted it (the
// asking and the granting are consultation events, consultation.ts, audited at both sides). What a
// receiver does outside Corridor no node can stop; the signed marking and the audit are the remedy.
import { z } from 'zod';
import { EVIDENCE_USES, type EvidenceUse, HANDLING_CODES, type HandlingCode, type PermissionPurpose } from './codes.js';
import type { FieldError } from './errors.js';
import { code } from './fields.js';

export const handlingCode = code(HANDLING_CODES, 'a handling code: H0, H1, H2 or H3');

const conditions = z.string().trim().min(1, 'say what the restrictions are').max(500);
const legalBasis = z.string().trim().min(1).max(300);
const decidedBy = z.string().trim().min(1).max(160);

/** As signed: who decided is always said (the node fills in the officer publishing when the input does not). */
export const evidenceMarking = z.strictObject({
  use: code(EVIDENCE_USES, 'an evidence use: permitted, with_permission or not_permitted'),
  /** The law or decision that allows (or forbids) the use, e.g. "Art. 18 of the 2000 MLA Convention". */
  legalBasis: legalBasis.optional(),
  /** Who decided, by name and function, as the owner vouches. */
  decidedBy,
});
export type EvidenceMarking = z.infer<typeof evidenceMarking>;

/** The handling fields of an item as stored and sent; each absent on items signed before they existed. */
export const handlingFields = {
  handlingCode: handlingCode.optional(),
  /** With H3: the restrictions, in words. */
  handlingConditions: z.string().min(1).max(500).optional(),
  evidence: evidenceMarking.optional(),
};

/** The same, as an officer writes them. */
export const handlingInputFields = {
  handlingCode: handlingCode.optional(),
  handlingConditions: conditions.optional(),
  evidence: evidenceMarking.extend({ decidedBy: decidedBy.optional() }).optional(),
};

type HandlingInput = {
  handlingCode?: unknown;
  handlingConditions?: unknown;
  evidence?: { use?: unknown; legalBasis?: unknown } | undefined;
};

/**
 * The rules between the fields, for a refine that runs on partly invalid input (so an officer sees
 * every problem at once): hence the defensive reads.
 */
export function handlingErrors(i: HandlingInput): FieldError[] {
  const errors: FieldError[] = [];
  if (i.handlingCode === 'H3' && i.handlingConditions === undefined)
    errors.push({ path: 'handlingConditions', rule: 'required', message: 'H3 needs its restrictions, in words' });
  if (i.handlingCode !== 'H3' && i.handlingConditions !== undefined)
    errors.push({ path: 'handlingConditions', rule: 'only_h3', message: 'restrictions in words go with handling code H3 only' });
  const use = i.evidence?.use;
  if (i.handlingCode === 'H1' && use === 'permitted')
    errors.push({
      path: 'evidence.use',
      rule: 'h1',
      message: 'H1 means not to be used as evidence without the owner’s permission: choose with_permission or not_permitted',
    });
  if (use === 'permitted' && i.evidence?.legalBasis === undefined)
    errors.push({ path: 'evidence.legalBasis', rule: 'required', message: 'say on what legal basis it may be used as evidence' });
  return errors;
}

/** What a held item says of its handling, with the defaults of items signed before the fields existed. */
export interface Handled {
  origin: string;
  tlp?: string;
  recipients?: readonly string[];
  handlingCode?: HandlingCode | undefined;
  evidence?: { use: EvidenceUse } | undefined;
}

/** A permission the owner granted: what for, and to pass on to whom. */
export interface Grant {
  purpose: PermissionPurpose;
  passTo?: string | undefined;
}

/**
 * Why this agency (`self`) may not do `purpose` with the item without its owner's permission, or
 * null when it may. `to` is the agency it would go to (passing on; a request's receiver).
 * AMBER+STRICT reaches the named agencies' own people only: it is never passed on, even with
 * leave (the owner publishes anew to widen its audience).
 */
export function permissionNeeded(
  item: Handled,
  purpose: PermissionPurpose,
  self: string,
  to: string | null,
  grants: readonly Grant[],
): string | null {
  if (item.origin === self) return null;
  const goesFurther = to !== null && to !== item.origin;
  if (goesFurther && item.tlp === 'AMBER+STRICT')
    return 'it is TLP:AMBER+STRICT: only the agencies it names may know of it, never their partners';
  if (goesFurther && item.tlp === 'RED') return 'it is TLP:RED';
  const granted = (p: PermissionPurpose) => grants.some((g) => g.purpose === p && (p !== 'pass_on' || g.passTo === to));
  const code = item.handlingCode ?? 'H0';
  if (goesFurther && code === 'H2' && !granted('pass_on'))
    return `it is under H2: ask ${item.origin} for leave to pass it on to ${to} first`;
  if (purpose === 'evidence' && item.evidence?.use !== 'permitted' && !granted('evidence'))
    return code === 'H1' || item.evidence
      ? `its owner ${item.origin} has not permitted its use as evidence: ask for permission first`
      : `its owner ${item.origin} did not say it may be used as evidence: ask for permission first`;
  return null;
}
