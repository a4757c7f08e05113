// NATS subject grammar. `<root>` separates networks (and test runs) sharing one server.
//   <root>.alert.<kind>.<origin-country>.<route-region>.<origin-agency>                  every member
//   <root>.inbox.<recipient>.alert.<kind>.<origin-country>.<route-region>.<origin-agency> one agency
//   <root>.inbox.<recipient>.audit.<sender>     a signed head of the sender's audit chain (audit-head.ts)
// A liaison officer's subscription is a consumer filtered on these tokens (nats-server 2.9: one
// filter subject per consumer).
import type { Alert } from './alert.js';
import type { AlertKind } from './codes.js';
import { releaseAudience } from './release.js';

export const NO_REGION = 'none';

function alertTail(a: Pick<Alert, 'kind' | 'origin' | 'route'>): string {
  return `alert.${a.kind}.${a.origin.country}.${a.route?.region ?? NO_REGION}.${a.origin.agency}`;
}

/** The subjects an alert is published on by TLP alone: none for RED, one per recipient for AMBER, one for all. */
export function subjectsForAlert(root: string, a: Alert): string[] {
  const audience = releaseAudience(a);
  if (audience === 'all') return [`${root}.${alertTail(a)}`];
  return audience.map((recipient) => inboxSubject(root, recipient, a));
}

/**
 * The subject that carries an alert to one agency's node only. Nodes send every alert this way,
 * one copy per partner their release policy allows, since the copies may differ (redaction).
 */
export function inboxSubject(root: string, recipient: string, a: Pick<Alert, 'kind' | 'origin' | 'route'>): string {
  return `${root}.inbox.${recipient}.${alertTail(a)}`;
}

/** Filter subjects for the alerts meant for one agency: the broadcast ones and its own inbox. */
export function subjectFiltersFor(root: string, agency: string): { broadcast: string; inbox: string } {
  return { broadcast: `${root}.alert.>`, inbox: `${root}.inbox.${agency}.>` };
}

export function streamSubjects(root: string): string[] {
  return [`${root}.alert.>`, `${root}.inbox.>`];
}

export interface ParsedAlertSubject {
  recipient: string | null;
  kind: AlertKind;
  originCountry: string;
  region: string;
  originAgency: string;
}

/** Reads an alert subject back; null when the subject is not of the grammar above. */
export function parseAlertSubject(root: string, subject: string): ParsedAlertSubject | null {
  if (!subject.startsWith(`${root}.`)) return null;
  const tokens = subject.slice(root.length + 1).split('.');
  let recipient: string | null = null;
  if (tokens[0] === 'inbox') {
    recipient = tokens[1] ?? null;
    tokens.splice(0, 2);
  }
  if (tokens.length !== 5 || tokens[0] !== 'alert') return null;
  const [, kind, originCountry, region, originAgency] = tokens as [string, string, string, string, string];
  if (kind !== 'route' && kind !== 'document_fraud') return null;
  return { recipient, kind, originCountry, region, originAgency };
}

/** `<root>.inbox.<recipient>.audit.<sender>`: a head of the sender's audit chain, ending in the sender's id like every subject it may publish on. */
export function auditHeadSubject(root: string, recipient: string, sender: string): string {
  return `${root}.inbox.${recipient}.audit.${sender}`;
}

export function parseAuditHeadSubject(root: string, subject: string): { recipient: string; sender: string } | null {
  const m = new RegExp(
    `^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.inbox\\.([a-z][a-z0-9-]{1,39})\\.audit\\.([a-z][a-z0-9-]{1,39})$`,
  ).exec(subject);
  return m ? { recipient: m[1] as string, sender: m[2] as string } : null;
}
