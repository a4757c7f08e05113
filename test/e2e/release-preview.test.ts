// "Who will see this?" (issue 17, item 6), through the gateway: the preview of a draft names the
// agencies, rules and withheld fields that publishing the same draft then delivers, at each
// partner's node; it stores and sends nothing; another agency's user cannot ask it of this node.
import type { AlertInput, ReleasePolicyInput } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

// Italy's policy: Niger's copy also goes without place names (the rule under test); otherwise the
// standard agreement (deploy release-policies.ts), prosecutors of a shared network seeing the case reference.
const ITALY_POLICY: ReleasePolicyInput = {
  agency: 'it-polfr',
  version: 3,
  rules: [
    { id: 'niger-without-places', resource: 'alert', partners: ['ne-ppn'], redact: ['caseReference', 'route.places'] },
    { id: 'alerts-prosecutors-shared-network', resource: 'alert', roles: ['prosecutor', 'central_authority'], sameNetwork: true },
    { id: 'alerts-members', resource: 'alert', redact: ['caseReference'] },
    { id: 'directory-members', resource: 'directory_entry' },
  ],
};

const file = useTestNetwork(
  () =>
    startTestNetwork({
      agencies: AGENCIES.map((a) => (a.id === 'it-polfr' ? { ...a, releasePolicy: ITALY_POLICY } : a)),
      users: officersAnd({ id: 'ng-nis-prosecutor', name: 'Prosecutor at NIS', agency: 'ng-nis', roles: ['prosecutor'] }),
    }),
  120_000,
);
const token = (user: string) => file.net.token(user);

interface PreviewItem {
  agency: string;
  receives: boolean;
  reason: string;
  rule: string | null;
  policyVersion: number;
  withheld: string[];
  readers: { role: string; rule: string; withheld: string[] }[];
}
const PREVIEW = `query($input: AlertInput!) { releasePreview(input: $input) {
  agency receives reason rule policyVersion withheld readers { role rule withheld } } }`;

async function preview(input: AlertInput, user = 'it-polfr-officer') {
  return await gql<{ releasePreview: PreviewItem[] }>(file.net.gatewayUrl, await token(user), PREVIEW, { input });
}

async function publish(input: AlertInput): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    file.net.gatewayUrl,
    await token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

/** Italy's alerts as a partner's node holds them (the copies it received), by id. */
async function receivedAt(agency: string): Promise<Map<string, string[]>> {
  const r = await gql<{ alerts: { id: string; redacted: string[] }[] }>(
    file.net.nodes[agency]?.url as string,
    await token(`${agency}-officer`),
    '{ alerts(scope: RECEIVED, limit: 500) { id redacted } }',
  );
  expect(r.errors).toBeUndefined();
  return new Map((r.data?.alerts ?? []).map((a) => [a.id, a.redacted]));
}

/**
 * Publishes `input` and answers, per partner, the fields withheld from the copy its node holds
 * (null: none arrived). A GREEN alert published after it goes to every partner: once each holds
 * that one, a copy of the first sent in the same order would be there too.
 */
async function publishAndSeeWhatArrived(input: AlertInput): Promise<{ id: string; arrived: Record<string, string[] | null> }> {
  const id = await publish(input);
  const barrier = await publish(routeAlert({ summary: `Barrier after the alert under test, run ${file.net.run}` }));
  const out: Record<string, string[] | null> = {};
  for (const agency of ['ne-ppn', 'ng-nis']) {
    const held = await eventually(async () => {
      const m = await receivedAt(agency);
      return m.has(barrier) && m;
    });
    out[agency] = held.get(id) ?? null;
  }
  return { id, arrived: out };
}

/** What the preview promised, in the same shape: the withheld fields of each copy, null where none goes. */
const promised = (items: PreviewItem[]) => Object.fromEntries(items.map((i) => [i.agency, i.receives ? i.withheld : null]));

describe('who will see a draft alert', () => {
  it('GREEN: every partner, Niger without place names or case reference by its own rule; what arrives matches', async () => {
    const input = routeAlert({ caseReference: 'RG 77/2026' });
    const r = await preview(input);
    expect(r.errors).toBeUndefined();
    const items = r.data?.releasePreview ?? [];
    expect(items.map((i) => [i.agency, i.receives, i.rule, i.policyVersion])).toEqual([
      ['ne-ppn', true, 'niger-without-places', 3],
      ['ng-nis', true, 'alerts-members', 3],
    ]);
    expect(items.find((i) => i.agency === 'ne-ppn')?.withheld).toEqual(['caseReference', 'route.places']);
    // Nigeria shares a network with Italy: its prosecutors read the case reference through the network, its officers do not.
    const nigeria = items.find((i) => i.agency === 'ng-nis');
    expect(nigeria?.readers).toContainEqual({ role: 'prosecutor', rule: 'alerts-prosecutors-shared-network', withheld: [] });
    expect(nigeria?.readers).toContainEqual({ role: 'border_officer', rule: 'alerts-members', withheld: ['caseReference'] });
    const { id, arrived } = await publishAndSeeWhatArrived(input);
    expect(arrived).toEqual(promised(items));

    // And through the network (the gateway asks Italy's node), each role reads what the preview said.
    for (const [user, role] of [
      ['ng-nis-prosecutor', 'prosecutor'],
      ['ng-nis-officer', 'border_officer'],
    ] as const) {
      const r = await gql<{ alerts: { alerts: { id: string; redacted: string[] }[] } }>(
        file.net.gatewayUrl,
        await token(user),
        '{ alerts(limit: 200) { alerts { id redacted } } }',
      );
      const seen = r.data?.alerts.alerts.find((a) => a.id === id);
      expect(seen?.redacted).toEqual(nigeria?.readers.find((x) => x.role === role)?.withheld);
    }
  });

  it('AMBER to Nigeria: Niger is told it is not named, and nothing reaches it', async () => {
    const input = routeAlert({ tlp: 'AMBER', recipients: ['ng-nis'] });
    const items = (await preview(input)).data?.releasePreview ?? [];
    expect(items.map((i) => [i.agency, i.receives, i.reason, i.readers.length > 0])).toEqual([
      ['ne-ppn', false, 'not_named', false],
      ['ng-nis', true, 'released', true],
    ]);
    expect((await publishAndSeeWhatArrived(input)).arrived).toEqual(promised(items));
  });

  it('AMBER+STRICT to Niger: only Niger, under its own rule', async () => {
    const input = routeAlert({ tlp: 'AMBER+STRICT', recipients: ['ne-ppn'] });
    const items = (await preview(input)).data?.releasePreview ?? [];
    expect(items.map((i) => [i.agency, i.receives, i.reason, i.rule, i.withheld])).toEqual([
      ['ne-ppn', true, 'released', 'niger-without-places', ['route.places']],
      ['ng-nis', false, 'not_named', null, []],
    ]);
    expect((await publishAndSeeWhatArrived(input)).arrived).toEqual(promised(items));
  });

  it('stores nothing, and refuses a bad draft with the field errors publishing gives', async () => {
    const own = async () =>
      (
        await gql<{ alerts: { id: string }[] }>(
          file.net.nodes['it-polfr']?.url as string,
          await token('it-polfr-officer'),
          '{ alerts(scope: OWN, limit: 500) { id } }',
        )
      ).data?.alerts.length;
    const before = await own();
    await preview(routeAlert({ summary: `Never published, run ${file.net.run}` }));
    expect(await own()).toBe(before);

    const bad = routeAlert({ tlp: 'AMBER', recipients: ['xx-nobody'], validUntil: '2020-01-01T00:00:00Z' });
    const refusedPreview = await preview(bad);
    const refusedPublish = await gql(
      file.net.gatewayUrl,
      await token('it-polfr-officer'),
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      { input: bad },
    );
    const fieldErrors = (r: typeof refusedPublish) =>
      (r.errors?.[0]?.extensions?.fieldErrors as { path: string }[] | undefined)?.map((f) => f.path).sort();
    expect(refusedPreview.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(fieldErrors(refusedPreview)).toEqual(['recipients.0', 'validUntil']);
    expect(fieldErrors(refusedPreview)).toEqual(fieldErrors(refusedPublish));
    expect(await own()).toBe(before);
  });

  it('is refused to another agency’s user at this node', async () => {
    // A token Nigeria's node delegated to Italy's, as the gateway fans queries out with: valid at Italy's node, for Nigeria's user.
    const delegated = await file.net.delegatedToken('ng-nis-officer', 'it-polfr');
    const r = await gql(file.net.nodes['it-polfr']?.url as string, delegated, PREVIEW, { input: routeAlert() });
    expect(r.data?.releasePreview).toBeUndefined();
    expect(r.errors).toEqual([
      expect.objectContaining({
        message: 'only users of agency it-polfr preview who receives alerts at this node',
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });
});
