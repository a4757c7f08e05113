// Who may call what at this node, declared on each field (Pothos scope-auth): some fields are for
// the agency's own users, some for its administrators, one for any agency's administrators about
// that agency only. The scope's parameter completes the refusal, e.g. `{ ownAgency: 'publish' }`
// refuses with "only users of agency X publish at this node". Refusals are FORBIDDEN with a reason
// the console can show, raised before the resolver runs.
import { type AuthFailure, AuthScopeFailureType, type ForbiddenResult } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { NodeContext } from './builder.js';

/** Each scope's parameter says what the caller wanted to do, in words completing the refusal. */
export interface NodeAuthScopes {
  /** Users of the agency this node serves. */
  ownAgency: string;
  /** That agency's administrators. */
  administrators: string;
  /** Administrators of any member agency (the field answers about the caller's own agency only). */
  anyAgencyAdministrator: string;
}

const isAdministrator = (ctx: NodeContext) => ctx.claims.roles.includes('administrator');
const isOwnAgency = (ctx: NodeContext) => ctx.claims.agency === ctx.services.agency.id;

export function nodeAuthScopes(ctx: NodeContext) {
  return {
    ownAgency: () => isOwnAgency(ctx),
    administrators: () => isOwnAgency(ctx) && isAdministrator(ctx),
    anyAgencyAdministrator: () => isAdministrator(ctx),
  };
}

/** The scope a refusal names, whether the field declared it alone or among others. */
function refusedScope(failure: AuthFailure): { scope: string; what: string } | null {
  if (failure.kind === AuthScopeFailureType.AuthScope) return { scope: failure.scope, what: String(failure.parameter) };
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes)
    for (const f of failure.failures) {
      const found = refusedScope(f);
      if (found) return found;
    }
  return null;
}

export function refusal(ctx: NodeContext, result: ForbiddenResult): GraphQLError {
  const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
  const refused = refusedScope(result.failure);
  if (!refused) return forbidden(result.message);
  const { scope, what } = refused;
  // Another agency's user is told whose node this is before being told about roles.
  if ((scope === 'ownAgency' || scope === 'administrators') && !isOwnAgency(ctx))
    return forbidden(`only users of agency ${ctx.services.agency.id} ${what} at this node`);
  if (scope === 'administrators') return forbidden(`only the agency’s administrators ${what}`);
  if (scope === 'anyAgencyAdministrator') return forbidden(`only an agency’s administrators ${what}`);
  return forbidden(result.message);
}
