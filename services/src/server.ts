// The node's HTTP face: GraphQL (with SSE subscriptions) at /graphql, health at /health, TAXII 2.1
// at /taxii2/ and a MISP feed at /misp/ (exchange/).
import type { Server } from 'node:http';
import {
  createMaskError,
  createWebServer,
  NODE_BODY_BYTES,
  queryLimitPlugins,
  renderOfflineGraphiQL,
  type ServerTlsFiles,
  useBearerAuth,
} from '@corridor/proto/graphql';
import { createYoga } from 'graphql-yoga';
import { useTokenExchange } from './auth/use-token-exchange.js';
import { useMispFeed } from './exchange/use-misp-feed.js';
import { useTaxii } from './exchange/use-taxii.js';
import type { NodeServices } from './node-services.js';
import { useHealth } from './plugins/use-health.js';
import { useNoNul } from './plugins/use-no-nul.js';
import { evaluationEndpoint } from './pseudonyms/evaluation-endpoint.js';
import type { NodeContext } from './schema/builder.js';
import { schema } from './schema/index.js';

/** Over HTTPS when given the node's certificate (the network's CA signed it), else plain HTTP. */
export function createNodeServer(services: NodeServices, tls?: ServerTlsFiles): Server {
  const yoga = createYoga<object, NodeContext>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/live',
    landingPage: false,
    logging: false,
    // GraphiQL from its package's files, not a CDN: it works on a closed network.
    renderGraphiQL: renderOfflineGraphiQL,
    // Yoga's parsers stop reading past this (413); /token has its own, smaller limit.
    maxRequestBodySize: NODE_BODY_BYTES,
    // Refusals go out with their code; a defect is logged and answered "Unexpected error.".
    maskedErrors: { maskError: createMaskError((msg, fields) => services.log.error(msg, fields)) },
    // claims are added by useBearerAuth before any resolver runs.
    context: () => ({ services }) as NodeContext,
    plugins: [
      ...queryLimitPlugins(NODE_BODY_BYTES),
      useHealth(() => services),
      // Answered before useBearerAuth: the exchange carries the user's token in its form, not a header.
      useTokenExchange({ agency: services.agency.id, membership: services.membership, ...services.tokenExchange, log: services.log }),
      // TAXII 2.1 and the MISP feed: plain HTTP resources, each verifying the same Bearer token itself.
      useTaxii(services),
      useMispFeed(services),
      // The node takes no one's word for who asks: it verifies the token itself.
      useBearerAuth(services.verifier, (msg, fields) => services.log.warn(msg, fields)),
      useNoNul(),
    ],
  });
  // POST /pseudonyms is answered ahead of Yoga (evaluation-endpoint.ts): it verifies its caller's
  // token itself, as useBearerAuth would, and answers JSON, not GraphQL.
  const evaluation = evaluationEndpoint({ verifier: services.verifier, evaluate: services.keyHolder, log: services.log });
  return createWebServer((req, res) => {
    if (!evaluation(req, res)) void yoga(req, res);
  }, tls);
}
