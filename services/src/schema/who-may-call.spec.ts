// Who may call each root field of the node is declared on the field (guards.ts); this spec holds
// the whole table, so a field added without a decision, or a scope changed by accident, fails
// here. Refusals are checked as another agency's user would meet them: before the resolver runs.
import type { AccessClaims } from '@corridor/proto';
import { type GraphQLObjectType, graphql, parse, subscribe } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { NodeServices } from '../node-services.js';
import type { NodeContext } from './builder.js';
import { schema } from './index.js';

const ADMIN_ONLY = { administrators: 'keep the agency’s directory' };
const CONSULT = { ownAgency: 'take part in consultations' };
const SUBSCRIPTIONS = { ownAgency: 'keep subscriptions' };
const STATISTICS = { administrators: 'export the agency’s statistics' };
const AUDIT = { administrators: 'read the release audit' };
const ACTIVITY = { ownAgency: 'follow the agency’s activity' };

/** Root field → its declared scopes; `open` is a field every member's users may call (the release policy answers). */
const WHO_MAY_CALL: Record<string, Record<string, unknown> | 'open'> = {
  'Query.alerts': 'open',
  'Query.alert': 'open',
  'Query.alertHistory': { ownAgency: 'read alert history' },
  'Query.auditLog': AUDIT,
  'Query.verifyAuditLog': AUDIT,
  'Query.purgeReport': { administrators: 'read the purge report' },
  'Query.auditHeads': { anyAgencyAdministrator: 'read the audit heads held of it' },
  'Query.identifierPseudonyms': { ownAgency: 'check identifiers' },
  'Query.ownHitCheck': { ownAgency: 'check identifiers' },
  'Query.hitCheck': 'open',
  // Batches from the gateway: the request's token grants nothing, each item is checked under its own user's token.
  'Query.ownHitChecks': { ownAgency: 'check identifiers' },
  'Query.hitChecks': 'open',
  'Query.mySubscription': SUBSCRIPTIONS,
  'Query.subscribedAlerts': SUBSCRIPTIONS,
  'Query.directory': 'open',
  'Query.ownDirectory': { ownAgency: 'list the agency’s own directory' },
  'Query.directoryToVerify': ADMIN_ONLY,
  'Query.directoryEntryHistory': ADMIN_ONLY,
  'Query.consultations': CONSULT,
  'Query.consultation': CONSULT,
  'Query.requests': CONSULT,
  'Query.protectionNotices': { ownAgency: 'read protection notices' },
  'Query.myActivity': ACTIVITY,
  'Query.statistics': STATISTICS,
  'Query.statisticsCsv': STATISTICS,
  'Query.releasePreview': { ownAgency: 'preview who receives alerts' },
  'Mutation.publishAlert': { ownAgency: 'publish' },
  'Mutation.publishAlerts': { ownAgency: 'publish' },
  'Mutation.amendAlert': { ownAgency: 'amend alerts' },
  'Mutation.withdrawAlert': { ownAgency: 'withdraw alerts' },
  'Mutation.setSubscription': SUBSCRIPTIONS,
  'Mutation.markAlertsRead': SUBSCRIPTIONS,
  'Mutation.createDirectoryEntry': ADMIN_ONLY,
  'Mutation.updateDirectoryEntry': ADMIN_ONLY,
  'Mutation.verifyDirectoryEntry': ADMIN_ONLY,
  'Mutation.retireDirectoryEntry': ADMIN_ONLY,
  'Mutation.importDirectoryCsv': ADMIN_ONLY,
  'Mutation.designateSinglePointOfContact': ADMIN_ONLY,
  'Mutation.openConsultation': CONSULT,
  'Mutation.addConsultationMessage': CONSULT,
  'Mutation.createRequest': CONSULT,
  'Mutation.setRequestStatus': CONSULT,
  'Mutation.markActivitySeen': ACTIVITY,
  'Mutation.askPermission': CONSULT,
  'Mutation.answerPermission': CONSULT,
  'Mutation.setRequestDeadline': CONSULT,
  'Mutation.escalateRequest': CONSULT,
  // Each item is released to the caller under the policy as it streams.
  'Subscription.alertFeed': 'open',
  // Checked when the stream opens (authorizeOnSubscribe): another agency's user gets no event at all.
  'Subscription.activity': ACTIVITY,
};

function declared(type: GraphQLObjectType | null | undefined): Record<string, Record<string, unknown> | 'open'> {
  return Object.fromEntries(
    Object.values(type?.getFields() ?? {}).map((f) => {
      const options = f.extensions?.pothosOptions as { authScopes?: Record<string, unknown> } | undefined;
      return [`${type?.name}.${f.name}`, options?.authScopes ?? 'open'];
    }),
  );
}

const SELF = 'ITA-PS';

function contextOf(agency: string, roles: AccessClaims['roles']): NodeContext {
  const claims: AccessClaims = {
    iss: 'https://idp.example',
    sub: 'officer-1',
    aud: 'corridor',
    exp: Math.floor(Date.now() / 1000) + 600,
    agency,
    name: 'Officer One',
    roles,
    country: 'ITA',
    networks: [],
  };
  // Only what a refusal reads: a resolver that ran would fail on the rest, and the test with it.
  const services: Partial<NodeServices> = { agency: { id: SELF, name: 'Polizia di Stato', country: 'ITA' } as NodeServices['agency'] };
  return { claims, services: services as NodeServices };
}

async function refusalOf(source: string, ctx: NodeContext) {
  const result = await graphql({ schema, source, contextValue: ctx });
  return result.errors?.map((e) => ({ message: e.message, code: e.extensions.code, path: e.path }));
}

describe('who may call what at a node', () => {
  it('every root field declares who may call it, as the table says', () => {
    expect({
      ...declared(schema.getQueryType()),
      ...declared(schema.getMutationType()),
      ...declared(schema.getSubscriptionType()),
    }).toEqual(WHO_MAY_CALL);
  });

  it('refuses another agency’s user its own-agency fields, naming whose node it is, before resolving', async () => {
    const other = contextOf('FRA-PN', ['border_officer']);
    expect(await refusalOf('mutation { publishAlert(input: {}) { id } }', other)).toEqual([
      { message: `only users of agency ${SELF} publish at this node`, code: 'FORBIDDEN', path: ['publishAlert'] },
    ]);
  });

  it('refuses another agency’s user this agency’s activity stream when it opens, before any event', async () => {
    const result = await subscribe({
      schema,
      document: parse('subscription { activity { kind id } }'),
      contextValue: contextOf('FRA-PN', ['border_officer']),
    });
    expect('errors' in result && result.errors?.map((e) => ({ message: e.message, code: e.extensions.code }))).toEqual([
      { message: `only users of agency ${SELF} follow the agency’s activity at this node`, code: 'FORBIDDEN' },
    ]);
  });

  it('tells another agency’s administrator whose node it is before speaking of roles', async () => {
    expect(await refusalOf('{ auditLog { seq } }', contextOf('FRA-PN', ['administrator']))).toEqual([
      { message: `only users of agency ${SELF} read the release audit at this node`, code: 'FORBIDDEN', path: ['auditLog'] },
    ]);
  });

  it('refuses the agency’s own officers its administrators’ fields', async () => {
    expect(await refusalOf('{ statisticsCsv }', contextOf(SELF, ['border_officer']))).toEqual([
      { message: 'only the agency’s administrators export the agency’s statistics', code: 'FORBIDDEN', path: ['statisticsCsv'] },
    ]);
  });

  it('refuses the audit heads held of an agency to anyone but an administrator', async () => {
    expect(await refusalOf('{ auditHeads { seq } }', contextOf('FRA-PN', ['border_officer']))).toEqual([
      { message: 'only an agency’s administrators read the audit heads held of it', code: 'FORBIDDEN', path: ['auditHeads'] },
    ]);
  });
});
