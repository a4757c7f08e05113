// The gateway's one Pothos builder.

import type { AccessClaims, Membership } from '@corridor/proto';
import { type ContractBuilder, defineContractInputs, defineContractTypes, type JsonObject } from '@corridor/proto/graphql';
import SchemaBuilder from '@pothos/core';
import type { GraphQLError } from 'graphql';
import type { DelegatedTokens } from '../delegated-tokens.js';
import type { NodeClient } from '../node-clients.js';

export interface GatewayContext {
  request: Request;
  claims: AccessClaims;
  authorization: string;
  membership: Membership;
  nodes: Map<string, NodeClient>;
  deadlineMs: number;
  /** Tokens for the nodes of other agencies, from the caller's own node (never the caller's token). */
  delegatedTokens: DelegatedTokens;
  /** Errors of nodes that did not answer, added to the response next to the others' data. */
  nodeErrors: GraphQLError[];
}

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { JSONObject: { Input: JsonObject; Output: JsonObject } };
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

// The contract's types (Alert, DirectoryEntry, their parts, the JSONObject scalar) come from proto.
export const {
  AlertRef,
  AuditEntryRef,
  AuditVerificationRef,
  DirectoryChangeRef,
  DirectoryEntryRef,
  DirectoryFilterInput,
  DirectoryImportRef,
  DirectoryPageRef,
  HitAnswerRef,
  PseudonymRef,
  RequestEntryRef,
  RouteSubscriptionRef,
  SubscribedAlertRef,
} = defineContractTypes(builder as unknown as ContractBuilder);

// The contract's input types, derived from proto's schemas, which the resolvers still parse with.
export const {
  AlertInput,
  ConsultationMessageInput,
  DirectoryEntryInput,
  IdentifierInput,
  OpenConsultationInput,
  PseudonymInput,
  RequestInput,
  RequestStatusInput,
  RouteSubscriptionInput,
} = defineContractInputs(builder);
