// The contract's GraphQL input types, derived from its zod schemas (input-types-from-schema.ts)
// and declared once for every server of the network, like the output types in contract-types.ts.
// Each mutation's resolver still parses its argument with the same schema, which gives the field
// errors with their paths; these types give clients the shape by introspection.
import type { SchemaTypes } from '@pothos/core';
import { alertInput, identifierInput, pseudonymizedIdentifier } from '../alert.js';
import { consultationMessageInput, openConsultationInput, requestInput, requestStatusInput } from '../consultation.js';
import { directoryEntryDraft } from '../directory.js';
import { routeSubscription } from '../route-subscription.js';
import { inputTypeDeriver } from './input-types-from-schema.js';

/** Names of the nested types, by their path, where the derived name would read badly. */
const NESTED_NAMES: Record<string, string> = {
  grading: 'GradingInput',
  minimumGrading: 'GradingInput',
  route: 'RouteInput',
  'route.waypoints': 'WaypointInput',
  routeDetails: 'RouteDetailsInput',
  'routeDetails.priceObserved': 'PriceInput',
  'routeDetails.vulnerablePersons': 'VulnerablePersonsInput',
  'routeDetails.window': 'TimeWindowInput',
  documentFraud: 'DocumentFraudInput',
  'documentFraud.detectedAt': 'DetectionInput',
  availability: 'AvailabilityInput',
  'availability.hours': 'OpeningHoursInput',
  'availability.absences': 'AbsenceInput',
  channels: 'ChannelInput',
  about: 'ConsultationAboutInput',
  sendingAuthority: 'AuthorityInput',
  receivingAuthority: 'AuthorityInput',
};

export function defineContractInputs<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  const derive = inputTypeDeriver(builder);
  const names = NESTED_NAMES;
  // The identifier comes first so that an alert's identifiers are of this one type.
  const IdentifierInput = derive('IdentifierInput', identifierInput, {
    description: 'An identifier as an officer types it; the node pseudonymizes it and never lets the value leave.',
    names,
  });
  return {
    IdentifierInput,
    PseudonymInput: derive('PseudonymInput', pseudonymizedIdentifier, {
      description: 'A keyed pseudonym of an identifier, as the network exchanges it.',
      names,
    }),
    AlertInput: derive('AlertInput', alertInput, {
      description: 'A route or document-fraud alert as its author writes it (proto alertInput): `kind` says which details apply.',
      names,
    }),
    RouteSubscriptionInput: derive('RouteSubscriptionInput', routeSubscription, {
      description: 'Which alerts an officer follows: empty lists mean any.',
      names,
    }),
    DirectoryEntryInput: derive('DirectoryEntryInput', directoryEntryDraft, {
      description: 'A directory entry as its agency’s administrator writes it (proto directoryEntryDraft).',
      names,
    }),
    OpenConsultationInput: derive('OpenConsultationInput', openConsultationInput, { names }),
    ConsultationMessageInput: derive('ConsultationMessageInput', consultationMessageInput, { names }),
    RequestInput: derive('RequestInput', requestInput, { description: 'A formal request tracked with a consultation.', names }),
    RequestStatusInput: derive('RequestStatusInput', requestStatusInput, { names }),
  };
}
