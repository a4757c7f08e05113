// Consultations and tracked requests (issue 7): proto's ConsultationState and RequestState,
// folded at the caller's node.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

graphql(`
  fragment RequestFields on Request {
    id consultationId requestType urgent directlyAccessible summary senderReference receiverReference
    deadline warnAt status sentAt answeredAt answer reason escalatedAt escalatedTo
    sendingAuthority { agency entryId name }
    receivingAuthority { agency entryId name }
    history { at agency author status note }
  }
`);

graphql(`
  fragment ConsultationFields on Consultation {
    id openedBy counterpart subject openedAt lastAt protection
    about { alertId entryId }
    messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }
    requests { ...RequestFields }
    permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }
  }
`);

export const ConsultationsQuery = graphql(`query Consultations { consultations { ...ConsultationFields } }`);

export const OpenConsultationMutation = graphql(
  `mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...ConsultationFields } }`,
);

export const ConsultationMessageMutation = graphql(
  `mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...ConsultationFields } }`,
);

export const CreateRequestMutation = graphql(
  `mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields } }`,
);

export const RequestStatusMutation = graphql(
  `mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields } }`,
);

export const EscalateRequestMutation = graphql(
  `mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...ConsultationFields } }`,
);

export const AuthoritiesQuery = graphql(
  `query Authorities($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { id agency name roles spoc } } }`,
);

export const AnswerPermissionMutation = graphql(
  `mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...ConsultationFields } }`,
);
