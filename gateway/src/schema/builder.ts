// The gateway's one Pothos builder.

import type { AccessClaims, Membership } from '@corridor/proto';
import SchemaBuilder from '@pothos/core';
import type { GraphQLError } from 'graphql';
import type { NodeClient } from '../node-clients.js';

export interface GatewayContext {
  request: Request;
  claims: AccessClaims;
  authorization: string;
  membership: Membership;
  nodes: Map<string, NodeClient>;
  deadlineMs: number;
  /** Errors of nodes that did not answer, added to the response next to the others' data. */
  nodeErrors: GraphQLError[];
}

export type JsonObject = Record<string, unknown>;

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  Scalars: { JSONObject: { Input: JsonObject; Output: JsonObject } };
  DefaultFieldNullability: false;
}>({ defaultFieldNullability: false });

builder.scalarType('JSONObject', {
  description: 'A JSON object; its shape is given by the Corridor contract (proto) and validated there.',
  serialize: (v) => v as JsonObject,
  parseValue: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypeError('must be a JSON object');
    return v as JsonObject;
  },
});
