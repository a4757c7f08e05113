// An agency node: its database, its GraphQL API, its outbox to JetStream and its inbox from it.
import {
  createAlertSigner,
  createAuditHeadSigner,
  createDelegationSigner,
  createDelegationVerifier,
  createTokenVerifier,
  groupArithmetic,
  nameFileKey,
  retentionPeriodsMs,
} from '@corridor/proto';
import { createCorrelator } from './alerts/correlation.js';
import { createFeed } from './alerts/feed.js';
import { holdPublication, startHeldPublications } from './alerts/held-publications.js';
import { ownAlertWriter, type PublishContext } from './alerts/publish-alert.js';
import { receiveAuditHead, startAuditGossip } from './audit/audit-heads.js';
import { auditWriter } from './audit/audit-log.js';
import { createNodeTokenVerifier } from './auth/node-token-verifier.js';
import { createBus } from './bus/bus.js';
import { startInbox } from './bus/inbox.js';
import { wireMessageIds } from './bus/message-id.js';
import { checkPinnedNatsCa } from './bus/nats-ca-pin.js';
import { startOutboxRelay } from './bus/outbox.js';
import { loadConfig } from './config.js';
import { type ConsultationDeps, receiveConsultationEvent } from './consultations/consultations.js';
import { createProtectionNotifier } from './consultations/protection.js';
import { startRequestClocks } from './consultations/request-clocks.js';
import { openDatabase } from './database.js';
import { backfillSearchText, normalisePhones } from './directory/directory-store.js';
import { applySeedFile } from './directory/seed-file.js';
import { createCheckLimits } from './hit-check/check-limits.js';
import { createLogger } from './log.js';
import { watchMembership } from './membership-watch.js';
import type { NodeServices } from './node-services.js';
import { PolicyError, watchReleasePolicy } from './policy/release-policy-source.js';
import { createEvaluationLimiter } from './pseudonyms/evaluation-limits.js';
import { createHolderClient } from './pseudonyms/holder-client.js';
import { createKeyHolder } from './pseudonyms/key-holder.js';
import { createPseudonymizer } from './pseudonyms/pseudonymizer.js';
import { forgetQueryArguments } from './query-argument-history.js';
import { startPurge } from './retention/purge.js';
import { RetentionError, watchRetention } from './retention/retention-source.js';
import { createNodeServer } from './server.js';
import { processSettings } from './settings.js';
import { nodeSignatures } from './signature-engine.js';

async function main(): Promise<void> {
  let fromFile: ReadonlyMap<string, string> = new Map();
  let config: Awaited<ReturnType<typeof loadConfig>>;
  try {
    const settings = processSettings();
    fromFile = settings.fromFile;
    config = await loadConfig(settings.env);
    checkPinnedNatsCa(config.natsTls, config.membership);
  } catch (e) {
    process.stderr.write(`corridor node: cannot start: ${nameFileKey((e as Error).message, fromFile)}\n`);
    process.exit(2);
  }
  const log = createLogger({ service: 'node', agency: config.agency.id });
  const membershipWatch = watchMembership(config, log);
  let policy: ReturnType<typeof watchReleasePolicy>;
  try {
    policy = watchReleasePolicy({ file: config.releasePolicyFile, agency: config.agency.id, pollMs: config.pollMs, log });
  } catch (e) {
    if (!(e instanceof PolicyError)) throw e;
    process.stderr.write(`corridor node: cannot start: ${nameFileKey(`CORRIDOR_RELEASE_POLICY_FILE: ${e.message}`, fromFile)}\n`);
    process.exit(2);
  }
  let retention: ReturnType<typeof watchRetention>;
  try {
    retention = watchRetention({ file: config.retentionFile, agency: config.agency.id, pollMs: config.pollMs, log });
  } catch (e) {
    if (!(e instanceof RetentionError)) throw e;
    process.stderr.write(`corridor node: cannot start: ${nameFileKey(`CORRIDOR_RETENTION_FILE: ${e.message}`, fromFile)}\n`);
    process.exit(2);
  }
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  log.info('database ready', { embedded: database.embedded, migrationsApplied: database.migrationsApplied });
  const backfilled = await backfillSearchText(database.db, config.agency.name);
  if (backfilled > 0) log.info('directory search text backfilled', { entries: backfilled });
  if (config.seedDirectoryFile) {
    try {
      const seeded = await applySeedFile(database.db, config.seedDirectoryFile, config.agency);
      if (seeded.unchanged) log.info('directory seed unchanged since it was applied');
      else log.info('directory seeded', { entries: seeded.entries, added: seeded.added });
      forgetQueryArguments();
    } catch (e) {
      await database.close();
      throw new Error(`CORRIDOR_SEED_DIRECTORY: ${(e as Error).message}`);
    }
  }

  const phones = await normalisePhones(database.db, config.agency.name);
  if (phones.normalised > 0) log.info('directory phone numbers written in E.164', { entries: phones.normalised });
  // By entry and channel only: a number is not logged.
  for (const u of phones.unread)
    log.warn('directory phone number not in E.164 and not readable; an administrator must correct it', { ...u });

  const bus = createBus(
    {
      servers: config.natsServers,
      user: config.natsUser,
      password: config.natsPassword,
      name: `corridor-node-${config.agency.id}`,
      agency: config.agency.id,
      stream: config.stream,
      subjectRoot: config.subjectRoot,
      hubDomain: config.natsHubDomain,
      tls: config.natsTls,
      // Read once: a new inbox_stream period applies at the next start (the stream is updated then).
      maxAgeMs: retentionPeriodsMs(retention.current()).inbox_stream,
    },
    log,
  );
  const feed = createFeed();
  const outbox = startOutboxRelay(database.db, bus, log, wireMessageIds(config.signingKey.d ?? ''));
  const signer = await createAlertSigner(config.signingKey, nodeSignatures);
  const correlator = createCorrelator({
    db: database.db,
    feed,
    agency: config.agency,
    membership: () => config.membership,
    policy: () => policy.current(),
    signer,
    subjectRoot: config.subjectRoot,
    onQueued: () => outbox.wake(),
    log,
  });
  const protection = createProtectionNotifier({ db: database.db, agency: config.agency, log });
  const caughtUp = await protection.catchUp();
  if (caughtUp > 0) log.info('protection notices raised at start', { alerts: caughtUp });
  const consultations: ConsultationDeps = {
    db: database.db,
    agency: config.agency,
    membership: () => config.membership,
    policy: () => policy.current(),
    signer,
    subjectRoot: config.subjectRoot,
    protection,
    onQueued: () => outbox.wake(),
    announce: (events) => {
      for (const e of events) feed.publish('consultationEvent', e);
    },
    log,
  };
  const requestClocks = startRequestClocks(consultations, config.clockScanMs);
  const auditGossip = startAuditGossip({
    db: database.db,
    agency: config.agency.id,
    membership: () => config.membership,
    signer: await createAuditHeadSigner(config.signingKey),
    subjectRoot: config.subjectRoot,
    schedule: config.auditHeads,
    onQueued: () => outbox.wake(),
    log,
  });
  const inbox = startInbox(
    database.db,
    bus,
    feed,
    {
      agency: config.agency.id,
      membership: () => config.membership,
      stream: config.stream,
      subjectRoot: config.subjectRoot,
      correlator,
      consultations: (subject, data) => receiveConsultationEvent(consultations, subject, data),
      auditHeads: (subject, data) =>
        receiveAuditHead(
          { db: database.db, agency: config.agency.id, membership: () => config.membership, subjectRoot: config.subjectRoot, log },
          subject,
          data,
        ),
      protection,
    },
    log,
  );
  const purge = startPurge(
    { db: database.db, agency: config.agency.id, retention: () => retention.current(), log },
    config.retentionScanMs,
  );
  const accessVerifier = createTokenVerifier(() => config.membership, { maxLifetimeS: config.maxTokenLifetimeS });
  const audit = auditWriter(database.db);
  const delegationSigner = await createDelegationSigner(config.agency.id, config.delegationKey);
  const keyHolder = createKeyHolder({
    agency: config.agency.id,
    share: config.pseudonymKeyShare,
    membership: () => config.membership,
    limits: createEvaluationLimiter(),
    audit,
  });
  const pseudonymizer = createPseudonymizer({
    keyring: config.networkKey,
    membership: () => config.membership,
    holders: createHolderClient({
      self: config.agency.id,
      membership: () => config.membership,
      signer: delegationSigner,
      evaluateHere: keyHolder,
    }),
    log,
  });
  const publishContext: PublishContext = {
    db: database.db,
    feed,
    agency: config.agency,
    pseudonymizer,
    subjectRoot: config.subjectRoot,
    storeOwn: ownAlertWriter(database.db, protection),
    protection,
    membership: () => config.membership,
    policy: () => policy.current(),
    signer,
    onQueued: () => outbox.wake(),
    hold: (call, reason) => holdPublication(database.db, call, reason),
  };
  const held = startHeldPublications(publishContext, log, config.heldRetryMs);
  const services: NodeServices = {
    agency: config.agency,
    db: database.db,
    bus,
    feed,
    outbox,
    verifier: createNodeTokenVerifier(
      config.agency.id,
      accessVerifier,
      createDelegationVerifier(() => config.membership, config.agency.id),
    ),
    tokenExchange: { access: accessVerifier, signer: delegationSigner },
    membership: () => config.membership,
    policy: () => policy.current(),
    retention: () => retention.current(),
    audit,
    keyHolder,
    auditHeadSchedule: config.auditHeads,
    checkLimits: createCheckLimits(config.checksPerMinute),
    staleAfterDays: config.staleAfterDays,
    statsMinCount: config.statsMinCount,
    consultations,
    protection,
    publishContext,
    log,
  };

  const server = createNodeServer(services, config.httpTls);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('ready', {
    url: `${config.httpTls ? 'https' : 'http'}://${config.host}:${port}/graphql`,
    // libsodium-wasm where the native build was not possible: pseudonyms at about half the speed.
    pseudonymArithmetic: groupArithmetic,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    membershipWatch.stop();
    log.info('stopping', { signal });
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    auditGossip.stop();
    await requestClocks.stop();
    await purge.stop();
    await held.stop();
    await inbox.stop();
    await outbox.stop();
    await bus.close();
    policy.stop();
    retention.stop();
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', msg: 'node failed', error: (e as Error).message })}\n`);
  process.exit(1);
});
