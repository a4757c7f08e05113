// The urql client: queries and mutations over HTTP, the live feed over SSE (graphql-sse, which
// graphql-yoga serves). Authentication is one exchange (session-auth.ts), in front of both
// transports: the feed sends its header, and a feed the gateway refuses comes back to it as a
// GraphQL error, like any other operation's.
import { Client, cacheExchange, fetchExchange, type Operation, subscriptionExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import type { SessionAuth } from './session-auth';

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface GatewayClientOptions {
  gatewayUrl: string;
  auth: SessionAuth;
  onLiveState: (state: LiveState) => void;
}

interface RefusalBody {
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The feed's refusal as GraphQL errors, so the auth exchange reads it as it reads any refusal. */
async function refusalErrors(res: Response): Promise<NonNullable<RefusalBody['errors']>> {
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as RefusalBody;
  const errors = body.errors ?? [];
  return errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ? errors
    : [{ message: 'The gateway refused your session (HTTP 401). Please sign in again.', extensions: { code: 'UNAUTHENTICATED' } }];
}

const isRefusal = (error: object): boolean =>
  'extensions' in error && typeof error.extensions === 'object' && error.extensions !== null && 'code' in error.extensions
    ? error.extensions.code === 'UNAUTHENTICATED'
    : false;

/**
 * Whom a subscription tells of its connection's state: the alert feed tells `onLiveState` (the
 * feed's "● live"); a stream that passes its own `liveState` listener in its context (the activity
 * stream, which runs on every page) tells only that, so it never stands for the feed's state.
 */
function liveStateListener(operation: Operation, fallback: (state: LiveState) => void): (state: LiveState) => void {
  const own: unknown = operation.context.liveState;
  return typeof own === 'function' ? (state) => own(state) : fallback;
}

export function createGatewayClient({ gatewayUrl, auth, onLiveState: feedLiveState }: GatewayClientOptions): Client {
  return new Client({
    url: gatewayUrl,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      auth.exchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const onLiveState = liveStateListener(operation, feedLiveState);
          return {
            subscribe: (sink) => {
              let refused = false;
              const sse = createSseClient({
                url: gatewayUrl,
                // Read at each (re)connection, so a renewed token is the one sent.
                headers: auth.headers,
                // Keep the feed alive across gateway restarts; back off up to 10 s between attempts.
                retryAttempts: Number.POSITIVE_INFINITY,
                retry: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries))),
                on: {
                  connecting: (reconnecting) => onLiveState(reconnecting ? 'reconnecting' : 'connecting'),
                  connected: () => onLiveState('live'),
                },
                // A 401 is not worth retrying with the same token: the feed ends with the refusal,
                // and the auth exchange renews the token (then subscribes again) or signs out.
                fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
                  const res = await fetch(input, init);
                  if (res.status === 401 && !refused) {
                    refused = true;
                    const errors = await refusalErrors(res);
                    stop();
                    sink.error(errors);
                  }
                  return res;
                },
              });
              onLiveState('connecting');
              // After a refusal the feed has ended: graphql-sse's own ending is not passed on.
              const relay: typeof sink = {
                next: (value) => {
                  // The gateway ends an open feed when the token that opened it expires, with an
                  // UNAUTHENTICATED error as its last event: passed on as the feed's error, so the
                  // consumer keeps listening while the exchange renews and subscribes again.
                  const errors = value.errors ?? [];
                  if (!refused && errors.some(isRefusal)) {
                    refused = true;
                    stop();
                    sink.error(errors);
                  } else if (!refused) sink.next(value);
                },
                error: (error) => {
                  if (!refused) sink.error(error);
                },
                complete: () => {
                  if (!refused) sink.complete();
                },
              };
              const stop = sse.subscribe({ ...request, query: request.query ?? '' }, relay);
              return {
                unsubscribe: () => {
                  stop();
                  sse.dispose();
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
