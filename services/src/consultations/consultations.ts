// Consultations and tracked requests at this node (issue 7; the contract is proto consultation.ts).
// Whatever this agency writes becomes a signed event, kept here and, unless it is a draft, queued
// for the one other agency (bus/enqueue.ts: its inbox subject, with the release audit) in the same
// transaction; what the other agency writes arrives on our inbox and is verified before it is
// kept. Both sides fold the same events into the same thread and requests, with the network's
// table of answer times (the membership's), which also times each request's clock
// (request-clocks.ts escalates a due one).
import {
  type Alert,
  agencyOf,
  type ConsultationEvent,
  type ConsultationState,
  CorridorError,
  clockRuns,
  consultationEvent,
  consultationMessageInput,
  type FieldError,
  foldConsultation,
  freeTextErrors,
  grantsOf,
  isUuid,
  type MemberAgency,
  newId,
  openConsultationInput,
  type PermissionPurpose,
  type PermissionState,
  parseConsultationSubject,
  parseOrThrow,
  permissionAnswerInput,
  permissionNeeded,
  permissionRequestInput,
  type RequestState,
  requestDeadlineInput,
  requestInput,
  requestRoleProblem,
  requestStatusInput,
  requestTimeErrors,
  statusChangeProblem,
  statutoryDueAt,
  ValidationError,
  verifySignedBy,
} from '@corridor/proto';
import { getAlert } from '../alerts/alert-store.js';
import { appendAudit } from '../audit/audit-log.js';
import { consultationRelease, enqueue, permissionAuditItems, ReleaseRefused, type ReleasingAgency } from '../bus/enqueue.js';
import { type AddressedKind, type Receipt, readAddressed } from '../bus/receipt.js';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../log.js';
import { nodeSignatures } from '../signature-engine.js';
import {
  consultationOfRequest,
  draftRequest,
  eventsByConsultation,
  eventsOf,
  keepEvents,
  markPublished,
  partiesOf,
} from './consultation-store.js';
import type { ProtectionNotifier } from './protection.js';
import { claimEscalation, syncClocks } from './request-clock-store.js';

/** The agency writing (bus/enqueue.ts signs and releases what it sends), and where it keeps events. */
export interface ConsultationDeps extends ReleasingAgency {
  db: Db;
  protection: ProtectionNotifier;
  /** Wakes the outbox relay once events are queued. */
  onQueued: () => void;
  /** Tells the live activity stream, once their transaction committed, which events were newly kept. */
  announce: (events: readonly ConsultationEvent[]) => void;
  log: Logger;
}

/** The user writing, as their token names them. */
export interface Author {
  subject: string;
  name: string;
  /** The roles their agency signed into the token: formal requests are for some of them only. */
  roles: readonly string[];
}

/** Formal requests go between prosecutors and central authorities; the roles are the token's, never the console's. */
function refuseUnlessRequestAuthority(author: Author): void {
  const problem = requestRoleProblem(author.roles);
  if (problem) throw new ConsultationError('FORBIDDEN', problem);
}

export class ConsultationError extends CorridorError {
  constructor(
    readonly code: 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT',
    message: string,
    /** The argument or input field the refusal is about, for the console to put it next to. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ConsultationError';
  }
  override get details() {
    return this.field ? { field: this.field } : {};
  }
}

type Tx = Prisma.TransactionClient;

/** Where events are read from, and the membership whose table of answer times times the requests. */
type Folding = { db: Db | Tx; membership: ConsultationDeps['membership'] };

/** The consultation as this node knows it, or null. */
export async function getConsultation(from: Folding, id: string): Promise<ConsultationState | null> {
  return isUuid(id) ? foldConsultation(await eventsOf(from.db, id), from.membership().answerTimes) : null;
}

/** Every consultation this agency is party to, the most recently active first. */
export async function listConsultations(from: Pick<ConsultationDeps, 'db' | 'membership'>): Promise<ConsultationState[]> {
  const table = from.membership().answerTimes;
  return [...(await eventsByConsultation(from.db)).values()]
    .map((events) => foldConsultation(events, table))
    .filter((c): c is ConsultationState => c !== null)
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0));
}

/** Every request this agency sends or receives, with the consultation it came from. */
export async function listRequests(
  from: Pick<ConsultationDeps, 'db' | 'membership'>,
): Promise<{ request: RequestState; consultation: ConsultationState }[]> {
  return (await listConsultations(from)).flatMap((c) => c.requests.map((request) => ({ request, consultation: c })));
}

function counterpartOf(deps: ConsultationDeps, agencyId: string): MemberAgency {
  const other = agencyOf(deps.membership(), agencyId);
  if (!other || other.id === deps.agency.id)
    throw new ConsultationError('NOT_FOUND', `agency ${agencyId} is not another member of the network`);
  return other;
}

/**
 * This agency's own policy decides whether it may consult with the other (default deny): asked
 * before anything is signed, so a refusal keeps nothing; enqueue applies it again as it queues.
 */
function refuseUnlessShared(deps: ConsultationDeps, other: MemberAgency): void {
  const d = consultationRelease(deps, other);
  if ('refused' in d) throw new ConsultationError('FORBIDDEN', d.refused);
}

/**
 * Keeps events in the caller's transaction, each once, and raises the protection notices those
 * newly kept call for (protection.ts decides), so that a notice is committed with its event or
 * not at all. Every event kept here, this agency's or the other party's, comes through here.
 */
async function keep(
  deps: ConsultationDeps,
  tx: Tx,
  events: readonly ConsultationEvent[],
  published: boolean,
): Promise<ConsultationEvent[]> {
  const kept = await keepEvents(tx, events, published);
  await deps.protection.forConsultationEvents(tx, kept);
  // A request's clock moves with its events, in the same transaction.
  for (const id of new Set(kept.filter((e) => e.type !== 'opened' && e.type !== 'message').map((e) => e.consultationId))) {
    const c = await getConsultation({ db: tx, membership: deps.membership }, id);
    if (c) await syncClocks(tx, c);
  }
  return kept;
}

/**
 * Signs and keeps `events` (in this order) and, unless `publish` is false, queues them for the
 * other party with the audit of what was released to whom, all in one transaction.
 */
async function emit(deps: ConsultationDeps, draft: ConsultationEvent[], opts: { publish: boolean }) {
  const events = await Promise.all(draft.map((e) => deps.signer.sign(parseOrThrow(consultationEvent, e, 'consultation event'))));
  let kept: ConsultationEvent[] = [];
  await sending(async () => {
    kept = await deps.db.$transaction(async (tx) => {
      const newly = await keep(deps, tx, events, opts.publish);
      if (opts.publish)
        await enqueue(
          tx,
          events.map((event) => ({ kind: 'consultation' as const, from: deps, event })),
        );
      return newly;
    });
  });
  if (opts.publish) deps.onQueued();
  deps.announce(kept);
  return events;
}

/** The policy changed between the first check and the queuing: the same refusal, and nothing kept. */
async function sending(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof ReleaseRefused) throw new ConsultationError('FORBIDDEN', e.message);
    throw e;
  }
}

function base(deps: ConsultationDeps, author: Author, consultationId: string, to: string) {
  return { id: newId(), consultationId, from: deps.agency.id, to, at: new Date().toISOString(), author: author.name };
}

async function existing(deps: ConsultationDeps, id: string): Promise<ConsultationState> {
  const c = await getConsultation(deps, id);
  if (!c) throw new ConsultationError('NOT_FOUND', `no consultation ${id} at this agency`);
  return c;
}

/**
 * What an officer writes to another agency travels as written: a value that looks like a personal
 * identifier (phone, document number, IBAN…) is refused at its field before anything is kept.
 * National phone numbers are read as the two parties' own.
 */
function refuseIdentifiersInText(deps: ConsultationDeps, what: string, input: object, other: MemberAgency | null): void {
  const errors = freeTextErrors(input, { countries: [deps.agency.country, ...(other ? [other.country] : [])] });
  if (errors.length > 0) throw new ValidationError(what, errors);
}

const otherParty = (deps: ConsultationDeps, c: ConsultationState) => (c.openedBy === deps.agency.id ? c.counterpart : c.openedBy);

// ---------------------------------------------------------------------------------------------
// Handling codes (proto handling.ts): what this agency may do with a partner's alert it holds.

/** An alert held here (own or received), or null. */
const heldAlert = (deps: ConsultationDeps, id: string): Promise<Alert | null> => getAlert(deps.db, id, deps.agency.id, deps.agency.id);

/**
 * Why referring to alert `alertId` (at `path`) for `purpose`, in what goes to `to`, needs its
 * owner's leave first, as field errors; none when the owner permitted it or granted it here.
 * `mustHold`: the alert must be one held here (evidence is checked against its marking).
 */
async function handlingErrorsFor(
  deps: ConsultationDeps,
  refs: readonly { path: string; alertId: string; purpose: PermissionPurpose; to: string; mustHold: boolean }[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  let states: ConsultationState[] | null = null;
  for (const r of refs) {
    const a = await heldAlert(deps, r.alertId);
    if (!a) {
      if (r.mustHold) errors.push({ path: r.path, rule: 'held', message: `must be an alert this agency holds; ${r.alertId} is not` });
      continue;
    }
    if (a.origin.agency === deps.agency.id) continue;
    states ??= await listConsultations(deps);
    const grants = grantsOf(states, a.id, a.origin.agency, deps.agency.id);
    const item = { origin: a.origin.agency, tlp: a.tlp, recipients: a.recipients, handlingCode: a.handlingCode, evidence: a.evidence };
    const problem = permissionNeeded(item, r.purpose, deps.agency.id, r.to, grants);
    if (problem) errors.push({ path: r.path, rule: 'handling', message: `cannot refer to alert ${a.id} here: ${problem}` });
  }
  return errors;
}

async function refuseUnlessHandlingAllows(deps: ConsultationDeps, what: string, refs: Parameters<typeof handlingErrorsFor>[1]) {
  const errors = await handlingErrorsFor(deps, refs);
  if (errors.length > 0) throw new ValidationError(what, errors);
}

/** The handling fields of what the author writes, with the author as who decided on evidence use unless named. */
function handlingOf(
  i: {
    handlingCode?: string | undefined;
    handlingConditions?: string | undefined;
    evidence?: { use: string; legalBasis?: string | undefined; decidedBy?: string | undefined } | undefined;
  },
  author: Author,
) {
  return {
    ...(i.handlingCode ? { handlingCode: i.handlingCode } : {}),
    ...(i.handlingConditions ? { handlingConditions: i.handlingConditions } : {}),
    ...(i.evidence ? { evidence: { ...i.evidence, decidedBy: i.evidence.decidedBy ?? author.name } } : {}),
  } as Pick<Extract<ConsultationEvent, { type: 'message' }>, 'handlingCode' | 'handlingConditions' | 'evidence'>;
}

export async function openConsultation(deps: ConsultationDeps, author: Author, input: unknown): Promise<ConsultationState> {
  const i = parseOrThrow(openConsultationInput, input, 'consultation');
  const other = counterpartOf(deps, i.with);
  refuseIdentifiersInText(deps, 'consultation', i, other);
  refuseUnlessShared(deps, other);
  // Opening a thread about a partner's alert with a third agency passes the alert on.
  if (i.about?.alertId)
    await refuseUnlessHandlingAllows(deps, 'consultation', [
      { path: 'about.alertId', alertId: i.about.alertId, purpose: 'pass_on', to: other.id, mustHold: false },
    ]);
  const id = newId();
  await emit(
    deps,
    [
      {
        ...base(deps, author, id, other.id),
        type: 'opened',
        subject: i.subject,
        ...(i.about ? { about: i.about } : {}),
        body: i.body,
        protection: i.protection,
        ...(i.seenIn ? { seenIn: i.seenIn } : {}),
        ...handlingOf(i, author),
      },
    ],
    { publish: true },
  );
  deps.log.info('consultation opened', { consultation: id, with: other.id, user: author.subject });
  return (await getConsultation(deps, id)) as ConsultationState;
}

/** A write by `author` into a thread held here: `id` names the consultation, or the request it moves on. */
type ThreadWrite = (deps: ConsultationDeps, author: Author, id: string, input: unknown) => Promise<ConsultationState>;

/** The consultation written into and its other party, once what is written carries no identifier. */
async function writingInto(deps: ConsultationDeps, consultationId: string, what: string, input: object) {
  const c = await existing(deps, consultationId);
  const other = counterpartOf(deps, otherParty(deps, c));
  refuseIdentifiersInText(deps, what, input, other);
  return { c, other };
}

export const addMessage: ThreadWrite = async (deps, author, consultationId, input) => {
  const i = parseOrThrow(consultationMessageInput, input, 'message');
  const { c, other } = await writingInto(deps, consultationId, 'message', i);
  refuseUnlessShared(deps, other);
  await emit(
    deps,
    [
      {
        ...base(deps, author, c.id, other.id),
        type: 'message',
        body: i.body,
        protection: i.protection,
        ...(i.seenIn ? { seenIn: i.seenIn } : {}),
        ...handlingOf(i, author),
      },
    ],
    {
      publish: true,
    },
  );
  return (await getConsultation(deps, c.id)) as ConsultationState;
};

/** A tracked request from this agency's authority to the other's; a draft stays here until sent. */
export const createRequest: ThreadWrite = async (deps, author, consultationId, input) => {
  // What was sent is read first, so a malformed call is told its fields whoever makes it.
  const i = parseOrThrow(requestInput, input, 'request');
  refuseUnlessRequestAuthority(author);
  const table = deps.membership().answerTimes;
  const late = requestTimeErrors(i, table, new Date());
  if (late.length > 0) throw new ValidationError('request', late);
  const { c, other } = await writingInto(deps, consultationId, 'request', i);
  if (i.sendingAuthority.agency !== deps.agency.id)
    throw new ConsultationError('FORBIDDEN', 'the sending authority must be of this agency');
  if (i.receivingAuthority.agency !== other.id)
    throw new ConsultationError('FORBIDDEN', `the receiving authority must be of ${other.name}, the other party`);
  if (i.send) refuseUnlessShared(deps, other);
  // An alert referred to as evidence: its owner must have permitted it, or granted it to us.
  await refuseUnlessHandlingAllows(
    deps,
    'request',
    (i.evidence ?? []).map((alertId, n) => ({
      path: `evidence.${n}`,
      alertId,
      purpose: 'evidence' as const,
      to: other.id,
      mustHold: true,
    })),
  );
  const { send: _, ...fields } = i;
  const request = { ...base(deps, author, c.id, other.id), type: 'request' as const, requestId: newId(), ...fields };
  // Sent at once: the request and its sending go out together, the request first; the sending
  // carries when the request falls due, from the network's table or the deadline the sender set.
  const sentAt = new Date(Date.parse(request.at) + 1).toISOString();
  const dueAt = statutoryDueAt(table, i, sentAt) ?? i.deadline;
  const sent = i.send
    ? [
        {
          ...base(deps, author, c.id, other.id),
          at: sentAt,
          type: 'request_status' as const,
          requestId: request.requestId,
          status: 'sent' as const,
          ...(dueAt ? { dueAt } : {}),
        },
      ]
    : [];
  await emit(deps, [request, ...sent], { publish: i.send });
  deps.log.info('request created', { consultation: c.id, request: request.requestId, sent: i.send, user: author.subject });
  return (await getConsultation(deps, c.id)) as ConsultationState;
};

/** A request held here and its consultation; NOT_FOUND naming `requestId` when there is none (or it is another agencies' affair). */
async function heldRequest(deps: ConsultationDeps, requestId: string): Promise<{ c: ConsultationState; r: RequestState }> {
  const consultationId = isUuid(requestId) ? await consultationOfRequest(deps.db, requestId) : null;
  const c = consultationId ? await getConsultation(deps, consultationId) : null;
  const r = c?.requests.find((x) => x.id === requestId);
  if (!c || !r) throw new ConsultationError('NOT_FOUND', `no request ${requestId} at this agency`, 'requestId');
  return { c, r };
}

/** Moves a request on, as this agency's side may (proto REQUEST_TRANSITIONS). */
export const setRequestStatus: ThreadWrite = async (deps, author, requestId, input) => {
  const i = parseOrThrow(requestStatusInput, input, 'request status');
  refuseUnlessRequestAuthority(author);
  refuseIdentifiersInText(deps, 'request status', i, null);
  const { c, r } = await heldRequest(deps, requestId);
  const problem = statusChangeProblem(r, i.status, deps.agency.id);
  if (problem) throw new ConsultationError('CONFLICT', problem, 'status');
  const other = counterpartOf(deps, otherParty(deps, c));
  const change = { ...base(deps, author, c.id, other.id), type: 'request_status' as const, requestId, ...i };
  // A draft sent now: its clock starts now, from the network's table or the deadline its sender set.
  const dueAt =
    r.status === 'drafted' && i.status === 'sent' ? (statutoryDueAt(deps.membership().answerTimes, r, change.at) ?? r.deadline) : undefined;
  if (dueAt) Object.assign(change, { dueAt });
  if (r.status === 'drafted' && i.status === 'withdrawn') {
    // A draft never left this agency: withdrawing it stays here too.
    await emit(deps, [change], { publish: false });
  } else {
    refuseUnlessShared(deps, other);
    if (r.status === 'drafted') {
      // Sending a draft: the request itself goes out first, as it was written.
      const draft = await draftRequest(deps.db, c.id, requestId);
      await sending(() =>
        deps.db.$transaction(async (tx) => {
          await markPublished(tx, draft.id);
          await enqueue(tx, { kind: 'consultation', from: deps, event: draft });
        }),
      );
    }
    await emit(deps, [change], { publish: true });
  }
  deps.log.info('request status set', { request: requestId, status: i.status, user: author.subject });
  return (await getConsultation(deps, c.id)) as ConsultationState;
};

/**
 * Asks the owner of a partner's alert held here for leave to use it as evidence, pass it on or act
 * on it: a `permission_asked` event in a consultation with the owner (`consultationId`, or a new one
 * about the alert), sent and audited like any other.
 */
export async function askPermission(
  deps: ConsultationDeps,
  author: Author,
  input: unknown,
  consultationId: string | null,
): Promise<ConsultationState> {
  const i = parseOrThrow(permissionRequestInput, input, 'permission');
  const a = await heldAlert(deps, i.alertId);
  if (!a) throw new ValidationError('permission', [{ path: 'alertId', rule: 'held', message: 'must be an alert this agency holds' }]);
  if (a.origin.agency === deps.agency.id)
    throw new ValidationError('permission', [
      { path: 'alertId', rule: 'not_own', message: 'is this agency’s own alert: it needs no permission' },
    ]);
  if (i.passTo !== undefined && !agencyOf(deps.membership(), i.passTo))
    throw new ValidationError('permission', [
      { path: 'passTo', rule: 'member', message: 'must be a member agency of the network, by its id' },
    ]);
  if (i.purpose === 'pass_on' && a.tlp === 'AMBER+STRICT')
    throw new ValidationError('permission', [
      {
        path: 'purpose',
        rule: 'amber_strict',
        message: 'a TLP:AMBER+STRICT alert is never passed on: ask its owner to publish it to that agency',
      },
    ]);
  const owner = counterpartOf(deps, a.origin.agency);
  refuseIdentifiersInText(deps, 'permission', i, owner);
  refuseUnlessShared(deps, owner);
  const c = consultationId ? await existing(deps, consultationId) : null;
  if (c && otherParty(deps, c) !== owner.id)
    throw new ConsultationError(
      'FORBIDDEN',
      `permission is asked of the alert’s owner, ${owner.name}, not in a consultation with another agency`,
    );
  const threadId = c?.id ?? newId();
  const opening = c
    ? []
    : [
        {
          ...base(deps, author, threadId, owner.id),
          type: 'opened' as const,
          subject: `Permission asked: alert ${a.id.slice(0, 8)}`,
          about: { alertId: a.id },
          body: i.reason,
          protection: [],
        },
      ];
  const ask = {
    ...base(deps, author, threadId, owner.id),
    type: 'permission_asked' as const,
    permissionId: newId(),
    alertId: a.id,
    purpose: i.purpose,
    ...(i.passTo ? { passTo: i.passTo } : {}),
    reason: i.reason,
  };
  // The thread opens before the question is asked in it.
  if (opening[0]) ask.at = new Date(Date.parse(opening[0].at) + 1).toISOString();
  await emit(deps, [...opening, ask], { publish: true });
  deps.log.info('permission asked', { consultation: threadId, alert: a.id, purpose: i.purpose, user: author.subject });
  return (await getConsultation(deps, threadId)) as ConsultationState;
}

/** The owner's answer to a permission asked of it, about one of its own alerts. */
export async function answerPermission(
  deps: ConsultationDeps,
  author: Author,
  permissionId: string,
  input: unknown,
): Promise<ConsultationState> {
  const i = parseOrThrow(permissionAnswerInput, input, 'permission answer');
  refuseIdentifiersInText(deps, 'permission answer', i, null);
  let found: { c: ConsultationState; p: PermissionState } | null = null;
  for (const c of isUuid(permissionId) ? await listConsultations(deps) : []) {
    const p = c.permissions.find((x) => x.id === permissionId);
    if (p) found = { c, p };
  }
  if (!found) throw new ConsultationError('NOT_FOUND', `no permission ${permissionId} at this agency`);
  const { c, p } = found;
  if (p.askedBy === deps.agency.id) throw new ConsultationError('FORBIDDEN', 'only the alert’s owner answers a permission asked of it');
  if (p.status !== 'asked') throw new ConsultationError('CONFLICT', `permission ${permissionId} was already ${p.status}`);
  const a = await heldAlert(deps, p.alertId);
  if (!a || a.origin.agency !== deps.agency.id)
    throw new ConsultationError('FORBIDDEN', `alert ${p.alertId} is not this agency’s: only its owner grants it`);
  const other = counterpartOf(deps, otherParty(deps, c));
  refuseUnlessShared(deps, other);
  await emit(
    deps,
    [
      {
        ...base(deps, author, c.id, other.id),
        type: 'permission_answered',
        permissionId,
        alertId: p.alertId,
        purpose: p.purpose,
        ...(p.passTo ? { passTo: p.passTo } : {}),
        ...i,
      },
    ],
    { publish: true },
  );
  deps.log.info('permission answered', { consultation: c.id, permission: permissionId, granted: i.granted, user: author.subject });
  return (await getConsultation(deps, c.id)) as ConsultationState;
}

/**
 * The sending authority sets the deadline of a request the network's table does not time (MLA
 * and the like: the times its agency sets). A receiving agency never moves the time it answers
 * within, and no one sets by hand the time the table gives.
 */
export const setRequestDeadline: ThreadWrite = async (deps, author, requestId, input) => {
  const i = parseOrThrow(requestDeadlineInput, input, 'request deadline');
  refuseUnlessRequestAuthority(author);
  const { c, r } = await heldRequest(deps, requestId);
  if (r.sendingAuthority.agency !== deps.agency.id)
    throw new ConsultationError(
      'FORBIDDEN',
      'only the sending authority sets a request’s deadline; the receiving side answers within it',
      'deadline',
    );
  const late = requestTimeErrors({ ...r, deadline: i.deadline }, deps.membership().answerTimes, new Date());
  if (late.length > 0) throw new ValidationError('request deadline', late);
  if (!clockRuns({ status: r.status === 'drafted' ? 'sent' : r.status, deadline: i.deadline }))
    throw new ConsultationError('CONFLICT', `a request that is ${r.status} has no deadline to set`, 'requestId');
  const other = counterpartOf(deps, otherParty(deps, c));
  const publish = r.status !== 'drafted';
  if (publish) refuseUnlessShared(deps, other);
  await emit(deps, [{ ...base(deps, author, c.id, other.id), type: 'request_deadline', requestId, deadline: i.deadline }], { publish });
  deps.log.info('request deadline set', { request: requestId, user: author.subject });
  return (await getConsultation(deps, c.id)) as ConsultationState;
};

/**
 * The sending authority escalates a request of its own to the receiving agency's single point of
 * contact once 75 % of its time has passed (the receiving agency's node does so by itself at 100 %:
 * request-clocks.ts). Once per request.
 */
export const escalateRequest = async (deps: ConsultationDeps, author: Author, requestId: string): Promise<ConsultationState> => {
  refuseUnlessRequestAuthority(author);
  const { c, r } = await heldRequest(deps, requestId);
  if (r.sendingAuthority.agency !== deps.agency.id)
    throw new ConsultationError(
      'FORBIDDEN',
      'only the sending authority escalates a request by hand; the receiving agency’s own clock escalates it when it falls due',
      'requestId',
    );
  if (r.escalatedAt) throw new ConsultationError('CONFLICT', `request ${requestId} was escalated on ${r.escalatedAt}`, 'requestId');
  if (!clockRuns(r) || !r.warnAt || Date.parse(r.warnAt) > Date.now())
    throw new ConsultationError('CONFLICT', 'a request is escalated once 75 % of its time has passed, while it runs', 'requestId');
  const other = counterpartOf(deps, otherParty(deps, c));
  refuseUnlessShared(deps, other);
  await emit(deps, [{ ...base(deps, author, c.id, other.id), type: 'request_escalated', requestId }], { publish: true });
  deps.log.info('request escalated by its sender', { request: requestId, user: author.subject });
  return (await getConsultation(deps, c.id)) as ConsultationState;
};

/**
 * The receiving agency's clock escalates a due request to its single point of contact
 * (request-clocks.ts): claims the clock and keeps the signed event in one transaction, and sends
 * it to the sending agency when this agency's policy consults with it. Null when the clock was
 * claimed already; else whether the event went to the sender.
 */
export async function emitEscalation(
  deps: ConsultationDeps,
  c: ConsultationState,
  r: RequestState,
  contact: { entryId: string; name: string } | undefined,
  now: Date,
): Promise<boolean | null> {
  const other = agencyOf(deps.membership(), r.sendingAuthority.agency);
  const publish = other !== undefined && !('refused' in consultationRelease(deps, other));
  const event = await deps.signer.sign(
    parseOrThrow(
      consultationEvent,
      {
        id: newId(),
        consultationId: c.id,
        from: deps.agency.id,
        to: r.sendingAuthority.agency,
        at: now.toISOString(),
        author: `${deps.agency.name} — statutory clock`,
        type: 'request_escalated',
        requestId: r.id,
        ...(contact ? { contact } : {}),
      },
      'request escalation',
    ),
  );
  const claimed = await deps.db.$transaction(async (tx) => {
    if (!(await claimEscalation(tx, r.id, now))) return null;
    const kept = await keep(deps, tx, [event], publish);
    if (publish) await enqueue(tx, { kind: 'consultation', from: deps, event });
    return kept;
  });
  if (!claimed) return null;
  deps.announce(claimed);
  if (publish) deps.onQueued();
  return publish;
}

const EVENT: AddressedKind<ConsultationEvent> = {
  grammar: parseConsultationSubject,
  schema: consultationEvent,
  notForUs: 'not a consultation subject for this agency',
  notOfSchema: 'not a consultation event',
};

/** An event from the other party, off our inbox: kept once, if it is genuinely theirs and for us. */
export async function receiveConsultationEvent(deps: ConsultationDeps, subject: string, data: string): Promise<Receipt> {
  const read = readAddressed({ subjectRoot: deps.subjectRoot, agency: deps.agency.id }, subject, data, EVENT);
  if (!read.ok) return read;
  const e = read.value;
  if (e.from !== read.sender || e.to !== deps.agency.id) return { ok: false, reason: 'event parties do not match its subject' };
  const signed = await verifySignedBy(e, e.from, deps.membership(), nodeSignatures);
  if (!signed.ok)
    return signed.unknownSigner
      ? { ok: false, reason: signed.reason, retry: true }
      : { ok: false, reason: `bad signature: ${signed.reason}` };
  // Only the two parties of a consultation write in it.
  const parties = await partiesOf(deps.db, e.consultationId);
  if (parties && !parties.includes(e.from)) return { ok: false, reason: 'event from an agency that is not party to the consultation' };
  // A grant counts only from the alert's owner: a node answering for another's alert is refused.
  if (e.type === 'permission_answered') {
    const a = await heldAlert(deps, e.alertId);
    if (!a || a.origin.agency !== e.from) return { ok: false, reason: 'permission answered by an agency that does not own the alert' };
  }
  const items = permissionAuditItems(e);
  const kept = await deps.db.$transaction(async (tx) => {
    const newly = await keep(deps, tx, [e], true);
    // Asking and granting are in the audit at both sides: the sender's as it sent, ours as we keep it.
    if (newly.length > 0 && items.length > 0)
      await appendAudit(tx, [
        {
          channel: 'received',
          agency: e.from,
          subject: null,
          resource: 'consultation',
          items: [`consultation:${e.consultationId}`, `${e.type}:${e.id}`, ...items],
          rule: 'permission-received',
          policyVersion: deps.policy().version,
        },
      ]);
    return newly;
  });
  deps.announce(kept);
  deps.log.info('consultation event received', { consultation: e.consultationId, type: e.type, from: e.from });
  return { ok: true };
}
