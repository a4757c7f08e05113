// Consultations and formal requests (issue 7). The UN texts ask that States talk informally before
// a formal mutual-legal-assistance or extradition request, find the authority that handles it,
// and track requests until answered. A consultation is a short thread between two agencies only,
// opened from an alert, a hit or a contact card; it can become a tracked request.
//
// Everything travels as signed events (like alerts: a detached JWS over the canonical JSON, with
// the sending agency's key) on the recipient's inbox subject, and is kept at both nodes. Each side
// derives the thread, the requests and their histories by folding the events in order, so both
// sides see the same thing whatever order the bus delivered them in and however often.
//
// Protection first: a thread or an alert may flag vulnerable persons present (a child, an
// unaccompanied child…). A flag describes a need for protection, never a suspicion: no field here
// or anywhere in the contract records a smuggled migrant as an offender, and flags carry no
// identifier of the person.
import { z } from 'zod';
import { type AnswerTime, answerTimeOf, statutoryDueAt, warningAt } from './answer-times.js';
import {
  PERMISSION_PURPOSES,
  type PermissionPurpose,
  PROTECTION_FLAGS,
  type ProtectionFlag,
  REQUEST_AUTHORITY_ROLES,
  REQUEST_REFUSAL_GROUNDS,
  REQUEST_STATUSES,
  REQUEST_TYPES,
  type RequestRefusalGround,
  type RequestStatus,
  type RequestType,
} from './codes.js';
import type { FieldError } from './errors.js';
import { agencyId, code, countryCode, detachedJws, isoDate, isoDateTime } from './fields.js';
import { type EvidenceMarking, type Grant, handlingErrors, handlingFields, handlingInputFields } from './handling.js';
import { parsePartnerMessageSubject, partnerMessageSubject } from './subjects.js';

const protectionFlags = z.array(code(PROTECTION_FLAGS, 'a protection need, e.g. unaccompanied_child')).max(6).default([]);

/** A request in one of these is finished: it is never overdue. */
export const CLOSED_REQUEST_STATUSES: readonly RequestStatus[] = ['answered', 'refused', 'withdrawn'];
/** Its clock stands still while the sending side clarifies (Directive (EU) 2023/977, Art. 6(3)). */
const SUSPENDED_REQUEST_STATUSES: readonly RequestStatus[] = ['clarification_requested'];
/** Statuses that carry a reason from the Directive's list (Art. 6(1) grounds; Art. 6(3) for clarification). */
const REASONED_STATUSES: readonly RequestStatus[] = ['refused', 'clarification_requested'];

/**
 * Which side may move a request into a status, and from which: the sending authority drafts,
 * sends and may withdraw; the receiving one acknowledges, works on it and answers or refuses.
 */
export const REQUEST_TRANSITIONS: Record<RequestStatus, { by: 'sender' | 'receiver'; from: readonly RequestStatus[] }> = {
  drafted: { by: 'sender', from: [] },
  // Sent again once the sending side has clarified what the receiving side asked.
  sent: { by: 'sender', from: ['drafted', 'clarification_requested'] },
  received: { by: 'receiver', from: ['sent'] },
  in_progress: { by: 'receiver', from: ['sent', 'received'] },
  clarification_requested: { by: 'receiver', from: ['sent', 'received', 'in_progress'] },
  answered: { by: 'receiver', from: ['sent', 'received', 'in_progress'] },
  refused: { by: 'receiver', from: ['sent', 'received', 'in_progress', 'clarification_requested'] },
  withdrawn: { by: 'sender', from: ['drafted', 'sent', 'received', 'in_progress', 'clarification_requested'] },
};

/** A central authority or other contact from the directory: which agency, which entry, its name then. */
const authorityRef = z.strictObject({
  agency: agencyId,
  entryId: z.uuid().optional(),
  name: z.string().trim().min(1).max(160),
});
type AuthorityRef = z.infer<typeof authorityRef>;

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const common = {
  /** The event's own id: receivers store each once, however often it is delivered. */
  id: z.uuid(),
  consultationId: z.uuid(),
  /** The agency that sends (and signs) the event, and the one agency it is for. */
  from: agencyId,
  to: agencyId,
  at: isoDateTime,
  /** The user who wrote it, by name, as their agency vouches. */
  author: text(160),
  signature: detachedJws.optional(),
};

/** What a consultation was opened from, so each side can go back to it. */
const consultationAbout = z.strictObject({
  alertId: z.uuid().optional(),
  entryId: z.uuid().optional(),
});

// What a user writes, which the events carry as written; the node adds ids, parties, time, author, signature.
const messageFields = {
  body: text(4000),
  protection: protectionFlags,
  /**
   * With protection flags: the country where the person was seen, whose protection contact can
   * act. Absent on events written before it existed (each side then used its own country).
   */
  seenIn: countryCode.optional(),
  /** What the other party may do with it, and whether it may serve as evidence (handling.ts); absent on events written before. */
  ...handlingFields,
};
/** As written: who decided on evidence use is filled in by the node (the writer, by their token). */
const messageInputFields = { ...messageFields, ...handlingInputFields };
const handlingCheck = (m: Parameters<typeof handlingErrors>[0], ctx: z.RefinementCtx) => {
  for (const e of handlingErrors(m)) ctx.addIssue({ code: 'custom', path: e.path.split('.'), message: e.message });
};
/** A flag needs a place: the protection contact is the one of the country where the person is. */
const placeOfProtection = {
  check: (m: { protection: readonly string[]; seenIn?: string | undefined }) => m.protection.length === 0 || m.seenIn !== undefined,
  params: { path: ['seenIn'], message: 'say in which country the person was seen, so that its protection contact is told' },
};
const openingFields = { subject: text(200), about: consultationAbout.optional(), ...messageFields };
const requestFields = {
  requestType: code(REQUEST_TYPES, 'a request type: mla, extradition, joint_investigation_team or information_request'),
  /** Urgent, and whether the information is directly accessible to the requested side: they choose its answer time (answer-times.ts). */
  urgent: z.boolean().optional(),
  directlyAccessible: z.boolean().optional(),
  summary: text(1000),
  sendingAuthority: authorityRef,
  receivingAuthority: authorityRef,
  /** The sending authority's own file reference. */
  reference: text(80),
  /**
   * The deadline the sending agency sets, for a request type the network's table does not time
   * (MLA and the like): an instant with its UTC offset. Requests written before deadlines were
   * instants carry a date, read as the end of that day, UTC (`deadlineInstant`).
   */
  deadline: z.union([isoDateTime, isoDate]).optional(),
  /**
   * Alerts this request refers to as evidence. The sending node refuses one whose owner has not
   * permitted its use as evidence (handling.ts permissionNeeded) until the owner grants it.
   */
  evidence: z.array(z.uuid()).max(20).optional(),
};

/** A receiver asks an alert's owner for leave to use it as evidence, pass it on (to `passTo`) or act on it. */
const permissionFields = {
  permissionId: z.uuid(),
  alertId: z.uuid(),
  purpose: code(PERMISSION_PURPOSES, 'a purpose: evidence, pass_on or act'),
  /** With pass_on: the agency it would go to. */
  passTo: agencyId.optional(),
};
const permissionAskFields = { reason: text(1000) };
const permissionAnswerFields = {
  granted: z.boolean(),
  /** With a grant of evidence use: the legal basis, as the owner states it. */
  legalBasis: z.string().trim().min(1).max(300).optional(),
  note: text(500).optional(),
};
const reason = code(REQUEST_REFUSAL_GROUNDS, 'a ground of Directive 2023/977 Art. 6(1), e.g. not_available');
const requestStatusFields = {
  status: code(REQUEST_STATUSES, 'a request status'),
  /** The receiving authority's own file reference, once it has one. */
  reference: text(80).optional(),
  note: text(500).optional(),
  /**
   * With `answered`: what the receiving authority answers, as text. Case documents still go
   * through the formal channel; the text is checked for identifiers like every other.
   */
  answer: text(4000).optional(),
  /** With `refused` and `clarification_requested`: the ground, from the Directive's list. */
  reason: reason.optional(),
};
/** Who the receiving agency's clock escalated to: its single point of contact, as its directory named it then. */
const escalationContact = z.strictObject({ entryId: z.uuid().optional(), name: z.string().trim().min(1).max(160) });

export const consultationEvent = z.discriminatedUnion('type', [
  z.strictObject({ ...common, type: z.literal('opened'), ...openingFields }),
  z.strictObject({ ...common, type: z.literal('message'), ...messageFields }),
  z.strictObject({ ...common, type: z.literal('request'), requestId: z.uuid(), ...requestFields }),
  z.strictObject({ ...common, type: z.literal('permission_asked'), ...permissionFields, ...permissionAskFields }),
  z.strictObject({ ...common, type: z.literal('permission_answered'), ...permissionFields, ...permissionAnswerFields }),
  z.strictObject({
    ...common,
    type: z.literal('request_status'),
    requestId: z.uuid(),
    ...requestStatusFields,
    /**
     * On `sent`, the first time: the instant the request falls due, as the sending node computed it.
     * For a request the network's table times, a record: readers take the later of it and the table's time.
     */
    dueAt: isoDateTime.optional(),
  }),
  /** The sending authority sets the deadline of a request the network's table does not time. */
  z.strictObject({ ...common, type: z.literal('request_deadline'), requestId: z.uuid(), deadline: isoDateTime }),
  /** The request is due and unanswered: brought to the receiving agency's single point of contact. */
  z.strictObject({ ...common, type: z.literal('request_escalated'), requestId: z.uuid(), contact: escalationContact.optional() }),
]);
export type ConsultationEvent = z.infer<typeof consultationEvent>;

export const openConsultationInput = z
  .strictObject({ with: agencyId, ...openingFields, ...handlingInputFields })
  .refine(placeOfProtection.check, placeOfProtection.params)
  .superRefine(handlingCheck);

export const consultationMessageInput = z
  .strictObject(messageInputFields)
  .refine(placeOfProtection.check, placeOfProtection.params)
  .superRefine(handlingCheck);

/** A receiver asking the owner of an alert it holds. */
export const permissionRequestInput = z
  .strictObject({ alertId: z.uuid(), purpose: permissionFields.purpose, passTo: agencyId.optional(), ...permissionAskFields })
  .refine((i) => (i.purpose === 'pass_on') === (i.passTo !== undefined), {
    path: ['passTo'],
    message: 'name the agency it would be passed on to (and only when passing it on)',
  });

/** The owner's answer. */
export const permissionAnswerInput = z.strictObject({ ...permissionAnswerFields });

export const requestInput = z.strictObject({
  ...requestFields,
  urgent: z.boolean().default(false),
  directlyAccessible: z.boolean().default(false),
  deadline: isoDateTime.optional(),
  /** Send at once; otherwise it stays a draft at the sending agency until sent. */
  send: z.boolean().default(false),
});

export const requestDeadlineInput = z.strictObject({ deadline: isoDateTime });

export const requestStatusInput = z
  .strictObject(requestStatusFields)
  .refine((i) => i.status !== 'answered' || i.answer !== undefined, {
    path: ['answer'],
    message: 'an answered request carries the answer: write what the authority answers',
  })
  .refine((i) => i.status === 'answered' || i.answer === undefined, {
    path: ['answer'],
    message: 'only an answered request carries an answer',
  })
  .refine((i) => !REASONED_STATUSES.includes(i.status) || i.reason !== undefined, {
    path: ['reason'],
    message: 'a refusal or a request for clarification names its ground, from Directive 2023/977 Art. 6(1)',
  })
  .refine((i) => REASONED_STATUSES.includes(i.status) || i.reason === undefined, {
    path: ['reason'],
    message: 'only a refusal or a request for clarification carries a ground',
  });

/**
 * Checks that depend on the clock and on the network's table, kept out of the schema so that
 * parsing stays pure: a request the table times takes no deadline from its sender; any other
 * deadline must lie ahead.
 */
export function requestTimeErrors(
  input: {
    requestType: RequestType;
    urgent?: boolean | undefined;
    directlyAccessible?: boolean | undefined;
    deadline?: string | undefined;
  },
  table: readonly AnswerTime[] | undefined,
  now: Date,
): FieldError[] {
  if (input.deadline === undefined) return [];
  const row = answerTimeOf(table, input);
  if (row)
    return [
      {
        path: 'deadline',
        rule: 'statutory',
        message: `the network's table sets this request's answer time (${row.within} from its sending): leave the deadline out`,
      },
    ];
  if (Date.parse(input.deadline) <= now.getTime()) return [{ path: 'deadline', rule: 'in_future', message: 'must be in the future' }];
  return [];
}

/** A deadline as an instant: a date of a request written before deadlines were instants ends with that day, UTC. */
export function deadlineInstant(deadline: string): string {
  return deadline.length === 10 ? new Date(Date.parse(`${deadline}T00:00:00Z`) + 86_400_000).toISOString() : deadline;
}

/** Why a user with `roles` may not send or answer a formal request, or null when they may. */
export function requestRoleProblem(roles: readonly string[]): string | null {
  if (roles.some((r) => (REQUEST_AUTHORITY_ROLES as readonly string[]).includes(r))) return null;
  return `only a prosecutor or a central authority sends or answers a formal request; your roles: ${roles.join(', ') || 'none'}`;
}

/** A consultation event, on the recipient's inbox. */
export function consultationSubject(root: string, recipient: string, sender: string): string {
  return partnerMessageSubject(root, 'case', recipient, sender);
}

export function parseConsultationSubject(root: string, subject: string): { recipient: string; sender: string } | null {
  return parsePartnerMessageSubject(root, 'case', subject);
}

// ---------------------------------------------------------------------------------------------
// The state both sides derive from the events.

interface RequestChange {
  at: string;
  agency: string;
  author: string;
  status: RequestStatus;
  note?: string;
}

export interface RequestState {
  id: string;
  consultationId: string;
  requestType: RequestType;
  summary: string;
  sendingAuthority: AuthorityRef;
  receivingAuthority: AuthorityRef;
  senderReference: string;
  receiverReference?: string;
  urgent: boolean;
  directlyAccessible: boolean;
  /** When it falls due: an instant (a clarification asked moves it by the time the sender took). */
  deadline?: string;
  /** When the console starts warning: 75 % of the time from the sending to the deadline. */
  warnAt?: string;
  status: RequestStatus;
  sentAt?: string;
  answeredAt?: string;
  /** What the receiving authority answered. */
  answer?: string;
  /** The ground of a refusal, or of the last clarification asked (Directive 2023/977 Art. 6). */
  reason?: RequestRefusalGround;
  /** The first escalation to the receiving agency's single point of contact, and whom it named. */
  escalatedAt?: string;
  escalatedTo?: string;
  history: RequestChange[];
}

export interface ConsultationState {
  id: string;
  /** The agency that opened it, and the other one. */
  openedBy: string;
  counterpart: string;
  subject: string;
  about?: z.infer<typeof consultationAbout>;
  openedAt: string;
  lastAt: string;
  protection: ProtectionFlag[];
  messages: {
    id: string;
    from: string;
    author: string;
    at: string;
    body: string;
    protection: ProtectionFlag[];
    seenIn?: string;
    handlingCode?: string;
    handlingConditions?: string;
    evidence?: EvidenceMarking;
  }[];
  requests: RequestState[];
  permissions: PermissionState[];
}

/** A permission asked in the consultation, and the owner's answer once given. */
export interface PermissionState {
  id: string;
  alertId: string;
  purpose: PermissionPurpose;
  passTo?: string;
  reason: string;
  askedBy: string;
  askedByAuthor: string;
  askedAt: string;
  status: 'asked' | 'granted' | 'refused';
  answeredBy?: string;
  answeredAt?: string;
  legalBasis?: string;
  note?: string;
}

/**
 * The permissions `to` was granted over an alert by its owner, in any of these consultations: what
 * permissionNeeded reads. Only a consultation between the two counts: a grant by anyone else is none.
 */
export function grantsOf(states: readonly ConsultationState[], alertId: string, owner: string, to: string): Grant[] {
  const between = (c: ConsultationState) => [c.openedBy, c.counterpart].sort().join() === [owner, to].sort().join();
  return states
    .filter(between)
    .flatMap((c) =>
      c.permissions
        .filter((p) => p.alertId === alertId && p.askedBy === to && p.status === 'granted')
        .map((p) => ({ purpose: p.purpose, passTo: p.passTo })),
    );
}

/** Events in the one order both sides use: by time, then by id. */
function compareEvents(a: Pick<ConsultationEvent, 'at' | 'id'>, b: Pick<ConsultationEvent, 'at' | 'id'>): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Why a status change cannot apply to a request in its current state, or null when it can. Used
 * by the node before it sends one, and when folding: a change that was not allowed when it came
 * (say, an answer after a withdrawal crossed on the way) stays in the history, marked, but does
 * not move the status.
 */
export function statusChangeProblem(
  request: Pick<RequestState, 'status'> & { sendingAuthority: { agency: string }; receivingAuthority: { agency: string } },
  status: RequestStatus,
  byAgency: string,
): string | null {
  const rule = REQUEST_TRANSITIONS[status];
  const side = byAgency === request.sendingAuthority.agency ? 'sender' : byAgency === request.receivingAuthority.agency ? 'receiver' : null;
  if (side === null) return 'only the two authorities of a request change its status';
  if (rule.by !== side) return `only the ${rule.by === 'sender' ? 'sending' : 'receiving'} authority sets a request ${status}`;
  if (!rule.from.includes(request.status)) return `a request that is ${request.status} cannot become ${status}`;
  return null;
}

/**
 * The consultation as of `events` (any order, duplicates allowed); null before it was opened.
 * `answerTimes` is the network's table in force (the membership's; absent: the Directive's): a
 * request it times falls due at the later of what its sender signed and what the table gives
 * from the signed sending time, so a sender cannot shorten it, and no one sets it by hand.
 */
export function foldConsultation(events: readonly ConsultationEvent[], answerTimes?: readonly AnswerTime[]): ConsultationState | null {
  const ordered = [...new Map(events.map((e) => [e.id, e])).values()].sort(compareEvents);
  const opened = ordered.find((e) => e.type === 'opened');
  if (opened?.type !== 'opened') return null;
  const state: ConsultationState = {
    id: opened.consultationId,
    openedBy: opened.from,
    counterpart: opened.to,
    subject: opened.subject,
    ...(opened.about ? { about: opened.about } : {}),
    openedAt: opened.at,
    lastAt: opened.at,
    protection: [],
    messages: [],
    requests: [],
    permissions: [],
  };
  const flag = (flags: readonly ProtectionFlag[]) => {
    for (const f of flags) if (!state.protection.includes(f)) state.protection.push(f);
  };
  // Per request: when a clarification was asked and not yet given.
  const clarificationAsked = new Map<string, string>();
  for (const e of ordered) {
    if (e.at > state.lastAt) state.lastAt = e.at;
    if (e.type === 'opened' || e.type === 'message') {
      state.messages.push({
        id: e.id,
        from: e.from,
        author: e.author,
        at: e.at,
        body: e.body,
        protection: [...e.protection],
        ...(e.seenIn ? { seenIn: e.seenIn } : {}),
        ...(e.handlingCode ? { handlingCode: e.handlingCode } : {}),
        ...(e.handlingConditions ? { handlingConditions: e.handlingConditions } : {}),
        ...(e.evidence ? { evidence: e.evidence } : {}),
      });
      flag(e.protection);
    } else if (e.type === 'permission_asked') {
      if (state.permissions.some((p) => p.id === e.permissionId)) continue;
      state.permissions.push({
        id: e.permissionId,
        alertId: e.alertId,
        purpose: e.purpose,
        ...(e.passTo ? { passTo: e.passTo } : {}),
        reason: e.reason,
        askedBy: e.from,
        askedByAuthor: e.author,
        askedAt: e.at,
        status: 'asked',
      });
    } else if (e.type === 'permission_answered') {
      const p = state.permissions.find((x) => x.id === e.permissionId);
      // Only the party asked answers, once, and about what was asked.
      if (!p || p.askedBy === e.from || p.status !== 'asked' || p.alertId !== e.alertId || p.purpose !== e.purpose) continue;
      p.status = e.granted ? 'granted' : 'refused';
      p.answeredBy = e.author;
      p.answeredAt = e.at;
      if (e.legalBasis) p.legalBasis = e.legalBasis;
      if (e.note) p.note = e.note;
    } else if (e.type === 'request') {
      if (state.requests.some((r) => r.id === e.requestId)) continue;
      state.requests.push({
        id: e.requestId,
        consultationId: e.consultationId,
        requestType: e.requestType,
        summary: e.summary,
        sendingAuthority: e.sendingAuthority,
        receivingAuthority: e.receivingAuthority,
        senderReference: e.reference,
        urgent: e.urgent ?? false,
        directlyAccessible: e.directlyAccessible ?? false,
        ...(e.deadline ? { deadline: deadlineInstant(e.deadline) } : {}),
        status: 'drafted',
        history: [{ at: e.at, agency: e.from, author: e.author, status: 'drafted' }],
      });
    } else if (e.type === 'request_deadline') {
      const r = state.requests.find((x) => x.id === e.requestId);
      // Only the sending side sets a deadline, and only while the request is open.
      if (!r || e.from !== r.sendingAuthority.agency || CLOSED_REQUEST_STATUSES.includes(r.status) || answerTimeOf(answerTimes, r))
        continue;
      r.deadline = e.deadline;
      if (r.sentAt) r.warnAt = warningAt(r.sentAt, r.deadline);
    } else if (e.type === 'request_escalated') {
      const r = state.requests.find((x) => x.id === e.requestId);
      if (!r || r.escalatedAt || (e.from !== r.sendingAuthority.agency && e.from !== r.receivingAuthority.agency)) continue;
      r.escalatedAt = e.at;
      if (e.contact) r.escalatedTo = e.contact.name;
    } else {
      const r = state.requests.find((x) => x.id === e.requestId);
      if (!r) continue;
      const problem = statusChangeProblem(r, e.status, e.from);
      r.history.push({
        at: e.at,
        agency: e.from,
        author: e.author,
        status: e.status,
        ...(e.note || problem ? { note: [e.note, problem && `not applied: ${problem}`].filter(Boolean).join(' — ') } : {}),
      });
      if (problem) continue;
      r.status = e.status;
      if (e.reference && e.from === r.receivingAuthority.agency) r.receiverReference = e.reference;
      if (e.status === 'sent' && r.sentAt === undefined) {
        r.sentAt = e.at;
        // A request the table does not time keeps the deadline its sender set (the request's, or a later `request_deadline`).
        const statutory = statutoryDueAt(answerTimes, r, e.at);
        if (statutory) r.deadline = e.dueAt && Date.parse(e.dueAt) > Date.parse(statutory) ? e.dueAt : statutory;
      } else if (e.status === 'sent' && r.deadline) {
        // Art. 6(3): the time limit stands still from the request for clarification to the answer.
        const asked = clarificationAsked.get(r.id);
        if (asked) r.deadline = new Date(Date.parse(r.deadline) + Math.max(0, Date.parse(e.at) - Date.parse(asked))).toISOString();
      }
      if (e.status === 'clarification_requested') clarificationAsked.set(r.id, e.at);
      else clarificationAsked.delete(r.id);
      if (r.sentAt && r.deadline) r.warnAt = warningAt(r.sentAt, r.deadline);
      if (e.reason) r.reason = e.reason;
      if (e.status === 'answered' || e.status === 'refused') r.answeredAt = e.at;
      if (e.status === 'answered' && e.answer) r.answer = e.answer;
    }
  }
  return state;
}

/** Whether a request's clock runs: sent, not finished, not waiting for the sender's clarification. */
export function clockRuns(r: Pick<RequestState, 'deadline' | 'status'>): boolean {
  return (
    r.deadline !== undefined &&
    r.status !== 'drafted' &&
    !CLOSED_REQUEST_STATUSES.includes(r.status) &&
    !SUSPENDED_REQUEST_STATUSES.includes(r.status)
  );
}

/** Past its deadline (an instant) and not finished. */
export function isOverdue(r: Pick<RequestState, 'deadline' | 'status'>, now: Date): boolean {
  return clockRuns(r) && Date.parse(r.deadline as string) <= now.getTime();
}
