// Automatic correlation (issue 5): two agencies saw the same document, person, phone or vessel.
// The node that notices (an incoming alert shares a pseudonym with one of its own) shows it in
// its own feed and tells the other agency with a signed notice on that agency's inbox subject.
import { z } from 'zod';
import { IDENTIFIER_KINDS } from './codes.js';
import { agencyId, code, isoDateTime } from './fields.js';

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
  signature: z
    .string()
    .regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/, 'must be a detached JWS')
    .optional(),
});
export type CorrelationNotice = z.infer<typeof correlationNotice>;

/** `<root>.inbox.<recipient>.correlation.<sender>`: within the recipient's inbox, ending in the sender's id like every subject it may publish on. */
export function correlationSubject(root: string, recipient: string, sender: string): string {
  return `${root}.inbox.${recipient}.correlation.${sender}`;
}

export function parseCorrelationSubject(root: string, subject: string): { recipient: string; sender: string } | null {
  const m = new RegExp(
    `^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.inbox\\.([a-z][a-z0-9-]{1,39})\\.correlation\\.([a-z][a-z0-9-]{1,39})$`,
  ).exec(subject);
  return m ? { recipient: m[1] as string, sender: m[2] as string } : null;
}
