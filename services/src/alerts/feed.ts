// The node's live feed: every alert it stores, own or received, as it is stored, and the
// consultation events it keeps (activity/activity-events.ts says which kinds they are for the
// officers' activity stream). Subscribers filter by what their claims allow (see the alertFeed
// and activity subscriptions). Published after the transaction that stored them commits.
import type { Alert, ConsultationEvent } from '@corridor/proto';
import { createPubSub } from 'graphql-yoga';

export type Feed = ReturnType<typeof createFeed>;

export function createFeed() {
  return createPubSub<{ alert: [Alert]; consultationEvent: [ConsultationEvent] }>();
}
