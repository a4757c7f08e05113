// The live feed takes its token from the same exchange as every other operation: a feed the
// gateway refuses at connection comes back through it, so an expired token is renewed and the
// feed opened again, and any other refusal sends the officer to sign in with the reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGatewayClient } from './client';
import { sessionAuth } from './session-auth';
import type { TokenSource } from './token-source';

const FEED = 'subscription AlertFeed { alertFeed { id } }';

function tokens(first: string, renewsTo?: string): TokenSource {
  let token = first;
  return {
    token: () => token,
    expiresAt: () => null,
    renew: async () => {
      if (renewsTo === undefined) return false;
      token = renewsTo;
      return true;
    },
    follow: () => () => {},
  };
}

/** An SSE gateway: streams one alert to `accepted` and stays open, refuses any other token with `reason`. */
function sseGateway(accepted: string, reason: string) {
  const seen: (string | null)[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get('authorization');
      seen.push(authorization);
      if (authorization !== `Bearer ${accepted}`) {
        return Response.json({ errors: [{ message: 'refused', extensions: { code: 'UNAUTHENTICATED', reason } }] }, { status: 401 });
      }
      // One alert, then the feed stays open, as the gateway's does.
      const stream = new ReadableStream<Uint8Array>({
        start: (c) => c.enqueue(new TextEncoder().encode('event: next\ndata: {"data":{"alertFeed":{"id":"a1"}}}\n\n')),
      });
      return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
    }),
  );
  return seen;
}

afterEach(() => vi.unstubAllGlobals());

describe('the live feed’s authentication', () => {
  it('renews a token refused as expired and opens the feed again with the new one', async () => {
    const seen = sseGateway('fresh', 'expired');
    const signInAgain = vi.fn();
    const client = createGatewayClient({
      gatewayUrl: 'http://gateway.test/graphql',
      auth: sessionAuth(tokens('stale', 'fresh'), signInAgain),
      onLiveState: () => {},
    });
    const alerts: unknown[] = [];
    const { unsubscribe } = client.subscription(FEED, {}).subscribe((r) => alerts.push(r.data));
    await vi.waitFor(() => expect(alerts).toEqual([{ alertFeed: { id: 'a1' } }]));
    unsubscribe();
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(signInAgain).not.toHaveBeenCalled();
  });

  it('sends the officer to sign in with the reason when the feed is refused otherwise, and stops asking', async () => {
    const seen = sseGateway('other', 'wrong_audience');
    const signInAgain = vi.fn();
    const client = createGatewayClient({
      gatewayUrl: 'http://gateway.test/graphql',
      auth: sessionAuth(tokens('good', 'fresh'), signInAgain),
      onLiveState: () => {},
    });
    const { unsubscribe } = client.subscription(FEED, {}).subscribe(() => {});
    await vi.waitFor(() => expect(signInAgain).toHaveBeenCalledWith('Your token was issued for another network.'));
    await new Promise((r) => setTimeout(r, 1_500));
    unsubscribe();
    expect(seen).toEqual(['Bearer good']);
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });
});
