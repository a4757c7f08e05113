// The node's one Pothos builder. The contract's GraphQL types are declared once, in proto.
import type { AccessClaims } from '@corridor/proto';
import { type ContractBuilder, defineContractTypes, type JsonObject } from '@corridor/proto/graphql';
import SchemaBuilder from '@pothos/core';
import type { NodeServices } from '../node-services.js';

export interface NodeContext {
  claims: AccessClaims;
  services: NodeServices;
}

export const builder = new SchemaBuilder<{
  Context: NodeContext;
  Scalars: { JSONObject: { Input: JsonObject; Output: JsonObject } };
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

// The contract's types (Alert, DirectoryEntry, their parts, the JSONObject scalar) come from proto.
export const {
  AlertRef,
  AuditEntryRef,
  AuditHeadHeldRef,
  AuditHeadInput,
  AuditVerificationRef,
  DirectoryChangeRef,
  DirectoryEntryRef,
  DirectoryFilterInput,
  DirectoryImportRef,
  DirectoryPageRef,
  HitAnswerRef,
  PseudonymRef,
  RequestEntryRef,
  SubscribedAlertRef,
} = defineContractTypes(builder as unknown as ContractBuilder);
