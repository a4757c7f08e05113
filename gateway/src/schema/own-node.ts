// What only the caller's own agency node holds or may change (its alerts, directory entries,
// consultations, subscription, audit, statistics, live feed) is asked there alone; the node checks
// the token again. A field the node answers as it is takes one line where it is declared:
// `resolve: fromOwnNode(graphql(`<the node operation>`))`, the document typed by codegen from the
// node's printed schema, so the field's arguments and answer are checked against the node's. A file
// whose every field forwards lists its documents once, by field (`fromOwnNode(AT_NODE.<field>)`).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, GraphQLError, Kind } from 'graphql';
import type { NodeClient, Variables } from '../node-clients.js';
import type { GatewayContext } from './builder.js';

/** What forwarding reads of a request: who calls, with which token, and the nodes. */
export type OwnNodeCaller = Pick<GatewayContext, 'nodes' | 'authorization'> & { claims: Pick<GatewayContext['claims'], 'agency'> };

/** The caller's own agency's node: the one place a request finds it. */
export function ownNode(ctx: OwnNodeCaller): NodeClient {
  const node = ctx.nodes.get(ctx.claims.agency);
  if (!node) {
    throw new GraphQLError(`agency ${ctx.claims.agency} has no node in the network`, {
      extensions: { code: 'NODE_UNAVAILABLE', agency: ctx.claims.agency },
    });
  }
  return node;
}

/** Sends `document` to the caller's own node and answers its one root field, typed by the document. */
export async function forwardToOwnNode<R extends { [field: string]: unknown }, V extends Variables>(
  ctx: OwnNodeCaller,
  document: TypedDocumentNode<R, V>,
  variables: V,
): Promise<R[keyof R & string]> {
  const { data, errors } = await ownNode(ctx).execute(document, variables, ctx.authorization);
  const error = errors?.[0];
  const field = rootField(document);
  if (error || !data || !hasField(data, field)) {
    // The node's own words and codes (VALIDATION_FAILED with fieldErrors, CONFLICT) reach the console unchanged.
    throw new GraphQLError(error?.message ?? `agency ${ctx.claims.agency} did not answer`, {
      extensions: { agency: ctx.claims.agency, ...(error?.extensions ?? { code: 'NODE_UNAVAILABLE' }) },
    });
  }
  return answerOf(data, field);
}

/**
 * The resolver of a gateway field that the caller's own node answers as it is: the field's
 * arguments are the document's variables, so they must bear the same names and types (checked
 * by the compiler against the generated document types).
 */
export function fromOwnNode<R extends { [field: string]: unknown }, V extends Variables>(document: TypedDocumentNode<R, V>) {
  rootField(document); // a document without one root field is refused when the schema is built, not at the first request
  return (_root: unknown, args: V, ctx: OwnNodeCaller) => forwardToOwnNode(ctx, document, args);
}

/** The one field a node document asks for at its root (its alias, if it has one). */
export function rootField(document: DocumentNode): string {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const selections = operations[0]?.selectionSet.selections ?? [];
  const field = selections[0];
  if (operations.length !== 1 || selections.length !== 1 || field?.kind !== Kind.FIELD) {
    throw new Error('a document forwarded to the own node asks exactly one root field');
  }
  return field.alias?.value ?? field.name.value;
}

function hasField<R extends object>(data: R, field: string): field is keyof R & string {
  return field in data;
}

function answerOf<R, K extends keyof R>(data: R, key: K): R[K] {
  return data[key];
}
