// STIX 2.1, TAXII 2.1 and a MISP feed (issue 16, item 3): analysts' tools take Corridor's alerts
// in. Italy publishes alerts of every TLP, with identifiers and a case reference; its policy keeps
// document-fraud alerts from Niger. Each test walks the surfaces as a client would (TAXII:
// discovery → API root → collections → objects page by page until `more` is false; MISP:
// manifest.json → each event file), at Italy's node and through the gateway, and checks what
// comes out: every object valid against the OASIS STIX 2.1 schemas, only TLP:CLEAR and GREEN,
// only what the release policy gives the caller, no raw identifier, pseudonym or case reference.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AlertInput, alertReportId, CORRIDOR_EXTENSION_SCHEMA, type ReleasePolicyInput } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { stixValidator } from '../support/stix-schemas.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const TAXII = 'application/taxii+json;version=2.1';
const EXTENSION = 'extension-definition--7b62b93b-18bb-550c-8bd6-0910a686db44';
const CASE_REFERENCE = 'RG 4521/2026';

const ITALY_POLICY: ReleasePolicyInput = {
  agency: 'it-polfr',
  version: 1,
  rules: [
    { id: 'fraud-not-to-niger', effect: 'deny', resource: 'alert', kinds: ['document_fraud'], partners: ['ne-ppn'] },
    { id: 'alerts-members', resource: 'alert', redact: ['caseReference'] },
    { id: 'directory-members', resource: 'directory_entry' },
    { id: 'consultations-members', resource: 'consultation' },
  ],
};

const file = useTestNetwork(
  () =>
    startTestNetwork({
      agencies: AGENCIES.map((a) => (a.id === 'it-polfr' ? { ...a, releasePolicy: ITALY_POLICY } : a)),
      users: officersAnd(adminOf('it-polfr', 'Elena Conti')),
    }),
  120_000,
);
const token = (user: string) => file.net.token(user);
const base = (graphqlUrl: string) => new URL('/', graphqlUrl).toString();

interface Published {
  byTlp: Record<'CLEAR' | 'GREEN' | 'AMBER' | 'RED', string>;
  fraud: string;
  /** Published together, in one call: stored at one moment (one date_added). */
  batch: string[];
  pseudonyms: string[];
}
let published: Published;

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

beforeAll(async () => {
  const withCase = { caseReference: CASE_REFERENCE };
  const clear = await publish(routeAlert({ tlp: 'CLEAR', ...withCase }));
  const green = await publish(
    routeAlert({
      ...withCase,
      route: {
        region: 'central-mediterranean',
        waypoints: [
          { country: 'LBY', place: 'Zuwara', mode: 'sea', latitude: 32.93, longitude: 12.08 },
          { country: 'ITA', place: 'Lampedusa', mode: 'sea', latitude: 35.5, longitude: 12.6 },
        ],
      },
    }),
  );
  const fraud = await publish(documentFraudAlert(withCase));
  const amber = await publish(routeAlert({ tlp: 'AMBER', recipients: ['ng-nis'], ...withCase }));
  const red = await publish(routeAlert({ tlp: 'RED', ...withCase }));
  const batch = await gql<{ publishAlerts: { id: string }[] }>(
    file.net.gatewayUrl,
    await token('it-polfr-officer'),
    'mutation($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id } }',
    { inputs: [1, 2, 3, 4].map(() => routeAlert(withCase)) },
  );
  expect(batch.errors).toBeUndefined();
  // What the network holds in place of the identifiers: none may leave for an analyst's tool either.
  const own = await gql<{ alerts: { alerts: { identifiers: { pseudonym: string }[] }[] } }>(
    file.net.gatewayUrl,
    await token('it-polfr-officer'),
    '{ alerts(limit: 50) { alerts { identifiers { pseudonym } } } }',
  );
  expect(own.errors).toBeUndefined();
  published = {
    byTlp: { CLEAR: clear, GREEN: green, AMBER: amber, RED: red },
    fraud,
    batch: batch.data?.publishAlerts.map((a) => a.id) ?? [],
    pseudonyms: own.data?.alerts.alerts.flatMap((a) => a.identifiers.map((i) => i.pseudonym)) ?? [],
  };
  expect(published.pseudonyms.length).toBeGreaterThan(0);
}, 60_000);

async function taxiiGet(url: string, bearer: string | null, accept = TAXII) {
  const res = await fetch(url, { headers: { accept, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) } });
  const text = await res.text();
  return { res, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

type Stix = { type: string; id: string } & Record<string, unknown>;

interface Walk {
  objects: Stix[];
  /** Every answer's text, as it came: searched for what must never appear. */
  texts: string[];
  pages: number;
}

/**
 * A TAXII 2.1 client's walk: discovery, the API root of `agency`, its collections, then the
 * collection's objects, `limit` at a time, following `next` (or, with `byAddedAfter`, asking
 * again with added_after set to the page's X-TAXII-Date-Added-Last) until `more` is false.
 */
async function walk(server: string, agency: string, bearer: string, opts: { limit: number; byAddedAfter?: boolean }): Promise<Walk> {
  const texts: string[] = [];
  const discovery = await taxiiGet(new URL('/taxii2/', server).toString(), bearer);
  expect(discovery.res.status).toBe(200);
  expect(discovery.res.headers.get('content-type')).toBe(TAXII);
  const root = (discovery.body.api_roots as string[]).find((u) => u.endsWith(`/taxii2/${agency}/`));
  expect(root).toBeDefined();
  const apiRoot = await taxiiGet(root as string, bearer);
  expect(apiRoot.res.status).toBe(200);
  expect(apiRoot.body.versions).toContain(TAXII);
  const collections = await taxiiGet(new URL('collections/', root).toString(), bearer);
  expect(collections.res.status).toBe(200);
  const [collection] = collections.body.collections as { id: string; can_read: boolean; can_write: boolean; media_types: string[] }[];
  expect(collection).toMatchObject({ can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] });
  const objectsUrl = new URL(`collections/${collection?.id}/objects/`, root);
  const objects: Stix[] = [];
  let query = `limit=${opts.limit}`;
  let pages = 0;
  for (;;) {
    const page = await taxiiGet(`${objectsUrl}?${query}`, bearer);
    expect(page.res.status).toBe(200);
    expect(page.res.headers.get('content-type')).toBe(TAXII);
    texts.push(page.text);
    pages++;
    const got = (page.body.objects as Stix[] | undefined) ?? [];
    objects.push(...got);
    if (got.length > 0) {
      expect(page.res.headers.get('x-taxii-date-added-first')).toMatch(/Z$/);
      expect(page.res.headers.get('x-taxii-date-added-last')).toMatch(/Z$/);
    }
    if (page.body.more !== true) break;
    if (opts.byAddedAfter) query = `limit=${opts.limit}&added_after=${page.res.headers.get('x-taxii-date-added-last')}`;
    else query = `limit=${opts.limit}&next=${encodeURIComponent(page.body.next as string)}`;
    expect(pages).toBeLessThan(100);
  }
  return { objects, texts, pages };
}

const reports = (w: Walk) => w.objects.filter((o) => o.type === 'report');
const alertIdsIn = (w: Walk) =>
  reports(w)
    .map((r) => ((r.extensions as Record<string, { alert_id: string }>)[EXTENSION] as { alert_id: string }).alert_id)
    .sort();

/** Everything that must never leave: raw identifiers (as typed and compacted), pseudonyms, the case reference. */
function forbiddenIn(text: string): string[] {
  const raw = [RAW.documentNumber, RAW.holderName, 'Okonkwo', RAW.phone, RAW.phone.replace(/\D/g, ''), RAW.handle, 'lampedusa_express'];
  return [...raw, ...published.pseudonyms, CASE_REFERENCE].filter((f) => text.toLowerCase().includes(f.toLowerCase()));
}

/** The objects an object refers to: its object_refs, markings and author. */
function refsOf(o: Stix): string[] {
  return [
    ...((o.object_refs as string[] | undefined) ?? []),
    ...((o.object_marking_refs as string[] | undefined) ?? []),
    ...(typeof o.created_by_ref === 'string' ? [o.created_by_ref] : []),
  ];
}

function expectValidStix(objects: Stix[]): void {
  const stix = stixValidator();
  // The validator refuses what the OASIS schemas refuse (a report must refer to something).
  const report = objects.find((o) => o.type === 'report');
  expect(stix.problems({ ...report, object_refs: [] }).length).toBeGreaterThan(0);
  const invalid = objects.map((o) => ({ id: o.id, problems: stix.problems(o) })).filter((o) => o.problems.length > 0);
  expect(invalid).toEqual([]);
  for (const r of objects.filter((o) => o.type === 'report')) {
    expect(stix.against(CORRIDOR_EXTENSION_SCHEMA, (r.extensions as Record<string, unknown>)[EXTENSION])).toEqual([]);
  }
  // Every reference points at an object the collection holds (or a TLP marking it carries).
  const ids = new Set(objects.map((o) => o.id));
  const refs = objects.flatMap(refsOf);
  expect(refs.filter((r) => !ids.has(r))).toEqual([]);
}

describe('TAXII 2.1 at the node', () => {
  it('serves its own officers every CLEAR and GREEN alert as valid STIX 2.1, never AMBER or RED, never an identifier', async () => {
    const italy = file.net.nodes['it-polfr']?.url as string;
    const w = await walk(base(italy), 'it-polfr', await token('it-polfr-officer'), { limit: 7 });
    expect(w.pages).toBeGreaterThan(2);
    expectValidStix(w.objects);
    const exportable = [published.byTlp.CLEAR, published.byTlp.GREEN, published.fraud, ...published.batch].sort();
    expect(alertIdsIn(w)).toEqual(exportable);
    // Each object once, the shared ones (identities, extension, TLP markings) first.
    expect(new Set(w.objects.map((o) => o.id)).size).toBe(w.objects.length);
    expect(w.objects.slice(0, 5).map((o) => o.type)).toEqual([
      'identity',
      'identity',
      'extension-definition',
      'marking-definition',
      'marking-definition',
    ]);
    for (const r of reports(w))
      expect(r.object_marking_refs).toEqual([
        expect.stringMatching(/^marking-definition--(94868c89-83c2-464b-929b-a1a8aa3c8487|bab4a63c-aed9-4cf5-a766-dfca5abac2bb)$/),
      ]);
    const green = reports(w).find((r) => alertIdsIn({ ...w, objects: [r] })[0] === published.byTlp.GREEN);
    expect(green?.object_marking_refs).toEqual(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb']);
    // Waypoints as locations, with their coordinates (kept to 0.01°), in route order.
    const locations = ((green?.object_refs as string[] | undefined) ?? []).map((id) => w.objects.find((o) => o.id === id));
    expect(locations.map((l) => [l?.country, l?.name, l?.latitude, l?.longitude])).toEqual([
      ['LY', 'Zuwara', 32.93, 12.08],
      ['IT', 'Lampedusa', 35.5, 12.6],
    ]);
    expect(w.texts.flatMap(forbiddenIn)).toEqual([]);
  });

  it('pages with added_after alone (the last date added of each page) and misses nothing stored at one moment', async () => {
    const italy = file.net.nodes['it-polfr']?.url as string;
    const bearer = await token('it-polfr-officer');
    const byNext = await walk(base(italy), 'it-polfr', bearer, { limit: 20 });
    const byDate = await walk(base(italy), 'it-polfr', bearer, { limit: 20, byAddedAfter: true });
    expect(byDate.pages).toBeGreaterThan(1);
    // The batch was stored at one moment (a report's version is when its revision was stored): a
    // page boundary inside it would lose alerts to a client paging by added_after.
    const batchVersions = reports(byDate)
      .filter((r) => published.batch.includes(alertIdsIn({ ...byDate, objects: [r] })[0] as string))
      .map((r) => r.modified);
    expect(batchVersions).toHaveLength(published.batch.length);
    expect(new Set(batchVersions).size).toBe(1);
    expect(byDate.objects.map((o) => o.id)).toEqual(byNext.objects.map((o) => o.id));
    // Exported again, the same alert has the same ids and version: a tool updates, never duplicates.
    const again = await walk(base(italy), 'it-polfr', bearer, { limit: 1000 });
    expect(again.objects).toEqual(byNext.objects);
  });

  it('refuses without a token (401), a non-TAXII Accept (406) and a write where TAXII defines none (405), and answers the manifest alike', async () => {
    const italy = base(file.net.nodes['it-polfr']?.url as string);
    const bearer = await token('it-polfr-officer');
    const none = await taxiiGet(new URL('/taxii2/', italy).toString(), null);
    expect(none.res.status).toBe(401);
    expect(none.body).toMatchObject({ http_status: '401' });
    // A partner's officer's own token is not for Italy's node: only a token delegated to it is.
    expect((await taxiiGet(new URL('/taxii2/', italy).toString(), await token('ng-nis-officer'))).res.status).toBe(401);
    expect((await taxiiGet(new URL('/taxii2/', italy).toString(), bearer, 'text/html')).res.status).toBe(406);
    expect((await taxiiGet(new URL('/taxii2/', italy).toString(), bearer, 'application/taxii+json;version=2.0')).res.status).toBe(406);
    const post = await fetch(new URL('/taxii2/it-polfr/collections/', italy), {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, accept: TAXII, 'content-type': TAXII },
      body: JSON.stringify({ objects: [] }),
    });
    expect(post.status).toBe(405);
    const bad = await taxiiGet(new URL('/taxii2/it-polfr/collections/', italy).toString(), bearer);
    const id = (bad.body.collections as { id: string }[])[0]?.id;
    const refused = await taxiiGet(new URL(`/taxii2/it-polfr/collections/${id}/objects/?added_after=yesterday`, italy).toString(), bearer);
    expect(refused.res.status).toBe(400);
    expect(refused.body.description).toMatch(/added_after/);
    const manifest = await taxiiGet(new URL(`/taxii2/it-polfr/collections/${id}/manifest/?limit=1000`, italy).toString(), bearer);
    expect(manifest.res.status).toBe(200);
    const entries = manifest.body.objects as { id: string; date_added: string; version: string; media_type: string }[];
    expect(entries.filter((e) => e.id.startsWith('report--'))).toHaveLength(3 + published.batch.length);
    expect(entries.every((e) => e.media_type === 'application/stix+json;version=2.1' && /Z$/.test(e.date_added))).toBe(true);
  });
});

describe('TAXII 2.1 through the gateway', () => {
  it('lists every agency’s API root and walks Italy’s for Nigeria’s officer with a token delegated to Italy’s node', async () => {
    const discovery = await taxiiGet(new URL('/taxii2/', base(file.net.gatewayUrl)).toString(), await token('ng-nis-officer'));
    expect((discovery.body.api_roots as string[]).map((u) => new URL(u).pathname).sort()).toEqual(
      AGENCIES.map((a) => `/taxii2/${a.id}/`).sort(),
    );
    const w = await walk(base(file.net.gatewayUrl), 'it-polfr', await token('ng-nis-officer'), { limit: 10 });
    expectValidStix(w.objects);
    expect(alertIdsIn(w)).toEqual([published.byTlp.CLEAR, published.byTlp.GREEN, published.fraud, ...published.batch].sort());
    expect(w.texts.flatMap(forbiddenIn)).toEqual([]);
    // Nigeria was a recipient of the AMBER alert, and still: TLP:AMBER never leaves for a tool.
    expect(alertIdsIn(w)).not.toContain(published.byTlp.AMBER);
  });

  it('gives Niger’s officer only what Italy’s policy releases to Niger, and Italy’s audit records each release', async () => {
    const w = await walk(base(file.net.gatewayUrl), 'it-polfr', await token('ne-ppn-officer'), { limit: 50 });
    expectValidStix(w.objects);
    expect(alertIdsIn(w)).toEqual([published.byTlp.CLEAR, published.byTlp.GREEN, ...published.batch].sort());
    const admin = await token('it-polfr-admin');
    const audited = await eventually(async () => {
      const r = await gql<{ auditLog: { channel: string; agency: string; items: string[] }[] }>(
        file.net.gatewayUrl,
        admin,
        '{ auditLog(limit: 500) { channel agency items } }',
      );
      const toNiger = (r.data?.auditLog ?? [])
        .filter((row) => row.channel === 'query' && row.agency === 'ne-ppn')
        .flatMap((row) => row.items);
      return toNiger.includes(`${published.byTlp.GREEN}@1`) ? toNiger : null;
    });
    expect(audited).not.toContain(`${published.fraud}@1`);
  });

  it('refuses without a token or a write where TAXII defines none (405), and answers an unknown or garbled API root 404', async () => {
    const gateway = base(file.net.gatewayUrl);
    expect((await taxiiGet(new URL('/taxii2/', gateway).toString(), null)).res.status).toBe(401);
    expect((await taxiiGet(new URL('/taxii2/it-polfr/collections/', gateway).toString(), null)).res.status).toBe(401);
    const bearer = await token('ng-nis-officer');
    expect((await taxiiGet(new URL('/taxii2/xx-none/', gateway).toString(), bearer)).res.status).toBe(404);
    // The extension is published for anyone, byte for byte what the collection carries.
    const definition = await fetch(new URL('/stix/extension-definition.json', gateway));
    expect(definition.status).toBe(200);
    expect(((await definition.json()) as { id: string }).id).toBe(EXTENSION);
    const schema = await fetch(new URL('/stix/corridor-extension.schema.json', base(file.net.nodes['ne-ppn']?.url as string)));
    expect(await schema.json()).toEqual(CORRIDOR_EXTENSION_SCHEMA);
    const broken = await taxiiGet(new URL('/taxii2/%E0%A4%A/collections/', gateway).toString(), bearer);
    expect(broken.res.status).toBe(404);
    expect(broken.body).toMatchObject({ http_status: '404' });
    const post = await fetch(new URL('/taxii2/it-polfr/collections/', gateway), {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}`, accept: TAXII, 'content-type': TAXII },
      body: '{}',
    });
    expect(post.status).toBe(405);
  });
});

describe('TAXII 2.1: one object, its versions, the filters', () => {
  /** A client's way to its collection: discovery → API root → collections (the first). */
  async function collectionOf(server: string, bearer: string): Promise<string> {
    const discovery = await taxiiGet(new URL('/taxii2/', server).toString(), bearer);
    const root = (discovery.body.api_roots as string[]).find((u) => u.endsWith('/taxii2/it-polfr/')) as string;
    const collections = await taxiiGet(new URL('collections/', root).toString(), bearer);
    return new URL(`collections/${(collections.body.collections as { id: string }[])[0]?.id}/`, root).toString();
  }

  const servers = () => [
    { name: "Italy's node, Italy's officer", server: base(file.net.nodes['it-polfr']?.url as string), user: 'it-polfr-officer' },
    { name: "the gateway, Nigeria's officer", server: base(file.net.gatewayUrl), user: 'ng-nis-officer' },
  ];

  it('finds an object in the manifest, gets it and its versions, and filters by id, type, version and spec version', async () => {
    for (const { name, server, user } of servers()) {
      const bearer = await token(user);
      const collection = await collectionOf(server, bearer);
      const manifest = await taxiiGet(`${collection}manifest/?match[type]=report,location&limit=1000`, bearer);
      expect(manifest.res.status, name).toBe(200);
      const entries = manifest.body.objects as { id: string; date_added: string; version: string }[];
      const green = entries.find((e) => e.id === alertReportId(published.byTlp.GREEN));
      expect(green, name).toBeDefined();
      if (!green) continue;

      const one = await taxiiGet(`${collection}objects/${green.id}/`, bearer);
      expect([name, one.res.status, one.res.headers.get('content-type')]).toEqual([name, 200, TAXII]);
      expect(one.res.headers.get('x-taxii-date-added-first'), name).toBe(green.date_added);
      expect(one.res.headers.get('x-taxii-date-added-last'), name).toBe(green.date_added);
      const [report] = one.body.objects as Stix[];
      expect([report?.id, report?.modified, one.body.more], name).toEqual([green.id, green.version, false]);
      expect(forbiddenIn(one.text), name).toEqual([]);
      // What it refers to (its locations, its author, its marking), what those refer to, and the
      // extension are objects got alike, one by one, as a client resolving references would.
      const referred: Stix[] = [];
      const wanted = [EXTENSION, ...refsOf(report as Stix)];
      for (let ref = wanted.shift(); ref !== undefined; ref = wanted.shift()) {
        if (ref === green.id || referred.some((o) => o.id === ref)) continue;
        const got = await taxiiGet(`${collection}objects/${ref}/`, bearer);
        expect([name, ref, got.res.status]).toEqual([name, ref, 200]);
        const [object] = (got.body.objects as Stix[] | undefined) ?? [];
        expect(object?.id).toBe(ref);
        referred.push(object as Stix);
        wanted.push(...refsOf(object as Stix));
      }
      expect(referred.filter((o) => o.type === 'location')).toHaveLength(2);
      expectValidStix([report as Stix, ...referred]);

      const versions = await taxiiGet(`${collection}objects/${green.id}/versions/`, bearer);
      expect([name, versions.res.status, versions.body]).toEqual([name, 200, { more: false, versions: [green.version] }]);
      expect(versions.res.headers.get('x-taxii-date-added-last'), name).toBe(green.date_added);

      // One version is held (the current): first, last, all and its timestamp name it; another time, nothing.
      const objectsOf = async (query: string) => {
        const r = await taxiiGet(`${collection}objects/${green.id}/?${query}`, bearer);
        expect([name, query, r.res.status]).toEqual([name, query, 200]);
        return ((r.body.objects as Stix[] | undefined) ?? []).map((o) => o.id);
      };
      for (const v of ['first', 'last', 'all', green.version, `2001-01-01T00:00:00.000Z,${green.version}`])
        expect(await objectsOf(`match[version]=${v}`), `${name}: ${v}`).toEqual([green.id]);
      expect(await objectsOf('match[version]=2001-01-01T00:00:00.000Z'), name).toEqual([]);
      expect(await objectsOf('match[spec_version]=2.1'), name).toEqual([green.id]);
      expect(await objectsOf('match[spec_version]=2.0'), name).toEqual([]);
      expect(await objectsOf(`added_after=${green.date_added}`), name).toEqual([]);

      // On the whole collection: match[id] takes a list; match[version] and match[spec_version] filter alike.
      const clear = alertReportId(published.byTlp.CLEAR);
      const byId = await taxiiGet(`${collection}objects/?match[id]=${green.id},${clear}&limit=1000`, bearer);
      expect(((byId.body.objects as Stix[]) ?? []).map((o) => o.id).sort(), name).toEqual([green.id, clear].sort());
      const byIdManifest = await taxiiGet(
        `${collection}manifest/?match[id]=${green.id}&match[version]=${green.version}&limit=1000`,
        bearer,
      );
      expect(
        (byIdManifest.body.objects as { id: string }[]).map((o) => o.id),
        name,
      ).toEqual([green.id]);
      const none = await taxiiGet(`${collection}objects/?match[spec_version]=2.0&limit=1000`, bearer);
      expect([name, none.res.status, none.body.objects]).toEqual([name, 200, undefined]);
    }
  });

  it('answers an AMBER, RED, withheld or unknown object 404 in the error envelope, a wrong filter 400 naming it, a write 403, a non-TAXII Accept 406', async () => {
    for (const { name, server, user } of servers()) {
      const bearer = await token(user);
      const collection = await collectionOf(server, bearer);
      // Nigeria was a recipient of the AMBER alert, and still: TLP:AMBER never leaves for a tool.
      for (const id of [
        alertReportId(published.byTlp.AMBER),
        alertReportId(published.byTlp.RED),
        'report--00000000-0000-4000-8000-000000000000',
        'not-an-id',
      ]) {
        for (const path of [`objects/${id}/`, `objects/${id}/versions/`]) {
          const r = await taxiiGet(`${collection}${path}`, bearer);
          expect([name, path, r.res.status, r.res.headers.get('content-type')]).toEqual([name, path, 404, TAXII]);
          expect(r.body, `${name} ${path}`).toEqual({ title: 'Not found', description: expect.any(String), http_status: '404' });
          expect(forbiddenIn(r.text)).toEqual([]);
        }
      }
      const green = alertReportId(published.byTlp.GREEN);
      for (const [query, parameter] of [
        ['match[version]=yesterday', 'match[version]'],
        ['match[spec_version]=latest', 'match[spec_version]'],
        ['added_after=yesterday', 'added_after'],
        ['limit=0', 'limit'],
        ['next=abc', 'next'],
      ] as const) {
        const r = await taxiiGet(`${collection}objects/${green}/?${query}`, bearer);
        expect([name, query, r.res.status, r.body.http_status]).toEqual([name, query, 400, '400']);
        expect(r.body.description, `${name} ${query}`).toMatch(new RegExp(`^${parameter.replace(/[[\]]/g, '\\$&')} `));
      }
      const badId = await taxiiGet(`${collection}objects/?match[id]=report`, bearer);
      expect([name, badId.res.status, badId.body.description]).toEqual([name, 400, expect.stringMatching(/^match\[id\] /)]);

      const write = (method: string, path: string) =>
        fetch(`${collection}${path}`, {
          method,
          headers: { authorization: `Bearer ${bearer}`, accept: TAXII, 'content-type': TAXII },
          ...(method === 'POST' ? { body: JSON.stringify({ objects: [] }) } : {}),
        });
      for (const [method, path] of [
        ['POST', 'objects/'],
        ['DELETE', `objects/${green}/`],
      ] as const) {
        const r = await write(method, path);
        expect([name, method, r.status, await r.json()]).toEqual([name, method, 403, expect.objectContaining({ http_status: '403' })]);
      }
      const still = await taxiiGet(`${collection}objects/${green}/`, bearer);
      expect([name, still.res.status], 'the object is still there').toEqual([name, 200]);
      const html = await taxiiGet(`${collection}objects/${green}/`, bearer, 'text/html');
      expect([name, html.res.status, html.body.http_status]).toEqual([name, 406, '406']);
    }
  });

  it('gives Niger’s officer, through the gateway, a GREEN object and not the document-fraud one Italy’s policy withholds from Niger', async () => {
    const bearer = await token('ne-ppn-officer');
    const collection = await collectionOf(base(file.net.gatewayUrl), bearer);
    expect((await taxiiGet(`${collection}objects/${alertReportId(published.byTlp.GREEN)}/`, bearer)).res.status).toBe(200);
    const withheld = await taxiiGet(`${collection}objects/${alertReportId(published.fraud)}/`, bearer);
    expect([withheld.res.status, withheld.body.http_status]).toEqual([404, '404']);
    // Italy's officer has it: the 404 is the policy's, not a missing object.
    const italy = await token('it-polfr-officer');
    const own = await collectionOf(base(file.net.nodes['it-polfr']?.url as string), italy);
    expect((await taxiiGet(`${own}objects/${alertReportId(published.fraud)}/`, italy)).res.status).toBe(200);
  });
});

describe('MISP feed', () => {
  async function pull(url: string, bearer: string | null) {
    const res = await fetch(url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    const text = await res.text();
    return { res, text, body: res.ok ? (JSON.parse(text) as Record<string, unknown>) : null };
  }

  /** What MISP does with a feed: the manifest, then each event it lists. */
  async function pullFeed(feed: string, bearer: string) {
    const manifest = await pull(new URL('manifest.json', feed).toString(), bearer);
    expect(manifest.res.status).toBe(200);
    const texts = [manifest.text];
    const events: { uuid: string; Tag: { name: string }[]; Attribute: unknown[]; Object: { name: string }[]; info: string }[] = [];
    for (const uuid of Object.keys(manifest.body ?? {})) {
      const e = await pull(new URL(`${uuid}.json`, feed).toString(), bearer);
      expect(e.res.status).toBe(200);
      texts.push(e.text);
      events.push((e.body as { Event: (typeof events)[number] }).Event);
    }
    return { manifest: manifest.body as Record<string, { Tag: { name: string }[]; timestamp: string }>, events, texts };
  }

  it('lists only released CLEAR and GREEN events, each parsing with its TLP tag and its waypoints as geolocation objects', async () => {
    const feed = await pullFeed(new URL('/misp/it-polfr/', base(file.net.gatewayUrl)).toString(), await token('ng-nis-officer'));
    expect(Object.keys(feed.manifest).sort()).toEqual(
      [published.byTlp.CLEAR, published.byTlp.GREEN, published.fraud, ...published.batch].sort(),
    );
    for (const e of feed.events) {
      expect(e.Tag.map((t) => t.name).filter((n) => n.startsWith('tlp:'))).toEqual([
        e.uuid === published.byTlp.CLEAR ? 'tlp:clear' : 'tlp:green',
      ]);
      expect(feed.manifest[e.uuid]?.Tag).toEqual(e.Tag);
    }
    const green = feed.events.find((e) => e.uuid === published.byTlp.GREEN);
    expect(green?.Object.map((o) => o.name)).toEqual(['geolocation', 'geolocation']);
    expect(feed.texts.flatMap(forbiddenIn)).toEqual([]);
  });

  it('gives Niger only what Italy’s policy releases to it, at the gateway and never directly', async () => {
    const feed = await pullFeed(new URL('/misp/it-polfr/', base(file.net.gatewayUrl)).toString(), await token('ne-ppn-officer'));
    expect(Object.keys(feed.manifest).sort()).toEqual([published.byTlp.CLEAR, published.byTlp.GREEN, ...published.batch].sort());
    const direct = await pull(new URL(`/misp/${published.fraud}.json`, base(file.net.nodes['it-polfr']?.url as string)).toString(), null);
    expect(direct.res.status).toBe(401);
    const withheld = await pull(
      new URL(`/misp/it-polfr/${published.fraud}.json`, base(file.net.gatewayUrl)).toString(),
      await token('ne-ppn-officer'),
    );
    expect(withheld.res.status).toBe(404);
    const amber = await pull(
      new URL(`/misp/it-polfr/${published.byTlp.AMBER}.json`, base(file.net.gatewayUrl)).toString(),
      await token('ng-nis-officer'),
    );
    expect(amber.res.status).toBe(404);
    expect((await pull(new URL('/misp/it-polfr/manifest.json', base(file.net.gatewayUrl)).toString(), null)).res.status).toBe(401);
  });
});

describe('an amendment and a withdrawal', () => {
  it('come to a polling tool as new versions after the last date it saw: amended in place, then revoked', async () => {
    const italy = base(file.net.nodes['it-polfr']?.url as string);
    const bearer = await token('it-polfr-officer');
    const collections = await taxiiGet(new URL('/taxii2/it-polfr/collections/', italy).toString(), bearer);
    const objectsUrl = new URL(`/taxii2/it-polfr/collections/${(collections.body.collections as { id: string }[])[0]?.id}/objects/`, italy);
    const seen = await taxiiGet(`${objectsUrl}?limit=1000`, bearer);
    const lastSeen = seen.res.headers.get('x-taxii-date-added-last') as string;
    const before = (seen.body.objects as Stix[]).find(
      (o) => o.type === 'report' && alertIdsIn({ objects: [o], texts: [], pages: 1 })[0] === published.byTlp.CLEAR,
    );

    const officer = await token('it-polfr-officer');
    const amended = await gql(
      file.net.gatewayUrl,
      officer,
      'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input, revision: 1) { id revision } }',
      { id: published.byTlp.CLEAR, input: routeAlert({ tlp: 'CLEAR', summary: 'Departures moved from Zuwara to Sabratha at night' }) },
    );
    expect(amended.errors).toBeUndefined();
    const news = await taxiiGet(`${objectsUrl}?added_after=${lastSeen}`, bearer);
    const reportsNow = ((news.body.objects as Stix[] | undefined) ?? []).filter((o) => o.type === 'report');
    expect(
      reportsNow.map((r) => [r.id, r.description, (r.extensions as Record<string, { revision: number }>)[EXTENSION]?.revision]),
    ).toEqual([[before?.id, 'Departures moved from Zuwara to Sabratha at night', 2]]);
    expect(Date.parse(reportsNow[0]?.modified as string)).toBeGreaterThan(Date.parse(before?.modified as string));
    expect(reportsNow[0]?.created).toBe(before?.created);
    // The collection holds the current version only: what the amendment corrected is not kept readable.
    const versions = await taxiiGet(`${objectsUrl}${before?.id}/versions/`, bearer);
    expect(versions.body).toEqual({ more: false, versions: [reportsNow[0]?.modified] });

    const withdrawn = await gql(
      file.net.gatewayUrl,
      officer,
      'mutation($id: ID!) { withdrawAlert(id: $id, reason: "The route closed after the storm season", revision: 2) { id } }',
      { id: published.byTlp.CLEAR },
    );
    expect(withdrawn.errors).toBeUndefined();
    const last = await taxiiGet(`${objectsUrl}?added_after=${news.res.headers.get('x-taxii-date-added-last')}`, bearer);
    const revoked = ((last.body.objects as Stix[] | undefined) ?? []).filter((o) => o.type === 'report');
    expect(revoked.map((r) => [r.id, r.revoked])).toEqual([[before?.id, true]]);
    expectValidStix([...(seen.body.objects as Stix[]), ...revoked]);
    // The reason is the agency's own words to its partners: it does not go to a tool.
    expect(last.text).not.toContain('storm season');
    // MISP sees the same event again, later, tagged withdrawn.
    const misp = await fetch(new URL(`/misp/${published.byTlp.CLEAR}.json`, italy), { headers: { authorization: `Bearer ${bearer}` } });
    const event = ((await misp.json()) as { Event: { Tag: { name: string }[]; timestamp: string } }).Event;
    expect(event.Tag.map((t) => t.name)).toContain('corridor:status="withdrawn"');
  });
});

describe('an object its alert no longer makes', () => {
  it('is 404 once an amendment drops the waypoint it was, though it was served before', async () => {
    const alertId = published.batch[0] as string;
    const italy = base(file.net.nodes['it-polfr']?.url as string);
    const bearer = await token('it-polfr-officer');
    const collections = await taxiiGet(new URL('/taxii2/it-polfr/collections/', italy).toString(), bearer);
    const objects = new URL(`/taxii2/it-polfr/collections/${(collections.body.collections as { id: string }[])[0]?.id}/objects/`, italy);
    const report = await taxiiGet(`${objects}${alertReportId(alertId)}/`, bearer);
    const [lastStop] = (((report.body.objects as Stix[])[0]?.object_refs as string[] | undefined) ?? []).slice(-1);
    expect((await taxiiGet(`${objects}${lastStop}/`, bearer)).res.status).toBe(200);
    const shortened = await gql(
      file.net.gatewayUrl,
      bearer,
      'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input, revision: 1) { id revision } }',
      {
        id: alertId,
        input: routeAlert({
          caseReference: CASE_REFERENCE,
          route: {
            region: 'central-mediterranean',
            waypoints: [
              { country: 'LBY', place: 'Zuwara', mode: 'sea' },
              { country: 'ITA', place: 'Lampedusa', mode: 'sea' },
            ],
          },
        }),
      },
    );
    expect(shortened.errors).toBeUndefined();
    const gone = await taxiiGet(`${objects}${lastStop}/`, bearer);
    expect([gone.res.status, gone.body.http_status]).toEqual([404, '404']);
    const viaGateway = new URL(`${new URL(objects).pathname}${lastStop}/`, base(file.net.gatewayUrl)).toString();
    expect((await taxiiGet(viaGateway, await token('ng-nis-officer'))).res.status).toBe(404);
    // The report itself is still served, at its new version.
    const amended = await taxiiGet(`${objects}${alertReportId(alertId)}/`, bearer);
    expect((amended.body.objects as Stix[])[0]?.object_refs).toHaveLength(2);
  });
});

describe('logs', () => {
  it('hold no raw identifier after all these exports', () => {
    const dir = join(file.net.rootDir, 'logs');
    const logs = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect(logs.length).toBeGreaterThan(0);
    const raw = [RAW.documentNumber, RAW.holderName, RAW.phone, RAW.handle];
    expect(logs.flatMap((text) => raw.filter((r) => text.includes(r)))).toEqual([]);
  });
});
