// Who may call what at this node: some fields are for the agency's own users, some for its
// administrators only. Refusals are FORBIDDEN with a reason the console can show.
import type { ValidationError } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import type { NodeContext } from './builder.js';

export function ownAgencyOnly(ctx: Pick<NodeContext, 'claims' | 'services'>, what: string): void {
  if (ctx.claims.agency !== ctx.services.agency.id) {
    throw new GraphQLError(`only users of agency ${ctx.services.agency.id} ${what} at this node`, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** `what` completes "only the agency's administrators …", e.g. "read the release audit". */
export function administratorsOnly(ctx: Pick<NodeContext, 'claims' | 'services'>, what: string): void {
  ownAgencyOnly(ctx, what);
  if (!ctx.claims.roles.includes('administrator'))
    throw new GraphQLError(`only the agency’s administrators ${what}`, { extensions: { code: 'FORBIDDEN' } });
}

export function validationError(e: ValidationError): GraphQLError {
  return new GraphQLError(e.message, { extensions: { code: e.code, fieldErrors: e.fieldErrors } });
}
