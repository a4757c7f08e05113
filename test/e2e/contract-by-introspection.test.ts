// A client learns the shape of an alert, a subscription and a directory entry by introspection,
// at the gateway and at a node alike, with no JSON object left where the contract knows the shape
// (issue 12); and a bad input is still refused by proto with every problem's path.
import { describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() => startTestNetwork(), 120_000);

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface Field {
  name: string;
  type: TypeRef;
  args?: { name: string; type: TypeRef }[];
}
interface TypeAnswer {
  __type: { fields: Field[] | null; inputFields: Field[] | null } | null;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name } } }';
const TYPE = `query($name: String!) { __type(name: $name) {
  fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } }
  inputFields { name type { ${TYPE_REF} } } } }`;

/** The named type under any lists and non-nulls. */
function named(t: TypeRef): string | null {
  return t.ofType ? named(t.ofType) : t.name;
}

// Addresses are read once the network runs: describe.each collects before beforeAll.
const SERVERS: [string, () => string][] = [
  ['the gateway', () => fixture.net.gatewayUrl],
  ['a node', () => fixture.net.nodes['it-polfr']?.url as string],
];

async function typeAt(url: string, name: string) {
  const r = await gql<TypeAnswer>(url, await fixture.net.token('it-polfr-officer'), TYPE, { name });
  expect(r.errors).toBeUndefined();
  const type = r.data?.__type;
  if (!type) throw new Error(`${name} is not a type at ${url}`);
  return Object.fromEntries([...(type.fields ?? []), ...(type.inputFields ?? [])].map((f) => [f.name, f]));
}

describe.each(SERVERS)('introspection of %s', (_where, url) => {
  it('gives the shape of an alert as a client writes it', async () => {
    const input = await typeAt(url(), 'AlertInput');
    expect(Object.keys(input)).toEqual(
      expect.arrayContaining(['kind', 'summary', 'route', 'routeDetails', 'documentFraud', 'identifiers']),
    );
    expect(named((input.routeDetails as Field).type)).toBe('RouteDetailsInput');
    expect(named((input.identifiers as Field).type)).toBe('IdentifierInput');
    const waypoint = await typeAt(url(), 'WaypointInput');
    expect(Object.keys(waypoint).sort()).toEqual(['country', 'latitude', 'longitude', 'mode', 'place']);
  });

  it('gives the shape of an alert as it answers one: the kind’s details are objects, not JSON', async () => {
    const alert = await typeAt(url(), 'Alert');
    expect(alert).not.toHaveProperty('details');
    expect(named((alert.routeDetails as Field).type)).toBe('RouteDetails');
    expect(named((alert.documentFraud as Field).type)).toBe('DocumentFraudDetails');
    const details = await typeAt(url(), 'RouteDetails');
    expect(Object.keys(details)).toEqual(expect.arrayContaining(['transport', 'priceObserved', 'migrantCount', 'vulnerablePersons']));
    expect(Object.keys(await typeAt(url(), 'DocumentFraudDetails'))).toEqual(expect.arrayContaining(['documentType', 'detectedAt']));
  });

  it('types every argument and answer of alerts, hit checks, subscriptions and directory entries', async () => {
    const query = await typeAt(url(), 'Query');
    const mutation = await typeAt(url(), 'Mutation');
    const fields = [
      mutation.publishAlert,
      mutation.amendAlert,
      mutation.setSubscription,
      mutation.createDirectoryEntry,
      mutation.updateDirectoryEntry,
      query.mySubscription,
      query.hitCheck,
      query.identifierPseudonyms,
    ].filter((f): f is Field => f !== undefined);
    // The node has identifierPseudonyms and a hitCheck by pseudonyms; the gateway one by identifier.
    expect(fields.length).toBe(url() === fixture.net.gatewayUrl ? 7 : 8);
    for (const f of fields) {
      expect({ field: f.name, answer: named(f.type) }).not.toEqual({ field: f.name, answer: 'JSONObject' });
      for (const a of f.args ?? []) expect({ field: f.name, arg: a.name, type: named(a.type) }).not.toMatchObject({ type: 'JSONObject' });
    }
    expect(named((mutation.setSubscription as Field).type)).toBe('RouteSubscription');
    expect(named((mutation.createDirectoryEntry as Field).args?.find((a) => a.name === 'entry')?.type as TypeRef)).toBe(
      'DirectoryEntryInput',
    );
  });

  it('still refuses a bad alert with VALIDATION_FAILED and every problem’s path', async () => {
    const bad = routeAlert({
      summary: '',
      route: { region: 'central-mediterranean', waypoints: [{ country: 'NGA' }, { country: 'LBA' }] },
    } as never);
    const r = await gql(
      url(),
      await fixture.net.token('it-polfr-officer'),
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      {
        input: bad,
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const paths = ((r.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['summary', 'route.waypoints.1.country']));
  });

  it('refuses a field the contract does not have before anything runs, naming it', async () => {
    const r = await gql(
      url(),
      await fixture.net.token('it-polfr-officer'),
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      {
        input: { ...routeAlert(), passportNumber: 'X' },
      },
    );
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toContain('passportNumber');
  });
});
