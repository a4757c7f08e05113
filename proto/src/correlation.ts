// Automatic correlation (issue 5): two agencies saw the same document, person, phone or vessel.
// The node that notices (an incoming alert shares a pseudonym with one of its own) shows it in
// its own feed and tells the other agency with a signed notice on that agency's inbox subject.
import { z } from 'zod';
import { IDENTIFIER_KINDS } from './codes.js';
import { agencyId, code, detachedJws, isoDateTime } from './fields.js';
import { parsePartnerMessageSubject, partnerMessageSubject } from './subjects.js';

export const correlationNotice = z.strictObject({
  /** The receiving agency's alert that the sender matched. */
  alertId: z.uuid(),
  /** The sender's own alert carrying the same pseudonym(s). */
  matchedAlertId: z.uuid(),
  /** The sender, whose key signs the notice. */
  agency: agencyId,
  /** Which kinds of identifier they share (never the pseudonyms themselves, which both hold). */
  kinds: z.array(code(IDENTIFIER_KINDS, 'an identifier kind')).min(1).max(8),
  at: isoDateTime,
  signature: detachedJws.optional(),
});
export type CorrelationNotice = z.infer<typeof correlationNotice>;

/** A correlation notice, within the recipient's inbox. */
export function correlationSubject(root: string, recipient: string, sender: string): string {
  return partnerMessageSubject(root, 'correlation', recipient, sender);
}

export function parseCorrelationSubject(root: string, subject: string): { recipient: string; sender: string } | null {
  return parsePartnerMessageSubject(root, 'correlation', subject);
}
