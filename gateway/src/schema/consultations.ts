// Consultations and tracked requests (issue 7) live at the two agencies' nodes: the gateway asks
// and writes at the caller's own node only, which checks the token again and talks to the other
// party over the bus. The fragments the documents spread are in node-queries.ts.
import { graphql } from '../node-gql/index.js';
import { builder, contract, inputs } from './builder.js';
import { fromOwnNode } from './own-node.js';

// Every field here is one the caller's own node answers as it is (own-node.ts): its node operation,
// by field, typed by codegen from the node's printed schema.
const AT_NODE = {
  consultations: graphql(`query Consultations { consultations { ...NodeConsultationFields } }`),
  consultation: graphql(`query Consultation($id: ID!) { consultation(id: $id) { ...NodeConsultationFields } }`),
  requests: graphql(
    `query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request { ...NodeRequestFields } consultationId subject direction overdue } }`,
  ),
  protectionNotices: graphql(
    `query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) { id source sourceId originAgency country flags contacts { entryId name } at } }`,
  ),
  openConsultation: graphql(
    `mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...NodeConsultationFields } }`,
  ),
  addConsultationMessage: graphql(
    `mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...NodeConsultationFields } }`,
  ),
  createRequest: graphql(
    `mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...NodeConsultationFields } }`,
  ),
  askPermission: graphql(
    `mutation AskPermission($input: PermissionRequestInput!, $consultationId: ID) { askPermission(input: $input, consultationId: $consultationId) { ...NodeConsultationFields } }`,
  ),
  answerPermission: graphql(
    `mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...NodeConsultationFields } }`,
  ),
  setRequestStatus: graphql(
    `mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...NodeConsultationFields } }`,
  ),
  setRequestDeadline: graphql(
    `mutation SetRequestDeadline($requestId: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $requestId, input: $input) { ...NodeConsultationFields } }`,
  ),
  escalateRequest: graphql(
    `mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...NodeConsultationFields } }`,
  ),
};

builder.queryFields((t) => ({
  consultations: t.field({
    type: [contract.ConsultationRef],
    description: 'Consultations the caller’s agency is party to (proto ConsultationState), most recently active first.',
    resolve: fromOwnNode(AT_NODE.consultations),
  }),
  consultation: t.field({
    type: contract.ConsultationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(AT_NODE.consultation),
  }),
  requests: t.field({
    type: [contract.RequestEntryRef],
    description: 'Requests the caller’s agency sent and received, by time left (the most overdue first).',
    args: { overdueOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: fromOwnNode(AT_NODE.requests),
  }),
  protectionNotices: t.field({
    type: [contract.ProtectionNoticeRef],
    description: 'Protection notices held at the caller’s node, newest first.',
    args: { limit: t.arg.int({ defaultValue: 50, required: true }) },
    resolve: fromOwnNode(AT_NODE.protectionNotices),
  }),
}));

builder.mutationFields((t) => ({
  openConsultation: t.field({
    type: contract.ConsultationRef,
    description: 'Opens a consultation with another agency (proto openConsultationInput).',
    args: { input: t.arg({ type: inputs.OpenConsultationInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.openConsultation),
  }),
  addConsultationMessage: t.field({
    type: contract.ConsultationRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: inputs.ConsultationMessageInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.addConsultationMessage),
  }),
  createRequest: t.field({
    type: contract.ConsultationRef,
    description: 'Turns a consultation into a tracked request (proto requestInput).',
    args: { consultationId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.createRequest),
  }),
  setRequestStatus: t.field({
    type: contract.ConsultationRef,
    description: 'Moves a request on, as the caller’s side may.',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestStatusInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.setRequestStatus),
  }),
  askPermission: t.field({
    type: contract.ConsultationRef,
    description:
      'Asks the owner of a partner’s alert held at the caller’s node for leave to use it as evidence, pass it on or act on it (handling codes).',
    args: {
      input: t.arg({ type: inputs.PermissionRequestInput, required: true }),
      consultationId: t.arg.id({ required: false, description: 'A consultation with the alert’s owner; a new one when left out.' }),
    },
    resolve: fromOwnNode(AT_NODE.askPermission),
  }),
  answerPermission: t.field({
    type: contract.ConsultationRef,
    description: 'Grants or refuses a permission asked of the caller’s agency about one of its own alerts.',
    args: { permissionId: t.arg.id({ required: true }), input: t.arg({ type: inputs.PermissionAnswerInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.answerPermission),
  }),
  setRequestDeadline: t.field({
    type: contract.ConsultationRef,
    description:
      'The sending authority sets the deadline of a request the network’s table of answer times does not time (MLA and the like).',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: inputs.RequestDeadlineInput, required: true }) },
    resolve: fromOwnNode(AT_NODE.setRequestDeadline),
  }),
  escalateRequest: t.field({
    type: contract.ConsultationRef,
    description:
      'The sending authority escalates its request to the receiving agency’s single point of contact, once 75 % of its time has passed.',
    args: { requestId: t.arg.id({ required: true }) },
    resolve: fromOwnNode(AT_NODE.escalateRequest),
  }),
}));
