// What the GraphQL layer and the plugins may use, assembled once at start-up.
import type { MemberAgency, TokenVerifier } from '@corridor/proto';
import type { Bus } from './bus.js';
import type { Db } from './database.js';
import type { Feed } from './feed.js';
import type { Logger } from './log.js';
import type { OutboxRelay } from './outbox.js';
import type { PublishContext } from './publish-alert.js';

export interface NodeServices {
  agency: MemberAgency;
  db: Db;
  bus: Bus;
  feed: Feed;
  outbox: OutboxRelay;
  verifier: TokenVerifier;
  publishContext: PublishContext;
  log: Logger;
}
