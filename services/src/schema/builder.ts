// The node's one Pothos builder. The contract's GraphQL types are declared once, in proto.
import type { AccessClaims } from '@corridor/proto';
import { defineContractInputs, defineContractTypes } from '@corridor/proto/graphql';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import type { NodeServices } from '../node-services.js';
import { type NodeAuthScopes, nodeAuthScopes, refusal } from './guards.js';

export interface NodeContext {
  claims: AccessClaims;
  services: NodeServices;
}

export const builder = new SchemaBuilder<{
  Context: NodeContext;
  DefaultFieldNullability: false;
  AuthScopes: NodeAuthScopes;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin],
  // Each field declares who may call it (`authScopes`, see guards.ts); a field declaring none is
  // open to every member's users, under the release policy its resolver applies.
  scopeAuth: {
    authScopes: nodeAuthScopes,
    // A subscription the caller may not open is refused before its first event, not at each one.
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, _info, result) => refusal(ctx, result),
  },
});

// The contract's types (Alert, DirectoryEntry, Consultation, their parts) come from proto;
// fields name them as `contract.AlertRef`, so no list of them is kept here.
export const contract = defineContractTypes(builder);

// The contract's input types, derived from its zod schemas (proto contract-inputs.ts).
export const inputs = defineContractInputs(builder);
