// The live feed takes its token from the same exchange as every other operation: a feed the
// gateway refuses at connection comes back through it, so an expired token is renewed and the
// feed opened again, and any other refusal sends the officer to sign in with the reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGatewayClient } from './client';
import { sessionAuth } from './session-auth';
import { fakeTokenSource, recordingFetch, refusal } from './testing/fake-auth';
import type { TokenSource } from './token-source';

const FEED = 'subscription AlertFeed { alertFeed { id } }';

const stream = (...events: string[]) =>
  new Response(
    // The events, then the feed stays open, as the gateway's does.
    new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode(events.join(''))) }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
const ALERT = 'event: next\ndata: {"data":{"alertFeed":{"id":"a1"}}}\n\n';
const ENDED_EXPIRED =
  'event: next\ndata: {"errors":[{"message":"expired","extensions":{"code":"UNAUTHENTICATED","reason":"expired"}}]}\n\nevent: complete\ndata:\n\n';

/** An SSE gateway: streams one alert to `accepted`, refuses any other token at connection with `reason`. */
function sseGateway(accepted: string, reason: string) {
  const { fetch, seen } = recordingFetch((authorization) => (authorization === `Bearer ${accepted}` ? stream(ALERT) : refusal(reason)));
  vi.stubGlobal('fetch', fetch);
  return seen;
}

const feedClient = (source: TokenSource, signInAgain: (reason: string) => void) =>
  createGatewayClient({ gatewayUrl: 'http://gateway.test/graphql', auth: sessionAuth(source, signInAgain), onLiveState: () => {} });

afterEach(() => vi.unstubAllGlobals());

describe('the live feed’s authentication', () => {
  it('renews a token refused as expired and opens the feed again with the new one', async () => {
    const seen = sseGateway('fresh', 'expired');
    const signInAgain = vi.fn();
    const client = feedClient(fakeTokenSource('stale', { renewsTo: 'fresh' }).source, signInAgain);
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
    const client = feedClient(fakeTokenSource('good', { renewsTo: 'fresh' }).source, signInAgain);
    const { unsubscribe } = client.subscription(FEED, {}).subscribe(() => {});
    await vi.waitFor(() => expect(signInAgain).toHaveBeenCalledWith('Your token was issued for another network.'));
    await new Promise((r) => setTimeout(r, 1_500));
    unsubscribe();
    expect(seen).toEqual(['Bearer good']);
    expect(signInAgain).toHaveBeenCalledTimes(1);
  });

  it('keeps the feed going when the gateway ends it as its token expires, with the token renewed meanwhile', async () => {
    const t = fakeTokenSource('stale', { renewsTo: 'renewed-here' });
    const { fetch, seen } = recordingFetch((authorization) => {
      if (authorization !== 'Bearer stale') return stream(ALERT);
      t.renewElsewhere('fresh');
      return stream(ENDED_EXPIRED);
    });
    vi.stubGlobal('fetch', fetch);
    const signInAgain = vi.fn();
    const client = feedClient(t.source, signInAgain);
    const alerts: unknown[] = [];
    const { unsubscribe } = client.subscription(FEED, {}).subscribe((r) => alerts.push(r.data));
    await vi.waitFor(() => expect(alerts).toEqual([{ alertFeed: { id: 'a1' } }]));
    unsubscribe();
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(t.renewals.count).toBe(0);
    expect(signInAgain).not.toHaveBeenCalled();
  });
});

describe('the live state the feed shows', () => {
  it('is the alert feed’s own: a stream that brings its own listener (the activity stream) does not stand for it', async () => {
    sseGateway('good', 'expired');
    const feedStates: string[] = [];
    const activityStates: string[] = [];
    const client = createGatewayClient({
      gatewayUrl: 'http://gateway.test/graphql',
      auth: sessionAuth(fakeTokenSource('good').source, () => {}),
      onLiveState: (s) => feedStates.push(s),
    });
    const activity = client
      .subscription('subscription Activity { activity { kind id } }', {}, { liveState: (s: string) => activityStates.push(s) })
      .subscribe(() => {});
    await vi.waitFor(() => expect(activityStates).toContain('live'));
    expect(feedStates).toEqual([]);
    const feed = client.subscription(FEED, {}).subscribe(() => {});
    await vi.waitFor(() => expect(feedStates).toContain('live'));
    activity.unsubscribe();
    feed.unsubscribe();
  });
});
