// Amending and withdrawing an alert: the originating agency issues a new revision (signed, stored
// with its history row, sent like the first). Partners apply revisions in order whatever order
// they arrive in (alert-store), and every revision stays in the history for audit.
import {
  type AccessClaims,
  type Alert,
  alertChanges,
  CorridorError,
  type FieldError,
  freeTextErrors,
  parseOrThrow,
  ValidationError,
  withdrawalInput,
} from '@corridor/proto';
import { enqueue } from '../bus/enqueue.js';
import { earlierRecipients, getOwnAlert, storeOwnRevision } from './alert-store.js';
import { checkedAlertInput, type PublishContext, wireAlerts } from './publish-alert.js';

export class LifecycleError extends CorridorError {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
  ) {
    super(message);
    this.name = 'LifecycleError';
  }
}

/**
 * The alert as it stands. An officer who says which revision they were looking at is told when
 * someone else changed it since, instead of overwriting that change unseen.
 */
async function current(ctx: PublishContext, id: string, seenRevision?: number | null): Promise<Alert> {
  const alert = await getOwnAlert(ctx.db, id);
  if (!alert) throw new LifecycleError('NOT_FOUND', `agency ${ctx.agency.id} has no alert ${id}`);
  if (alert.status === 'withdrawn') throw new LifecycleError('CONFLICT', `alert ${id} was withdrawn; publish a new alert instead`);
  if (seenRevision != null && seenRevision !== alert.revision) {
    throw new LifecycleError('CONFLICT', `alert ${id} is at revision ${alert.revision}, not ${seenRevision}: reload it and try again`);
  }
  return alert;
}

async function issue(ctx: PublishContext, next: Alert): Promise<Alert> {
  const earlier = next.status === 'withdrawn' ? await earlierRecipients(ctx.db, next.id, ctx.subjectRoot, ctx.membership()) : [];
  const alert = await ctx.signer.sign(next);
  const stored = await ctx.db.$transaction(async (tx) => {
    if (!(await storeOwnRevision(tx, alert))) return false;
    await ctx.protection.forAlerts(tx, [alert]);
    await enqueue(tx, { kind: 'alert', from: ctx, alert, earlierRecipients: earlier });
    return true;
  });
  if (!stored) throw new LifecycleError('CONFLICT', `alert ${next.id} was changed meanwhile; reload it and try again`);
  ctx.onQueued();
  ctx.feed.publish('alert', alert);
  return alert;
}

/**
 * A new revision with new content. Kind, sharing (TLP) and recipients stay as first published:
 * partners already hold the alert, and a narrower audience cannot be taken back by an amendment.
 * Identifiers accumulate: those given are added to the alert's.
 */
export async function amendAlert(
  ctx: PublishContext,
  id: string,
  input: unknown,
  seenRevision?: number | null,
  asker?: AccessClaims,
): Promise<Alert> {
  const was = await current(ctx, id, seenRevision);
  const now = (ctx.now ?? (() => new Date()))();
  const checked = checkedAlertInput(input, ctx.agency, now, ctx.membership());
  const errors: FieldError[] = [];
  // Checked before any identifier is pseudonymized: a refused amendment costs no evaluation at the key holders.
  const content = { kind: checked.kind, tlp: checked.tlp, recipients: checked.recipients };
  if (content.kind !== was.kind)
    errors.push({ path: 'kind', rule: 'unchanged', message: `must stay ${was.kind}: an amendment cannot change the kind` });
  if (content.tlp !== was.tlp)
    errors.push({ path: 'tlp', rule: 'unchanged', message: `must stay TLP:${was.tlp}; to share differently, withdraw and publish anew` });
  if ([...content.recipients].sort().join() !== [...was.recipients].sort().join()) {
    errors.push({
      path: 'recipients',
      rule: 'unchanged',
      message: 'must stay as first published; to share differently, withdraw and publish anew',
    });
  }
  if (errors.length > 0) throw new ValidationError('amendment', errors);
  const [wire] = (await wireAlerts(ctx, [checked], now, asker)) as [Alert];
  const { signature: _, ...rest } = wire;
  // Raw identifiers are never kept, so nobody can send them again: an amendment keeps the
  // alert's pseudonyms and adds those of any identifier it gives.
  const identifiers = [...was.identifiers];
  for (const i of wire.identifiers) if (!identifiers.some((k) => k.pseudonym === i.pseudonym)) identifiers.push(i);
  const next = { ...rest, identifiers, id: was.id, createdAt: was.createdAt, revision: was.revision + 1, status: 'amended' } as Alert;
  // Partners are told what changed; an amendment that changes nothing says so by an empty list.
  return issue(ctx, { ...next, changes: alertChanges(was, next) });
}

/**
 * A last revision that says the alert no longer holds, and why; its content stays for the record.
 * The reason travels to partners as written, so it may carry no identifier.
 */
export async function withdrawAlert(ctx: PublishContext, id: string, input: unknown, seenRevision?: number | null): Promise<Alert> {
  const { reason } = parseOrThrow(withdrawalInput, input, 'withdrawal');
  const found = freeTextErrors({ reason }, { countries: [ctx.agency.country] });
  if (found.length > 0) throw new ValidationError('withdrawal', found);
  const { signature: _, changes: __, ...was } = await current(ctx, id, seenRevision);
  return issue(ctx, { ...was, revision: was.revision + 1, status: 'withdrawn', withdrawalReason: reason } as Alert);
}
