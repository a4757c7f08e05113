// NATS subject grammar. `<root>` separates networks (and test runs) sharing one server.
//   <root>.alert.<kind>.<origin-country>.<route-region>.<origin-agency>                  legacy broadcast, no longer carried
//   <root>.inbox.<recipient>.alert.<kind>.<origin-country>.<route-region>.<origin-agency> one agency
//   <root>.inbox.<recipient>.correlation.<sender>, .case.<sender>, .audit.<sender>       one agency
// Every inbox subject ends in its sender's id: the bus (deploy/src/nats-config.ts) lets a sender
// reach a partner's inbox only on the subjects that end in its own id, derived from the list below.
import type { Alert } from './alert.js';
import type { AlertKind } from './codes.js';
import { releaseAudience } from './release.js';

const NO_REGION = 'none';

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

/**
 * Every kind of message one agency may put in another's inbox, with the tokens between the type
 * and the sender's id (alerts carry kind, origin country and route region there). One list, so
 * the bus's exports and permissions cannot drift from the grammar.
 */
export const INBOX_MESSAGE_TYPES = [
  { type: 'alert', between: 3 },
  { type: 'correlation', between: 0 },
  { type: 'case', between: 0 },
  { type: 'audit', between: 0 },
] as const;

/**
 * The subjects on which `sender` may write into `recipient`'s inbox: one wildcard pattern per
 * message type, each ending in the sender's id. `recipient` may be `*` (any partner).
 */
export function partnerInboxSubjects(root: string, recipient: string, sender: string): string[] {
  return INBOX_MESSAGE_TYPES.map(({ type, between }) => [root, 'inbox', recipient, type, ...Array(between).fill('*'), sender].join('.'));
}

/** What one agency's own inbox stream captures, and its consumer reads: its inbox, nothing else. */
export function inboxFilterFor(root: string, agency: string): string {
  return `${root}.inbox.${agency}.>`;
}

interface ParsedAlertSubject {
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

/** The inbox message types that carry nothing between the type and the sender's id. */
type PartnerMessageType = Exclude<(typeof INBOX_MESSAGE_TYPES)[number]['type'], 'alert'>;

/** `<root>.inbox.<recipient>.<type>.<sender>`: ends in the sender's id like every subject it may publish on. */
export function partnerMessageSubject(root: string, type: PartnerMessageType, recipient: string, sender: string): string {
  return `${root}.inbox.${recipient}.${type}.${sender}`;
}

/** Reads a subject of `partnerMessageSubject` back; null when it is not one of `type` under `root`. */
export function parsePartnerMessageSubject(
  root: string,
  type: PartnerMessageType,
  subject: string,
): { recipient: string; sender: string } | null {
  const m = new RegExp(
    `^${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.inbox\\.([a-z][a-z0-9-]{1,39})\\.${type}\\.([a-z][a-z0-9-]{1,39})$`,
  ).exec(subject);
  return m ? { recipient: m[1] as string, sender: m[2] as string } : null;
}

/** A head of the sender's audit chain, on the recipient's inbox. */
export function auditHeadSubject(root: string, recipient: string, sender: string): string {
  return partnerMessageSubject(root, 'audit', recipient, sender);
}

export function parseAuditHeadSubject(root: string, subject: string): { recipient: string; sender: string } | null {
  return parsePartnerMessageSubject(root, 'audit', subject);
}
