// The node's live feed: every alert it stores, own or received, as it is stored, the consultation
// events it keeps, and whose route subscription changed (by token subject), each published after
// what it announces committed. Subscribers filter by what their claims allow (see the alertFeed
// and activity subscriptions).
import type { Alert, ConsultationEvent } from '@corridor/proto';
import { createPubSub } from 'graphql-yoga';

export type Feed = ReturnType<typeof createFeed>;

export function createFeed() {
  return createPubSub<{ alert: [Alert]; consultationEvent: [ConsultationEvent]; subscriptionChanged: [subject: string] }>();
}
