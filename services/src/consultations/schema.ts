// The node's consultations API (issue 7), for this agency's own users: the threads it is party
// to, the requests it sent and received (overdue ones first when asked), protection notices, and
// writing in all of these. The other party's node keeps its own copy of every event.
import { type ConsultationState, isOverdue, type RequestState } from '@corridor/proto';
import type { JsonObject, RequestEntryView } from '@corridor/proto/graphql';
import { builder, type NodeContext, RequestEntryRef } from '../schema/builder.js';
import {
  type Author,
  addMessage,
  createRequest,
  getConsultation,
  listConsultations,
  listRequests,
  openConsultation,
  setRequestStatus,
} from './consultations.js';
import { listProtectionNotices } from './protection-store.js';

const WHAT = 'take part in consultations';

function author(ctx: NodeContext): Author {
  return { subject: ctx.claims.sub, name: ctx.claims.name };
}

// The folded state travels as JSON (proto ConsultationState, RequestState): one shape, declared once.
const asJson = (v: ConsultationState | RequestState | object) => v as unknown as JsonObject;

builder.queryFields((t) => ({
  consultations: t.field({
    type: ['JSONObject'],
    description: 'Consultations this agency is party to (proto ConsultationState), the most recently active first.',
    authScopes: { ownAgency: WHAT },
    resolve: async (_r, _a, ctx) => (await listConsultations(ctx.services.db)).map(asJson),
  }),
  consultation: t.field({
    type: 'JSONObject',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: async (_r, args, ctx) => {
      const c = await getConsultation(ctx.services.db, String(args.id));
      return c ? asJson(c) : null;
    },
  }),
  requests: t.field({
    type: [RequestEntryRef],
    description: 'Requests this agency sent and received; overdue ones first, then by deadline.',
    args: { overdueOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: async (_r, args, ctx) => {
      const now = new Date();
      const all = (await listRequests(ctx.services.db)).map(
        ({ request, consultation }): RequestEntryView => ({
          request: asJson(request),
          consultationId: consultation.id,
          subject: consultation.subject,
          direction: request.sendingAuthority.agency === ctx.services.agency.id ? 'sent' : 'received',
          overdue: isOverdue(request, now),
        }),
      );
      const deadline = (r: RequestEntryView) => (r.request as unknown as RequestState).deadline ?? '9999';
      return all
        .filter((x) => !args.overdueOnly || x.overdue)
        .sort((a, b) => Number(b.overdue) - Number(a.overdue) || deadline(a).localeCompare(deadline(b)));
    },
  }),
  protectionNotices: t.field({
    type: ['JSONObject'],
    description: 'Protection notices held here, newest first: the need, the place, whom it was brought to; never a person.',
    args: { limit: t.arg.int({ defaultValue: 50, required: true }) },
    authScopes: { ownAgency: 'read protection notices' },
    resolve: async (_r, args, ctx) => (await listProtectionNotices(ctx.services.db, args.limit)).map(asJson),
  }),
}));

const write =
  <A>(fn: (ctx: NodeContext, args: A) => Promise<ConsultationState>) =>
  async (_r: unknown, args: A, ctx: NodeContext) =>
    asJson(await fn(ctx, args));

builder.mutationFields((t) => ({
  openConsultation: t.field({
    type: 'JSONObject',
    description: 'Opens a consultation with another agency (proto openConsultationInput); only that agency receives it.',
    args: { input: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: write((ctx, args: { input: JsonObject }) => openConsultation(ctx.services.consultations, author(ctx), args.input)),
  }),
  addConsultationMessage: t.field({
    type: 'JSONObject',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: write((ctx, args: { id: string | number; input: JsonObject }) =>
      addMessage(ctx.services.consultations, author(ctx), String(args.id), args.input),
    ),
  }),
  createRequest: t.field({
    type: 'JSONObject',
    description: 'Turns a consultation into a tracked request (proto requestInput); a draft stays here until sent.',
    args: { consultationId: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: write((ctx, args: { consultationId: string | number; input: JsonObject }) =>
      createRequest(ctx.services.consultations, author(ctx), String(args.consultationId), args.input),
    ),
  }),
  setRequestStatus: t.field({
    type: 'JSONObject',
    description:
      'Moves a request on, as this agency’s side may (sending: sent, withdrawn; receiving: received, in_progress, answered, refused).',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: write((ctx, args: { requestId: string | number; input: JsonObject }) =>
      setRequestStatus(ctx.services.consultations, author(ctx), String(args.requestId), args.input),
    ),
  }),
}));
