// Networks and liaison posts as records of the signed membership (issue 17 item 7), through the
// gateway as members use it: the directory of a recorded network is its members' entries, with
// its secretariat and focal points; a release rule by network record reaches members only; a
// liaison post's sending agency receives the host's alerts of the post's route; and a token that
// claims a network its agency is not recorded in gets nothing more for it.

import type { AgencySpec } from '@corridor/deploy';
import type { DirectoryEntryInput, Membership, ReleasePolicyInput } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { directoryEntryOf, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const entry = (agency: string, country: DirectoryEntryInput['country'], name: string, over: Partial<DirectoryEntryInput> = {}) =>
  directoryEntryOf(agency, country, {
    name,
    channels: [{ type: 'email', value: `${name.toLowerCase().replace(/\W+/g, '.')}@${agency}.example.org` }],
    lastVerified: new Date().toISOString().slice(0, 10),
    ...over,
  });

// No entry carries the network as a tag: the record alone says who is in WACAP.
const nigerFocal = entry('ne-ppn', 'NER', 'Aissata Moussa', { roles: ['prosecutor', 'network_focal_point'] });
const nigerDesk = entry('ne-ppn', 'NER', 'Permanence Niamey', { kind: 'desk' });
const nigeriaSecretariat = entry('ng-nis', 'NGA', 'WACAP secretariat desk', { kind: 'desk' });
const nigeriaFocal = entry('ng-nis', 'NGA', 'Anti-smuggling unit Abuja', { kind: 'desk', roles: ['police_investigation'] });
// Italy tags an entry with WACAP itself: no record names Italy, so the tag does not make it a member.
const italyTagged = entry('it-polfr', 'ITA', 'Italian desk tagged wacap', { kind: 'desk', networks: ['wacap'] });
const italyOfficer = entry('it-polfr', 'ITA', 'Marco Bellini', {
  roles: ['liaison_officer'],
  postedIn: 'NER',
  routes: ['central-mediterranean'],
});

const WACAP: NonNullable<Membership['networks']>[number] = {
  id: 'wacap',
  name: 'West African Network of Central Authorities and Prosecutors',
  members: ['ne-ppn', 'ng-nis'],
  secretariat: { agency: 'ng-nis', entry: nigeriaSecretariat.id },
  focalPoints: [
    { agency: 'ne-ppn', entry: nigerFocal.id },
    { agency: 'ng-nis', entry: nigeriaFocal.id },
  ],
};
const POST: NonNullable<Membership['liaisonPosts']>[number] = {
  id: 'it-polfr-niamey',
  sendingAgency: 'it-polfr',
  hostAgency: 'ne-ppn',
  hostCountry: 'NER',
  legalBasis: 'Regulation (EU) 2019/1240 Art. 3',
  routes: ['central-mediterranean'],
  officers: [italyOfficer.id],
};

// Niger releases its directory to WACAP's recorded members, its alerts to them and, for the
// routes of a post it hosts, to the post's sending agency: to nobody else.
const NIGER_POLICY = {
  agency: 'ne-ppn',
  version: 1,
  rules: [
    { id: 'directory-wacap', resource: 'directory_entry', toNetwork: 'wacap' },
    { id: 'alerts-liaison-post', resource: 'alert', viaLiaisonPost: true },
    { id: 'alerts-wacap', resource: 'alert', toNetwork: 'wacap' },
    { id: 'consultations', resource: 'consultation' },
  ],
} satisfies ReleasePolicyInput;

const fixture = useTestNetwork(async () => {
  // Italy's provider puts WACAP in its users' tokens; the membership, once the record is signed,
  // does not grant it.
  const agencies = AGENCIES.map(
    (a): AgencySpec =>
      a.id === 'it-polfr'
        ? { ...a, networks: ['liaison-central-med', 'wacap'] }
        : a.id === 'ne-ppn'
          ? { ...a, releasePolicy: NIGER_POLICY }
          : a,
  );
  const net = await startTestNetwork({
    agencies,
    users: officersAnd(adminOf('ne-ppn', 'Idrissa Maiga')),
    directory: {
      'ne-ppn': [nigerFocal, nigerDesk],
      'ng-nis': [nigeriaSecretariat, nigeriaFocal],
      'it-polfr': [italyTagged, italyOfficer],
    },
  });
  try {
    await net.updateMembership((m) => ({
      ...m,
      agencies: m.agencies.map((a) => (a.id === 'it-polfr' ? { ...a, networks: ['liaison-central-med'] } : a)),
      networks: [WACAP],
      liaisonPosts: [POST],
    }));
    // In force at the gateway, and at every node: a recorded network's filter answers nothing at Italy's.
    const officer = await net.token('ng-nis-officer');
    await eventually(async () => {
      const r = await gql<{ networkRecords: { id: string }[]; directory: { entries: { agency: string }[] } }>(
        net.gatewayUrl,
        officer,
        '{ networkRecords { id } directory(filter: { network: "wacap" }) { entries { agency } } }',
      );
      const agencies = new Set(r.data?.directory.entries.map((e) => e.agency));
      return r.data?.networkRecords.length === 1 && !agencies.has('it-polfr') && agencies.has('ne-ppn');
    }, 30_000);
  } catch (e) {
    await net.stop();
    throw e;
  }
  return net;
}, 150_000);

async function ask<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(fixture.net.gatewayUrl, await fixture.net.token(user), query, variables);
}

type Entry = { id: string; agency: string; name: string; channels: { type: string; value: string }[] };
const ENTRY = 'id agency name channels { type value }';

async function directory(user: string, filter: Record<string, unknown>): Promise<Entry[]> {
  const r = await ask<{ directory: { entries: Entry[] } }>(
    user,
    `query($f: DirectoryFilterInput) { directory(filter: $f) { entries { ${ENTRY} } } }`,
    { f: filter },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.directory.entries ?? [];
}
const idsOf = (entries: { id: string }[]) => entries.map((e) => e.id).sort();

describe('the directory of a recorded network', () => {
  it('lists exactly its members’ entries, whatever the entries’ own tags, and shows its secretariat and focal points with their contact', async () => {
    expect(idsOf(await directory('ng-nis-officer', { network: 'wacap' }))).toEqual(
      idsOf([nigerFocal, nigerDesk, nigeriaSecretariat, nigeriaFocal]),
    );

    const r = await ask<{
      networkRecords: {
        id: string;
        name: string;
        members: { id: string; name: string }[];
        secretariat: { agency: { id: string }; entry: string };
        focalPoints: { agency: { id: string }; entry: string }[];
      }[];
    }>(
      'ng-nis-officer',
      '{ networkRecords { id name members { id name } secretariat { agency { id } entry } focalPoints { agency { id } entry } } }',
    );
    expect(r.errors).toBeUndefined();
    const [wacap] = r.data?.networkRecords ?? [];
    expect(wacap?.members.map((m) => m.id)).toEqual(['ne-ppn', 'ng-nis']);
    expect(wacap?.secretariat).toEqual({ agency: { id: 'ng-nis' }, entry: nigeriaSecretariat.id });
    // The console reaches the secretariat and the focal points through the directory, under each agency's policy.
    const named = [wacap?.secretariat.entry, ...(wacap?.focalPoints.map((f) => f.entry) ?? [])];
    const contacts = await directory('ng-nis-officer', { ids: named });
    expect(idsOf(contacts)).toEqual(idsOf([nigeriaSecretariat, nigerFocal, nigeriaFocal]));
    expect(contacts.find((e) => e.id === nigerFocal.id)?.channels).toEqual([{ type: 'email', value: 'aissata.moussa@ne-ppn.example.org' }]);
  });

  it('lists a liaison post’s officers with the post’s legal basis and route, and refuses, naming the field, a post no record has', async () => {
    expect(idsOf(await directory('ng-nis-officer', { liaisonPost: 'it-polfr-niamey' }))).toEqual([italyOfficer.id]);
    const posts = await ask<{ liaisonPosts: unknown[] }>(
      'ng-nis-officer',
      '{ liaisonPosts { id sendingAgency { id } hostAgency { id } hostCountry legalBasis routes officers } }',
    );
    expect(posts.data?.liaisonPosts).toEqual([
      {
        id: 'it-polfr-niamey',
        sendingAgency: { id: 'it-polfr' },
        hostAgency: { id: 'ne-ppn' },
        hostCountry: 'NER',
        legalBasis: 'Regulation (EU) 2019/1240 Art. 3',
        routes: ['central-mediterranean'],
        officers: [italyOfficer.id],
      },
    ]);
    const bad = await ask('ng-nis-officer', '{ directory(filter: { liaisonPost: "nowhere" }) { total } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'liaisonPost', message: 'names no liaison post of the membership (nowhere)' }],
    });
  });
});

describe('a token claiming a network its agency is not recorded in', () => {
  it('is bound to the record: `me` drops the network, and the network’s rule releases nothing to it', async () => {
    const token = await fixture.net.token('it-polfr-officer');
    const claimed = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as { networks: string[] };
    expect(claimed.networks).toContain('wacap');
    const me = await ask<{ me: { networks: string[] } }>('it-polfr-officer', '{ me { networks } }');
    expect(me.data?.me.networks).toEqual(['liaison-central-med']);

    // Nigeria's officer, whose agency the record names, sees Niger's entries; Italy's sees none.
    expect((await directory('ng-nis-officer', {})).filter((e) => e.agency === 'ne-ppn')).toHaveLength(2);
    expect((await directory('it-polfr-officer', {})).filter((e) => e.agency === 'ne-ppn')).toEqual([]);
    expect(idsOf(await directory('it-polfr-officer', { network: 'wacap' }))).toEqual(idsOf([nigeriaSecretariat, nigeriaFocal]));
  });
});

describe('release rules by network record and by liaison post', () => {
  async function publishFromNiger(region: string): Promise<string> {
    const input = routeAlert({ summary: `Departures watched on the ${region} route` });
    if (input.kind === 'route' && input.route) input.route = { ...input.route, region: region as never };
    const r = await ask<{ publishAlert: { id: string } }>(
      'ne-ppn-officer',
      'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      { input },
    );
    expect(r.errors).toBeUndefined();
    return r.data?.publishAlert.id as string;
  }
  const seenBy = async (user: string) => {
    const r = await ask<{ alerts: { alerts: { id: string }[] } }>(user, '{ alerts(limit: 200) { alerts { id } } }');
    expect(r.errors).toBeUndefined();
    return r.data?.alerts.alerts.map((a) => a.id) ?? [];
  };
  const receivedAt = async (agency: string) => {
    const r = await gql<{ alerts: { id: string }[] }>(
      fixture.net.nodes[agency]?.url as string,
      await fixture.net.token(`${agency}-officer`),
      '{ alerts(scope: RECEIVED, limit: 200) { id } }',
    );
    return r.data?.alerts.map((a) => a.id) ?? [];
  };

  it('sends a WACAP alert to WACAP’s members only, and the post’s route to the post’s sending agency under its legal basis', async () => {
    const centralMed = await publishFromNiger('central-mediterranean');
    const balkans = await publishFromNiger('western-balkans');

    // On the bus: Nigeria (a member) receives both; Italy only the route its officer is posted on.
    await eventually(async () => {
      const ids = await receivedAt('ng-nis');
      return ids.includes(centralMed) && ids.includes(balkans);
    });
    await eventually(async () => (await receivedAt('it-polfr')).includes(centralMed));
    expect(await receivedAt('it-polfr')).not.toContain(balkans);

    // Answers to users follow the same rules.
    expect(await seenBy('ng-nis-officer')).toEqual(expect.arrayContaining([centralMed, balkans]));
    const italian = await seenBy('it-polfr-officer');
    expect(italian).toContain(centralMed);
    expect(italian).not.toContain(balkans);

    // Niger's audit names the rule and the post the release to Italy rests on.
    const rows = await eventually(async () => {
      const r = await ask<{ auditLog: { channel: string; agency: string; items: string[]; rule: string }[] }>(
        'ne-ppn-admin',
        '{ auditLog(limit: 500) { channel agency items rule } }',
      );
      const bus = r.data?.auditLog.filter((row) => row.channel === 'bus' && row.items.some((i) => i.startsWith(centralMed))) ?? [];
      return bus.length >= 2 ? bus : null;
    });
    expect(rows.map((r) => [r.agency, r.rule, r.items.slice(1)]).sort()).toEqual([
      ['it-polfr', 'alerts-liaison-post', ['liaison-post:it-polfr-niamey']],
      ['ng-nis', 'alerts-wacap', []],
    ]);
  });

  it('says before publishing which partner receives under the post, citing its legal basis', async () => {
    const r = await ask<{ releasePreview: { agency: string; receives: boolean; rule: string | null; legalBasis: string | null }[] }>(
      'ne-ppn-officer',
      'query($input: AlertInput!) { releasePreview(input: $input) { agency receives rule legalBasis } }',
      { input: routeAlert() },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.releasePreview).toEqual([
      { agency: 'it-polfr', receives: true, rule: 'alerts-liaison-post', legalBasis: 'Regulation (EU) 2019/1240 Art. 3' },
      { agency: 'ng-nis', receives: true, rule: 'alerts-wacap', legalBasis: null },
    ]);
  });
});
