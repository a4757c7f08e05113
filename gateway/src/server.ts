// The gateway's HTTP face: GraphQL at /graphql (SSE for the feed), liveness at /health, TAXII 2.1
// at /taxii2/ (each node's API root, proxied).
import type { Server } from 'node:http';
import { createTokenVerifier, type Membership } from '@corridor/proto';
import {
  createMaskError,
  createWebServer,
  QUERY_LIMITS,
  queryLimitPlugins,
  renderOfflineGraphiQL,
  type ServerTlsFiles,
  useBearerAuth,
} from '@corridor/proto/graphql';
import { GraphQLError } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { createDelegatedTokens } from './delegated-tokens.js';
import type { NodeClient } from './node-clients.js';
import { useExchangeProxy } from './plugins/use-exchange-proxy.js';
import { useNodeErrors } from './plugins/use-node-errors.js';
import { useSignInAgencies } from './plugins/use-sign-in-agencies.js';
import type { GatewayServices } from './schema/builder.js';
import { schema } from './schema/index.js';
import { createSharedFeeds } from './shared-feeds.js';

export interface GatewayOptions {
  membership: () => Membership;
  nodes: Map<string, NodeClient>;
  deadlineMs: number;
  /** See createTokenVerifier; the default when not given. */
  maxTokenLifetimeS?: number;
  /** Serves HTTPS with this certificate; plain HTTP without. */
  tls?: ServerTlsFiles;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

export function createGatewayServer(opts: GatewayOptions): Server {
  const delegatedTokens = createDelegatedTokens({
    membership: opts.membership,
    timeoutMs: opts.deadlineMs,
    // The exchange at the caller's own node goes through that node's client, under its pins.
    fetchFor: (agency) => opts.nodes.get(agency)?.fetch,
  });
  const verifier = createTokenVerifier(
    opts.membership,
    opts.maxTokenLifetimeS === undefined ? {} : { maxLifetimeS: opts.maxTokenLifetimeS },
  );
  const sharedFeeds = createSharedFeeds({
    overflow: () =>
      new GraphQLError('this live feed fell too far behind the alerts and was closed; open it again', {
        extensions: { code: 'FEED_OVERFLOW' },
      }),
  });
  const yoga = createYoga<object, GatewayServices>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: false,
    // GraphiQL from its package's files, not a CDN: it works on a closed network.
    renderGraphiQL: renderOfflineGraphiQL,
    // Yoga's parsers stop reading past this (413): sized for a publishAlerts of 1,000 alerts.
    maxRequestBodySize: QUERY_LIMITS.bodyBytes,
    // The console is served from another origin; tokens travel in a header, not a cookie.
    cors: { origin: '*', credentials: false, allowedHeaders: ['authorization', 'content-type', 'accept'] },
    // Refusals (auth, node answers, validation) go out with their code; a defect is logged and answered "Unexpected error.".
    maskedErrors: { maskError: createMaskError((msg, fields) => opts.log('error', msg, fields)) },
    // claims and authorization are added by useBearerAuth before any resolver runs.
    context: () => ({
      membership: opts.membership(),
      nodes: opts.nodes,
      deadlineMs: opts.deadlineMs,
      delegatedTokens,
      nodeErrors: [],
      sharedFeeds,
    }),
    plugins: [
      // Public, before any token is asked for: where the console signs each agency's officers in.
      useSignInAgencies(opts.membership),
      // Refused before any node is asked.
      ...queryLimitPlugins(QUERY_LIMITS.bodyBytes),
      // The gateway checks the caller's token before fanning anything out; the nodes check it again.
      // TAXII 2.1 and MISP feeds are plain HTTP, not GraphQL: they verify the same token itself and goes to the nodes as a fan-out does.
      useExchangeProxy({
        membership: opts.membership,
        nodes: opts.nodes,
        verifier,
        delegatedTokens,
        deadlineMs: opts.deadlineMs,
        log: opts.log,
      }),
      useBearerAuth(verifier, (msg, fields) => opts.log('warn', msg, fields)),
      useNodeErrors(),
    ],
  });
  return createWebServer(yoga, opts.tls);
}
