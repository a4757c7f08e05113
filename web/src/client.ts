// The urql client: queries and mutations over HTTP, the live feed over SSE (graphql-sse, which
// graphql-yoga serves), the bearer token on both. A refused token, on any operation or on the
// feed, calls `onUnauthenticated` once, so the console goes back to sign-in with the reason.
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { unauthenticatedReason } from './auth-failure';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface GatewayClientOptions {
  gatewayUrl: string;
  token: string;
  onUnauthenticated: (reason: string) => void;
  onLiveState: (state: LiveState) => void;
}

export function createGatewayClient({ gatewayUrl, token, onUnauthenticated, onLiveState }: GatewayClientOptions): Client {
  let signedOut = false;
  const refuse = (reason: string) => {
    if (signedOut) return;
    signedOut = true;
    onUnauthenticated(reason);
  };
  const authorization = `Bearer ${token}`;
  const sse = createSseClient({
    url: gatewayUrl,
    headers: () => ({ authorization }),
    // Keep the feed alive across gateway restarts; back off up to 10 s between attempts.
    retryAttempts: Number.POSITIVE_INFINITY,
    retry: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
    on: {
      connecting: (reconnecting) => onLiveState(reconnecting ? 'reconnecting' : 'connecting'),
      connected: () => onLiveState('live'),
    },
    // A 401 is not worth retrying: the token will not get better.
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const res = await fetch(input, init);
      if (res.status === 401) {
        const body = (await res
          .clone()
          .json()
          .catch(() => ({}))) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
        refuse(unauthenticatedReason(body.errors ?? [], 401) ?? 'The gateway refused your session.');
      }
      return res;
    },
  });
  return new Client({
    url: gatewayUrl,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers: { authorization } }),
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          const reason = unauthenticatedReason(error.graphQLErrors, (error.response as Response | undefined)?.status);
          if (reason) refuse(reason);
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(operation) {
          return {
            subscribe: (sink) => {
              onLiveState('connecting');
              const unsubscribe = sse.subscribe({ ...operation, query: operation.query ?? '' }, sink);
              return {
                unsubscribe: () => {
                  unsubscribe();
                  onLiveState('connecting');
                },
              };
            },
          };
        },
      }),
    ],
  });
}
