// The contract's GraphQL input types, derived from its zod schemas (input-types-from-schema.ts)
// and declared once for every server of the network, like the output types in contract-types.ts.
// Each mutation's resolver still parses its argument with the same schema, which gives the field
// errors with their paths; these types give clients the shape by introspection.
import type { SchemaTypes } from '@pothos/core';
import type { z } from 'zod';
import { alertInput, identifierInput, pseudonymizedIdentifier } from '../alert.js';
import {
  consultationMessageInput,
  openConsultationInput,
  permissionAnswerInput,
  permissionRequestInput,
  requestDeadlineInput,
  requestInput,
  requestStatusInput,
} from '../consultation.js';
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
  evidence: 'EvidenceMarkingInput',
};

/** What introspection says of the top-level input types that need more than their name. */
const DESCRIPTIONS: Record<string, string> = {
  IdentifierInput: 'An identifier as an officer types it; the node pseudonymizes it and never lets the value leave.',
  PseudonymInput: 'A keyed pseudonym of an identifier, as the network exchanges it.',
  AlertInput: 'A route or document-fraud alert as its author writes it (proto alertInput): `kind` says which details apply.',
  RouteSubscriptionInput: 'Which alerts an officer follows: empty lists mean any.',
  DirectoryEntryInput: 'A directory entry as its agency’s administrator writes it (proto directoryEntryDraft).',
  RequestInput: 'A formal request tracked with a consultation.',
  PermissionRequestInput: 'A receiver asking an alert’s owner for leave to use it as evidence, pass it on (to passTo) or act on it.',
  PermissionAnswerInput: 'The owner’s answer to a permission asked: granted or not, the legal basis, a note.',
};

export function defineContractInputs<Types extends SchemaTypes>(builder: PothosSchemaTypes.SchemaBuilder<Types>) {
  const deriveWith = inputTypeDeriver(builder);
  const derive = <S extends z.ZodType>(name: string, schema: S) =>
    deriveWith(name, schema, { names: NESTED_NAMES, description: DESCRIPTIONS[name] });
  // The identifier comes first so that an alert's identifiers are of this one type.
  const IdentifierInput = derive('IdentifierInput', identifierInput);
  return {
    IdentifierInput,
    PseudonymInput: derive('PseudonymInput', pseudonymizedIdentifier),
    AlertInput: derive('AlertInput', alertInput),
    RouteSubscriptionInput: derive('RouteSubscriptionInput', routeSubscription),
    DirectoryEntryInput: derive('DirectoryEntryInput', directoryEntryDraft),
    OpenConsultationInput: derive('OpenConsultationInput', openConsultationInput),
    ConsultationMessageInput: derive('ConsultationMessageInput', consultationMessageInput),
    RequestInput: derive('RequestInput', requestInput),
    RequestStatusInput: derive('RequestStatusInput', requestStatusInput),
    PermissionRequestInput: derive('PermissionRequestInput', permissionRequestInput),
    PermissionAnswerInput: derive('PermissionAnswerInput', permissionAnswerInput),
    RequestDeadlineInput: derive('RequestDeadlineInput', requestDeadlineInput),
  };
}
