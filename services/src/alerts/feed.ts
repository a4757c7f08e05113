// The node's live feed: every alert it stores, own or received, as it is stored. Subscribers
// filter by what their claims allow (see schema/alert-feed).
import type { Alert } from '@corridor/proto';
import { createPubSub } from 'graphql-yoga';

export type Feed = ReturnType<typeof createFeed>;

export function createFeed() {
  return createPubSub<{ alert: [Alert] }>();
}
