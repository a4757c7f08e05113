// Consultations and tracked requests (issue 7) live at the two agencies' nodes: the gateway asks
// and writes at the caller's own node only, which checks the token again and talks to the other
// party over the bus.
import {
  CONSULTATION_MESSAGE_MUTATION,
  CONSULTATION_QUERY,
  CONSULTATIONS_QUERY,
  CREATE_REQUEST_MUTATION,
  OPEN_CONSULTATION_MUTATION,
  PROTECTION_NOTICES_QUERY,
  REQUEST_STATUS_MUTATION,
  REQUESTS_QUERY,
} from '../node-queries.js';
import {
  builder,
  ConsultationMessageInput,
  ConsultationRef,
  OpenConsultationInput,
  ProtectionNoticeRef,
  RequestEntryRef,
  RequestInput,
  RequestStatusInput,
} from './builder.js';
import { fromOwnNode } from './own-node.js';

builder.queryFields((t) => ({
  consultations: t.field({
    type: [ConsultationRef],
    description: 'Consultations the caller’s agency is party to (proto ConsultationState), most recently active first.',
    resolve: fromOwnNode(CONSULTATIONS_QUERY),
  }),
  consultation: t.field({
    type: ConsultationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(CONSULTATION_QUERY),
  }),
  requests: t.field({
    type: [RequestEntryRef],
    description: 'Requests the caller’s agency sent and received; overdue ones first.',
    args: { overdueOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: fromOwnNode(REQUESTS_QUERY),
  }),
  protectionNotices: t.field({
    type: [ProtectionNoticeRef],
    description: 'Protection notices held at the caller’s node, newest first.',
    args: { limit: t.arg.int({ defaultValue: 50, required: true }) },
    resolve: fromOwnNode(PROTECTION_NOTICES_QUERY),
  }),
}));

builder.mutationFields((t) => ({
  openConsultation: t.field({
    type: ConsultationRef,
    description: 'Opens a consultation with another agency (proto openConsultationInput).',
    args: { input: t.arg({ type: OpenConsultationInput, required: true }) },
    resolve: fromOwnNode(OPEN_CONSULTATION_MUTATION),
  }),
  addConsultationMessage: t.field({
    type: ConsultationRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ConsultationMessageInput, required: true }) },
    resolve: fromOwnNode(CONSULTATION_MESSAGE_MUTATION),
  }),
  createRequest: t.field({
    type: ConsultationRef,
    description: 'Turns a consultation into a tracked request (proto requestInput).',
    args: { consultationId: t.arg.id({ required: true }), input: t.arg({ type: RequestInput, required: true }) },
    resolve: fromOwnNode(CREATE_REQUEST_MUTATION),
  }),
  setRequestStatus: t.field({
    type: ConsultationRef,
    description: 'Moves a request on, as the caller’s side may.',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: RequestStatusInput, required: true }) },
    resolve: fromOwnNode(REQUEST_STATUS_MUTATION),
  }),
}));
