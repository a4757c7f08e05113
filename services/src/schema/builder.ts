// The node's one Pothos builder. Object shapes are proto's types; nothing is declared twice.

import type { AccessClaims } from '@corridor/proto';
import SchemaBuilder from '@pothos/core';
import type { NodeServices } from '../node-services.js';

export interface NodeContext {
  claims: AccessClaims;
  services: NodeServices;
}

export type JsonObject = Record<string, unknown>;

export const builder = new SchemaBuilder<{
  Context: NodeContext;
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
