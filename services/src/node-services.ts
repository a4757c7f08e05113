// What the GraphQL layer and the plugins may use, assembled once at start-up.
import type { DelegationSigner, MemberAgency, Membership, ReleasePolicy, RetentionDocument, TokenVerifier } from '@corridor/proto';
import type { Feed } from './alerts/feed.js';
import type { PublishContext } from './alerts/publish-alert.js';
import type { HeadSchedule } from './audit/audit-heads.js';
import type { AuditRecord } from './audit/audit-log.js';
import type { Bus } from './bus/bus.js';
import type { OutboxRelay } from './bus/outbox.js';
import type { ConsultationDeps } from './consultations/consultations.js';
import type { ProtectionNotifier } from './consultations/protection.js';
import type { Db } from './database.js';
import type { GroupWriter } from './group-commit.js';
import type { CheckLimits } from './hit-check/check-limits.js';
import type { Logger } from './log.js';
import type { KeyHolder } from './pseudonyms/key-holder.js';

export interface NodeServices {
  agency: MemberAgency;
  db: Db;
  bus: Bus;
  feed: Feed;
  outbox: OutboxRelay;
  /** Who may ask this node: its own agency's users, and tokens delegated to it (auth/node-token-verifier.ts). */
  verifier: TokenVerifier;
  /** The token exchange (POST /token): user access tokens of any member, and this agency's delegation key. */
  tokenExchange: { access: TokenVerifier; signer: DelegationSigner };
  /** The current membership document (it may change while the node runs). */
  membership: () => Membership;
  /** The release policy in force (it may change while the node runs). */
  policy: () => ReleasePolicy;
  /** The retention document in force (it may change while the node runs; retention/retention-source.ts). */
  retention: () => RetentionDocument;
  /** Records releases to other agencies before the answer leaves (audit/audit-log.ts). */
  audit: GroupWriter<AuditRecord[]>;
  /** This node's evaluation as a key holder of the pseudonym service (POST /pseudonyms); refuses when it holds no share. */
  keyHolder: KeyHolder;
  /** When audit heads are signed (audit/audit-heads.ts): how soon a partner should hold a head of a row. */
  auditHeadSchedule: HeadSchedule;
  /** Per-user budgets for hit / no-hit checks (check-limits.ts). */
  checkLimits: CheckLimits;
  /** Days after which an entry not re-verified is stale (CORRIDOR_STALE_AFTER_DAYS). */
  staleAfterDays: number;
  /** Counts below it are suppressed in statistics exports (CORRIDOR_STATS_MIN_COUNT). */
  statsMinCount: number;
  /** Consultations and tracked requests (consultations.ts). */
  consultations: ConsultationDeps;
  /** Protection notices for flagged alerts and consultations (protection.ts). */
  protection: ProtectionNotifier;
  publishContext: PublishContext;
  log: Logger;
}
