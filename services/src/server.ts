// The node's HTTP face: GraphQL (with SSE subscriptions) at /graphql, health at /health.
import { createServer, type Server } from 'node:http';
import { AuthError } from '@corridor/proto';
import { queryLimitPlugins } from '@corridor/proto/graphql';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import type { NodeServices } from './node-services.js';
import { useAuth } from './plugins/use-auth.js';
import { useHealth } from './plugins/use-health.js';
import { useNoNul } from './plugins/use-no-nul.js';
import { useTokenExchange } from './plugins/use-token-exchange.js';
import type { NodeContext } from './schema/builder.js';
import { schema } from './schema/index.js';

export function createNodeServer(services: NodeServices): Server {
  const yoga = createYoga<object, NodeContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/live',
    landingPage: false,
    logging: false,
    maskedErrors: { maskError: (error, message) => maskUnexpected(error, message, services) },
    // claims are added by useAuth before any resolver runs.
    context: () => ({ services }) as NodeContext,
    plugins: [
      ...queryLimitPlugins(),
      useHealth(() => services),
      // Answered before useAuth: the exchange carries the user's token in its form, not a header.
      useTokenExchange({ agency: services.agency.id, membership: services.membership, ...services.tokenExchange, log: services.log }),
      useAuth(services.verifier, services.log),
      useNoNul(),
    ],
  });
  return createServer(yoga);
}

/** Expected errors (validation, auth, forbidden) go out as they are; anything else is logged and masked. */
function maskUnexpected(error: unknown, message: string, services: NodeServices): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
  // A live feed whose token expired ends with the reason, so the console asks to sign in again.
  if (original instanceof AuthError)
    return new GraphQLError(original.message, { extensions: { code: original.code, reason: original.reason } });
  services.log.error('unexpected error', { error: original instanceof Error ? original.message : String(original) });
  return new GraphQLError(message);
}
