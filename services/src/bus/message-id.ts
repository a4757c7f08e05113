// The message id an outbox row carries on the bus. A partner's inbox stream drops any message whose
// id it has seen within its duplicate window, whoever sent it, and every sender chooses its own
// ids: an id another member can predict (an amendment's is the alert id and the next revision)
// lets that member publish first under it and have the genuine message dropped. So the id on the
// wire is keyed with a secret only this node holds, derived from its alert-signing key, and stays
// the same across restarts: a resend after a crash is still dropped as a duplicate.
import { createHash, createHmac } from 'node:crypto';

export type WireMessageId = (rowMsgId: string) => string;

/** `privateKeyMaterial`: the `d` of the node's alert-signing JWK (any secret stable across restarts). */
export function wireMessageIds(privateKeyMaterial: string): WireMessageId {
  if (privateKeyMaterial.length < 16) throw new Error('wireMessageIds: the key material must be the node’s private key');
  const key = createHash('sha256').update('corridor outbox message ids\0').update(privateKeyMaterial).digest();
  return (rowMsgId) => createHmac('sha256', key).update(rowMsgId).digest('base64url');
}

/** What an outbox row carries: the kinds of message this node sends to a partner. */
export type OutboxKind = 'alert' | 'consultation' | 'correlation' | 'audit_head';

/**
 * The row's message id, one scheme for every kind: the kind, what is sent (an alert's
 * `<alert id>@<revision>`, a consultation event's id, a correlation's `<ours>><incoming>`, an audit
 * head's `<seq>#<hash>`) and the recipient. Queuing the same message
 * for the same partner twice gives the same id, so the row is kept and sent once.
 */
export function outboxMessageId(kind: OutboxKind, item: string, recipient: string): string {
  return `${kind}:${item}:${recipient}`;
}
