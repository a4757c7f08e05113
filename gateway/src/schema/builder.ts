// The gateway's one Pothos builder.

import type { AccessClaims, Membership } from '@corridor/proto';
import { defineContractInputs, defineContractTypes } from '@corridor/proto/graphql';
import SchemaBuilder from '@pothos/core';
import type { GraphQLError } from 'graphql';
import type { DelegatedTokens } from '../delegated-tokens.js';
import type { NodeClient } from '../node-clients.js';
import type { SharedFeeds } from '../shared-feeds.js';

/** What the server gives every request; who calls is added by useBearerAuth (GatewayContext). */
export interface GatewayServices {
  membership: Membership;
  nodes: Map<string, NodeClient>;
  deadlineMs: number;
  /** Tokens for the nodes of other agencies, from the caller's own node (never the caller's token). */
  delegatedTokens: DelegatedTokens;
  /** Errors of nodes that did not answer, added to the response next to the others' data. */
  nodeErrors: GraphQLError[];
  /** Live feeds at the nodes, shared by the callers a node would answer alike. */
  sharedFeeds: SharedFeeds;
}

export interface GatewayContext extends GatewayServices {
  request: Request;
  claims: AccessClaims;
  authorization: string;
}

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

// The contract's types (Alert, DirectoryEntry, Consultation, their parts) come from proto;
// fields name them as `contract.AlertRef`, so no list of them is kept here.
export const contract = defineContractTypes(builder);

// The contract's input types, derived from its zod schemas (proto contract-inputs.ts).
export const inputs = defineContractInputs(builder);

/** The builder's schema types, for helpers that take one of its field builders. */
export type GatewaySchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
