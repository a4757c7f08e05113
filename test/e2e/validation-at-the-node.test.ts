// Every validation error a node knows reaches the caller through the gateway with its field path
// (issue 11, item 7), tried with a member's own credentials on the public surface: a NUL
// character, an AMBER alert for an agency that is not a member, an identifier the Check page
// cannot read. None may come back as "Unexpected error.", and each changes nothing.
import { describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() => startTestNetwork(), 120_000);

const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
const CHECK = 'query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit } }';

async function asItaly(query: string, variables: Record<string, unknown>) {
  return gql<Record<string, unknown>>(fixture.net.gatewayUrl, await fixture.net.token('it-polfr-officer'), query, variables);
}

/** The field errors of a refusal, which must be VALIDATION_FAILED and name no unexpected error. */
function fieldErrorsOf(r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }) {
  expect(r.errors?.[0]?.message).not.toMatch(/Unexpected error/);
  expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
  return (r.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: string; rule: string; message: string }[];
}

async function ownAlertCount(): Promise<number> {
  const r = await gql<{ alerts: { alerts: { origin: { agency: string } }[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token('it-polfr-officer'),
    '{ alerts(limit: 500) { alerts { origin { agency } } } }',
  );
  return r.data?.alerts.alerts.filter((a) => a.origin.agency === 'it-polfr').length ?? -1;
}

describe('a NUL character', () => {
  it('is a field error wherever it is, in an alert or a consultation, and nothing is stored', async () => {
    const before = await ownAlertCount();
    const inSummary = await asItaly(PUBLISH, { input: routeAlert({ summary: 'Departures\u0000 at night' }) });
    expect(fieldErrorsOf(inSummary)).toEqual([{ path: 'summary', rule: 'nul_byte', message: 'must not contain a NUL character (U+0000)' }]);
    const inPlace = await asItaly(PUBLISH, {
      input: routeAlert({
        route: {
          region: 'central-mediterranean',
          waypoints: [{ country: 'NER', place: 'Aga\u0000dez' }, { country: 'LBY' }],
        },
      } as never),
    });
    expect(fieldErrorsOf(inPlace).map((e) => e.path)).toEqual(['route.waypoints.0.place']);
    const inMessage = await asItaly('mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }', {
      input: { with: 'ne-ppn', subject: 'Boats\u0000', body: 'Departures from Agadez' },
    });
    expect(fieldErrorsOf(inMessage).map((e) => e.path)).toEqual(['subject']);
    expect(await ownAlertCount()).toBe(before);
    // The node goes on working.
    expect((await asItaly(PUBLISH, { input: routeAlert() })).errors).toBeUndefined();
  });
});

describe('a NUL character in a plain argument, sent to a node as a partner’s gateway would', () => {
  it('is named by its argument, as a variable or written in the query', async () => {
    const node = fixture.net.nodes['it-polfr']?.url as string;
    // What Niger's officer's node delegates to Italy's node for the gateway's fan-out.
    const token = await fixture.net.delegatedToken('ne-ppn-officer', 'it-polfr');
    const asVariable = await gql(node, token, 'query($kind: String) { alerts(kind: $kind) { id } }', { kind: 'route\u0000' });
    expect(fieldErrorsOf(asVariable)).toEqual([{ path: 'kind', rule: 'nul_byte', message: 'must not contain a NUL character (U+0000)' }]);
    const inQuery = await gql(node, token, '{ alerts(kind: "route\\u0000") { id } }');
    expect(fieldErrorsOf(inQuery).map((e) => e.path)).toEqual(['kind']);
    expect((await gql(node, token, '{ alerts(kind: "route") { id } }')).errors).toBeUndefined();
  });
});

describe('AMBER recipients', () => {
  it('must be member agencies of the network, in the membership in force', async () => {
    const r = await asItaly(PUBLISH, { input: routeAlert({ tlp: 'AMBER', recipients: ['ne-ppn', 'xx-unknown'] }) });
    expect(fieldErrorsOf(r)).toEqual([
      { path: 'recipients.1', rule: 'member', message: 'must be a member agency of the network, by its id' },
    ]);
    expect((await asItaly(PUBLISH, { input: routeAlert({ tlp: 'AMBER', recipients: ['ne-ppn'] }) })).errors).toBeUndefined();
  });
});

describe('the hit / no-hit check', () => {
  it.each([
    ['a passport without its issuing state', { kind: 'travel_document', value: RAW.documentNumber }, 'qualifier', /issuing state/],
    ['a two-letter issuing state', { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NG' }, 'qualifier', /ICAO 9303/],
    ['a date of birth that does not exist', { kind: 'person', value: RAW.holderName, qualifier: '1994-02-30' }, 'qualifier', /exists/],
    ['a date of birth in no known form', { kind: 'person', value: RAW.holderName, qualifier: 'March 1994' }, 'qualifier', /date of birth/],
    ['a plate without its country', { kind: 'vehicle_plate', value: 'AG 4417 NE' }, 'qualifier', /country/],
    ['a national phone number without its country', { kind: 'phone', value: '0803 555 0147' }, 'value', /country/],
  ])('names the field for %s', async (_what, identifier, path, message) => {
    const r = await asItaly(CHECK, { identifier });
    const errors = fieldErrorsOf(r);
    expect(errors).toEqual([expect.objectContaining({ path, rule: 'identifier' })]);
    expect(errors[0]?.message).toMatch(message);
  });

  it('still answers once the fields are right', async () => {
    expect((await asItaly(PUBLISH, { input: documentFraudAlert() })).errors).toBeUndefined();
    const r = await asItaly(CHECK, { identifier: { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NGA' } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.hitCheck).toEqual({ hit: true });
  });
});

describe('what the walk-through found (issue 15)', () => {
  it('refuses a validity end years away, naming validUntil, and stores nothing', async () => {
    const before = await ownAlertCount();
    const r = await asItaly(PUBLISH, { input: routeAlert({ validUntil: '9999-12-31T23:59:59Z' }) });
    expect(fieldErrorsOf(r)).toEqual([expect.objectContaining({ path: 'validUntil', rule: 'too_far' })]);
    expect(await ownAlertCount()).toBe(before);
  });

  it('refuses a withdrawal without a reason, and an amendment of the kind, each naming its field', async () => {
    const published = await asItaly(PUBLISH, { input: routeAlert() });
    const id = (published.data?.publishAlert as { id: string } | undefined)?.id as string;
    const withdraw = 'mutation($id: ID!, $reason: String) { withdrawAlert(id: $id, reason: $reason) { status withdrawalReason } }';
    expect(fieldErrorsOf(await asItaly(withdraw, { id })).map((e) => e.path)).toEqual(['reason']);
    const amend = 'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input) { revision } }';
    const asFraud = documentFraudAlert({ identifiers: [] });
    expect(fieldErrorsOf(await asItaly(amend, { id, input: asFraud })).map((e) => e.path)).toEqual(['kind']);
    const done = await asItaly(withdraw, { id, reason: 'The boats were seized in port' });
    expect(done.data?.withdrawAlert).toEqual({ status: 'withdrawn', withdrawalReason: 'The boats were seized in port' });
  });
});
