// The node's consultations API (issue 7), for this agency's own users: the threads it is party
// to, the requests it sent and received (overdue ones first when asked), protection notices, and
// writing in all of these. The other party's node keeps its own copy of every event.
import { clockRuns, isOverdue, type RequestState } from '@corridor/proto';
import type { RequestEntryView } from '@corridor/proto/graphql';
import { builder, contract, inputs, type NodeContext } from '../schema/builder.js';
import {
  type Author,
  addMessage,
  answerPermission,
  askPermission,
  createRequest,
  escalateRequest,
  getConsultation,
  listConsultations,
  listRequests,
  openConsultation,
  setRequestDeadline,
  setRequestStatus,
} from './consultations.js';
import { listProtectionNotices } from './protection-store.js';

const WHAT = 'take part in consultations';

function author(ctx: NodeContext): Author {
  return { subject: ctx.claims.sub, name: ctx.claims.name, roles: ctx.claims.roles };
}

builder.queryFields((t) => ({
  consultations: t.field({
    type: [contract.ConsultationRef],
    description: 'Consultations this agency is party to (proto ConsultationState), the most recently active first.',
    authScopes: { ownAgency: WHAT },
    resolve: (_r, _a, ctx) => listConsultations(ctx.services.consultations),
  }),
  consultation: t.field({
    type: contract.ConsultationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => getConsultation(ctx.services.consultations, String(args.id)),
  }),
  requests: t.field({
    type: [contract.RequestEntryRef],
    description:
      'Requests this agency sent and received, by time left: those whose clock runs first (the most overdue first), then the others, the most recent first.',
    args: { overdueOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: async (_r, args, ctx) => {
      const now = new Date();
      // Time left: a running clock's deadline; a request whose clock does not run comes after every one that does.
      const left = (r: RequestState) => (r.deadline && clockRuns(r) ? Date.parse(r.deadline) : Number.POSITIVE_INFINITY);
      const last = (r: RequestState) => r.history.at(-1)?.at ?? '';
      return (await listRequests(ctx.services.consultations))
        .filter(({ request }) => !args.overdueOnly || isOverdue(request, now))
        .sort((a, b) => left(a.request) - left(b.request) || last(b.request).localeCompare(last(a.request)))
        .map(
          ({ request, consultation }): RequestEntryView => ({
            request,
            consultationId: consultation.id,
            subject: consultation.subject,
            direction: request.sendingAuthority.agency === ctx.services.agency.id ? 'sent' : 'received',
            overdue: isOverdue(request, now),
          }),
        );
    },
  }),
  protectionNotices: t.field({
    type: [contract.ProtectionNoticeRef],
    description: 'Protection notices held here, newest first: the need, the place, whom it was brought to; never a person.',
    args: { limit: t.arg.int({ defaultValue: 50, required: true }) },
    authScopes: { ownAgency: 'read protection notices' },
    resolve: (_r, args, ctx) => listProtectionNotices(ctx.services.db, args.limit),
  }),
}));

builder.mutationFields((t) => ({
  openConsultation: t.field({
    type: contract.ConsultationRef,
    description: 'Opens a consultation with another agency (proto openConsultationInput); only that agency receives it.',
    args: { input: t.arg({ type: inputs.OpenConsultationInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => openConsultation(ctx.services.consultations, author(ctx), args.input),
  }),
  addConsultationMessage: t.field({
    type: contract.ConsultationRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: inputs.ConsultationMessageInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => addMessage(ctx.services.consultations, author(ctx), String(args.id), args.input),
  }),
  createRequest: t.field({
    type: contract.ConsultationRef,
    description: 'Turns a consultation into a tracked request (proto requestInput); a draft stays here until sent.',
    args: { consultationId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => createRequest(ctx.services.consultations, author(ctx), String(args.consultationId), args.input),
  }),
  askPermission: t.field({
    type: contract.ConsultationRef,
    description:
      'Asks the owner of a partner’s alert held here for leave to use it as evidence, pass it on (to passTo) or act on it (handling codes H1, H2): in the consultation given, with the owner, or a new one about the alert.',
    args: {
      input: t.arg({ type: inputs.PermissionRequestInput, required: true }),
      consultationId: t.arg.id({
        required: false,
        description: 'A consultation with the alert’s owner to ask in; a new one when left out.',
      }),
    },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) =>
      askPermission(ctx.services.consultations, author(ctx), args.input, args.consultationId == null ? null : String(args.consultationId)),
  }),
  answerPermission: t.field({
    type: contract.ConsultationRef,
    description:
      'Grants or refuses a permission asked of this agency about one of its own alerts; the answer is signed and sent to the asker.',
    args: { permissionId: t.arg.id({ required: true }), input: t.arg({ type: inputs.PermissionAnswerInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => answerPermission(ctx.services.consultations, author(ctx), String(args.permissionId), args.input),
  }),
  setRequestStatus: t.field({
    type: contract.ConsultationRef,
    description:
      'Moves a request on, as this agency’s side may (sending: sent, withdrawn; receiving: received, in_progress, answered, refused).',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestStatusInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => setRequestStatus(ctx.services.consultations, author(ctx), String(args.requestId), args.input),
  }),
  setRequestDeadline: t.field({
    type: contract.ConsultationRef,
    description:
      'The sending authority sets the deadline (an instant) of a request the network’s table of answer times does not time, such as MLA.',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestDeadlineInput, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => setRequestDeadline(ctx.services.consultations, author(ctx), String(args.requestId), args.input),
  }),
  escalateRequest: t.field({
    type: contract.ConsultationRef,
    description:
      'The sending authority escalates its request to the receiving agency’s single point of contact once 75 % of its time has passed (the receiving node does so by itself at 100 %).',
    args: { requestId: t.arg.id({ required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: (_r, args, ctx) => escalateRequest(ctx.services.consultations, author(ctx), String(args.requestId)),
  }),
}));
