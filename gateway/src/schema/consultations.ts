// Consultations and tracked requests (issue 7) live at the two agencies' nodes: the gateway asks
// and writes at the caller's own node only, which checks the token again and talks to the other
// party over the bus.
import { graphql } from '../node-gql/index.js';
import { builder, contract } from './builder.js';
import { fromOwnNode } from './own-node.js';

builder.queryFields((t) => ({
  consultations: t.field({
    type: ['JSONObject'],
    description: 'Consultations the caller’s agency is party to (proto ConsultationState), most recently active first.',
    resolve: fromOwnNode(graphql(`query Consultations { consultations }`)),
  }),
  consultation: t.field({
    type: 'JSONObject',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(graphql(`query Consultation($id: ID!) { consultation(id: $id) }`)),
  }),
  requests: t.field({
    type: [contract.RequestEntryRef],
    description: 'Requests the caller’s agency sent and received; overdue ones first.',
    args: { overdueOnly: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: fromOwnNode(
      graphql(
        `query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request consultationId subject direction overdue } }`,
      ),
    ),
  }),
  protectionNotices: t.field({
    type: ['JSONObject'],
    description: 'Protection notices held at the caller’s node, newest first.',
    args: { limit: t.arg.int({ defaultValue: 50, required: true }) },
    resolve: fromOwnNode(graphql(`query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) }`)),
  }),
}));

builder.mutationFields((t) => ({
  openConsultation: t.field({
    type: 'JSONObject',
    description: 'Opens a consultation with another agency (proto openConsultationInput).',
    args: { input: t.arg({ type: 'JSONObject', required: true }) },
    resolve: fromOwnNode(graphql(`mutation OpenConsultation($input: JSONObject!) { openConsultation(input: $input) }`)),
  }),
  addConsultationMessage: t.field({
    type: 'JSONObject',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    resolve: fromOwnNode(
      graphql(`mutation AddConsultationMessage($id: ID!, $input: JSONObject!) { addConsultationMessage(id: $id, input: $input) }`),
    ),
  }),
  createRequest: t.field({
    type: 'JSONObject',
    description: 'Turns a consultation into a tracked request (proto requestInput).',
    args: { consultationId: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    resolve: fromOwnNode(
      graphql(
        `mutation CreateRequest($consultationId: ID!, $input: JSONObject!) { createRequest(consultationId: $consultationId, input: $input) }`,
      ),
    ),
  }),
  setRequestStatus: t.field({
    type: 'JSONObject',
    description: 'Moves a request on, as the caller’s side may.',
    args: { requestId: t.arg.id({ required: true }), input: t.arg({ type: 'JSONObject', required: true }) },
    resolve: fromOwnNode(
      graphql(`mutation SetRequestStatus($requestId: ID!, $input: JSONObject!) { setRequestStatus(requestId: $requestId, input: $input) }`),
    ),
  }),
}));
