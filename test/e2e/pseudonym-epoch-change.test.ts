// The move to oblivious pseudonyms (issue 18) through the existing rotation: a network started
// before it pseudonymizes under its HMAC network key (epoch 1); the secretariat deals the new
// epoch's key among three members and gives the HMAC key a retirement date. During the overlap an
// identifier published before the change still matches one published after it; once the old key is
// destroyed no node holds any pseudonym key at all.
import { describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() => startTestNetwork({ pseudonyms: 'hmac' }), 120_000);

const PHONE = { kind: 'phone', value: '+234 803 555 0199' };

async function publish(user: string, summary: string): Promise<{ id: string; identifiers: { epoch: number }[] }> {
  const r = await gql<{ publishAlert: { id: string; identifiers: { epoch: number }[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id identifiers { epoch } } }',
    { input: routeAlert({ summary, identifiers: [PHONE] as never }) },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert as { id: string; identifiers: { epoch: number }[] };
}

async function hits(user: string): Promise<Record<string, string[]>> {
  const r = await gql<{ hitCheck: { answers: { agency: string; alerts: { id: string }[] }[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { answers { agency alerts { id } } } }',
    { identifier: PHONE },
  );
  expect(r.errors).toBeUndefined();
  return Object.fromEntries((r.data?.hitCheck.answers ?? []).map((a) => [a.agency, a.alerts.map((x) => x.id)]));
}

describe('the epoch change to oblivious pseudonyms', () => {
  let before: string;
  let after: string;

  it('keeps an identifier published before the change matching one published after it', async () => {
    const old = await publish('it-polfr-officer', 'Coordinator reached on this number, before the change');
    before = old.id;
    expect(old.identifiers.map((i) => i.epoch)).toEqual([1]);
    await fixture.net.startObliviousEpoch({ networkKeyRetiresAt: '2099-01-01T00:00:00Z' });
    expect(fixture.net.membership.pseudonymService).toMatchObject({ epoch: 2, threshold: 2 });
    const fresh = await publish('ne-ppn-officer', 'Same coordinator, after the change');
    after = fresh.id;
    // During the overlap: under both epochs.
    expect(fresh.identifiers.map((i) => i.epoch)).toEqual([1, 2]);
    const correlated = await eventually(async () => {
      const r = await gql<{ alerts: { id: string; correlations: { alertId: string }[] }[] }>(
        fixture.net.nodes['it-polfr']?.url as string,
        await fixture.net.token('it-polfr-officer'),
        '{ alerts(scope: RECEIVED) { id correlations { alertId } } }',
      );
      const a = r.data?.alerts.find((x) => x.id === after);
      return a && a.correlations.length > 0 ? a : null;
    }, 60_000);
    expect(correlated.correlations).toEqual([{ alertId: before }]);
    expect(await hits('ng-nis-officer')).toMatchObject({ 'it-polfr': [before], 'ne-ppn': [after] });
  });

  it('leaves no pseudonym key at any node once the old one is destroyed, and goes on under the oblivious epoch', async () => {
    await fixture.net.destroyNetworkKey();
    expect(fixture.net.networkKey).toBeNull();
    const later = await publish('ng-nis-officer', 'The coordinator again, after the retirement');
    expect(later.identifiers.map((i) => i.epoch)).toEqual([2]);
    // The alert of the retired epoch no longer matches anything new: that is what retirement means.
    expect(await hits('it-polfr-officer')).toMatchObject({ 'it-polfr': [], 'ne-ppn': [after], 'ng-nis': [later.id] });
  });
});
