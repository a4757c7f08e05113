// Consultations and tracked requests (issue 7): JSON shapes are proto's ConsultationState and
// RequestState, folded at the caller's node.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const ConsultationsQuery = graphql(`
  query Consultations {
    consultations
  }
`);

export const OpenConsultationMutation = graphql(`
  mutation OpenConsultation($input: JSONObject!) {
    openConsultation(input: $input)
  }
`);

export const ConsultationMessageMutation = graphql(`
  mutation AddConsultationMessage($id: ID!, $input: JSONObject!) {
    addConsultationMessage(id: $id, input: $input)
  }
`);

export const CreateRequestMutation = graphql(`
  mutation CreateRequest($consultationId: ID!, $input: JSONObject!) {
    createRequest(consultationId: $consultationId, input: $input)
  }
`);

export const RequestStatusMutation = graphql(`
  mutation SetRequestStatus($requestId: ID!, $input: JSONObject!) {
    setRequestStatus(requestId: $requestId, input: $input)
  }
`);

export const AuthoritiesQuery = graphql(`
  query Authorities($filter: DirectoryFilterInput) {
    directory(filter: $filter) {
      entries { id agency name roles }
    }
  }
`);
