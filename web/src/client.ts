// The urql client: queries and mutations over HTTP, the live feed over SSE (graphql-sse, which
// graphql-yoga serves), the bearer token on both.
import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';

export function createGatewayClient(gatewayUrl: string, token: string): Client {
  const sse = createSseClient({ url: gatewayUrl, headers: () => ({ authorization: `Bearer ${token}` }), retryAttempts: 1000 });
  return new Client({
    url: gatewayUrl,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(operation) {
          return {
            subscribe: (sink) => ({ unsubscribe: sse.subscribe({ ...operation, query: operation.query ?? '' }, sink) }),
          };
        },
      }),
    ],
  });
}
