// The gateway's HTTP face: GraphQL at /graphql (SSE for the feed), liveness at /health.
import { createServer, type Server } from 'node:http';
import { AuthError, createTokenVerifier, type Membership } from '@corridor/proto';
import { queryLimitPlugins } from '@corridor/proto/graphql';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createDelegatedTokens } from './delegated-tokens.js';
import type { NodeClient } from './node-clients.js';
import { useAuth } from './plugins/use-auth.js';
import { useNodeErrors } from './plugins/use-node-errors.js';
import { useSignInAgencies } from './plugins/use-sign-in-agencies.js';
import type { GatewayContext } from './schema/builder.js';
import { schema } from './schema/index.js';

export interface GatewayOptions {
  membership: () => Membership;
  nodes: Map<string, NodeClient>;
  deadlineMs: number;
  /** See createTokenVerifier; the default when not given. */
  maxTokenLifetimeS?: number;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export function createGatewayServer(opts: GatewayOptions): Server {
  const delegatedTokens = createDelegatedTokens({ membership: opts.membership, timeoutMs: opts.deadlineMs });
  const yoga = createYoga<object, GatewayContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    // The console is served from another origin; tokens travel in a header, not a cookie.
    cors: { origin: '*', credentials: false, allowedHeaders: ['authorization', 'content-type', 'accept'] },
    maskedErrors: {
      // Expected errors (auth, node answers, validation passed through) go out as they are.
      maskError: (error, message) => {
        const original = error instanceof GraphQLError ? error.originalError : error;
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) return error;
        // A live feed whose token expired ends with the reason, so the console asks to sign in again.
        if (original instanceof AuthError)
          return new GraphQLError(original.message, { extensions: { code: original.code, reason: original.reason } });
        opts.log('error', 'unexpected error', { error: original instanceof Error ? original.message : String(original) });
        return new GraphQLError(message);
      },
    },
    // claims and authorization are added by useAuth before any resolver runs.
    context: () =>
      ({
        membership: opts.membership(),
        nodes: opts.nodes,
        deadlineMs: opts.deadlineMs,
        delegatedTokens,
        nodeErrors: [],
      }) as unknown as GatewayContext,
    plugins: [
      // Public, before any token is asked for: where the console signs each agency's officers in.
      useSignInAgencies(opts.membership),
      // Refused before any node is asked.
      ...queryLimitPlugins(),
      useAuth(
        createTokenVerifier(opts.membership, opts.maxTokenLifetimeS === undefined ? {} : { maxLifetimeS: opts.maxTokenLifetimeS }),
        (msg, fields) => opts.log('warn', msg, fields),
      ),
      useNodeErrors(),
    ],
  });
  return createServer(yoga);
}
