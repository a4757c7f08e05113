import { beforeAll, describe, expect, it } from 'vitest';
import { mapClaims } from './claim-mapping.js';
import { type Membership, membership } from './membership.js';
import { directoryScope, liaisonPostsAt, recordedNetworksOf } from './network-records.js';
import { decideRelease, type Receiver, type ReleaseItem, releasePolicy } from './release-policy.js';
import { keyPair, signingMembership } from './testing/signing-members.js';

const FOCAL_NE = '0b4a1d6e-1c1a-4c55-9d0e-3f0a4e0b5a01';
const SECRETARIAT = '0b4a1d6e-1c1a-4c55-9d0e-3f0a4e0b5a02';
const OFFICER = '0b4a1d6e-1c1a-4c55-9d0e-3f0a4e0b5a03';

let BASE: Membership;
beforeAll(async () => {
  const pub = (await keyPair('k')).pub;
  BASE = signingMembership([
    { id: 'ne-ppn', country: 'NER', pub },
    { id: 'ng-naptip', country: 'NGA', pub },
    { id: 'it-polfr', country: 'ITA', pub },
    { id: 'fr-ocriest', country: 'FRA', pub },
  ]);
  // signingMembership's agencies share one issuer; the records do not care which.
  BASE.agencies.forEach((a, i) => {
    a.tokenIssuer = { ...a.tokenIssuer, issuer: `issuer-${i}` };
  });
});

const WACAP = {
  id: 'wacap',
  name: 'West African Network of Central Authorities and Prosecutors',
  members: ['ne-ppn', 'ng-naptip'],
  secretariat: { agency: 'ng-naptip', entry: SECRETARIAT },
  focalPoints: [{ agency: 'ne-ppn', entry: FOCAL_NE }],
};
const POST = {
  id: 'it-ne-niamey',
  sendingAgency: 'it-polfr',
  hostAgency: 'ne-ppn',
  hostCountry: 'NER',
  legalBasis: 'Regulation (EU) 2019/1240 Art. 3',
  routes: ['central-mediterranean'],
  officers: [OFFICER],
};
const withRecords = (extra: object) => ({ ...BASE, ...extra });
const issuesOf = (doc: unknown) => {
  const r = membership.safeParse(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('networks and liaison posts in the signed membership', () => {
  it('are optional: a membership without them still validates, its agencies in no network', () => {
    const m = membership.parse(BASE);
    expect(m.networks).toBeUndefined();
    expect(m.agencies.every((a) => a.networks.length === 0)).toBe(true);
  });

  it('put each member agency of a recorded network in it, and no one else', () => {
    const m = membership.parse(withRecords({ networks: [WACAP], liaisonPosts: [POST] }));
    expect(m.agencies.map((a) => [a.id, a.networks])).toEqual([
      ['ne-ppn', ['wacap']],
      ['ng-naptip', ['wacap']],
      ['it-polfr', []],
      ['fr-ocriest', []],
    ]);
    expect(recordedNetworksOf(m, 'ne-ppn')).toEqual(['wacap']);
    expect(liaisonPostsAt(m, 'ne-ppn', 'it-polfr').map((p) => p.id)).toEqual(['it-ne-niamey']);
    expect(liaisonPostsAt(m, 'it-polfr', 'ne-ppn')).toEqual([]);
  });

  it('refuse, naming the field, members and focal points that are not members, a post sent to its own agency and an agency claiming a recorded network', () => {
    const agencies = BASE.agencies.map((a) => (a.id === 'fr-ocriest' ? { ...a, networks: ['wacap'] } : a));
    expect(
      issuesOf({
        ...BASE,
        agencies,
        networks: [
          { ...WACAP, members: ['ne-ppn', 'xx-nobody'], focalPoints: [{ agency: 'it-polfr', entry: FOCAL_NE }] },
          { id: 'wacap', name: 'again', members: ['ne-ppn'] },
        ],
        liaisonPosts: [{ ...POST, hostAgency: 'it-polfr', hostCountry: 'ITA' }],
      }),
    ).toEqual([
      'networks.0.members.1: xx-nobody is not a member agency',
      'networks.0.focalPoints.0.agency: it-polfr is not a member of network wacap',
      'networks.1.id: network wacap is recorded twice',
      'agencies.3.networks.0: network wacap is recorded and does not list fr-ocriest among its members',
      'liaisonPosts.0.hostAgency: a liaison post is hosted by another agency than the one sending the officers',
    ]);
  });

  it('refuse a post without a legal basis, routes or officers, or in another country than its host', () => {
    expect(issuesOf(withRecords({ liaisonPosts: [{ ...POST, legalBasis: '', routes: [], officers: [] }] }))).toEqual([
      'liaisonPosts.0.legalBasis: cite the legal basis of the post, e.g. Regulation (EU) 2019/1240 Art. 3',
      'liaisonPosts.0.routes: name at least one route the post covers',
      'liaisonPosts.0.officers: name the directory entry of at least one posted officer',
    ]);
    expect(issuesOf(withRecords({ liaisonPosts: [{ ...POST, hostCountry: 'MLI' }] }))).toEqual([
      "liaisonPosts.0.hostCountry: must be the host agency's country (NER)",
    ]);
  });

  it('bind a token to the records: a network its agency is not recorded in is dropped from its claims', () => {
    const m = membership.parse(withRecords({ networks: [WACAP] }));
    const agency = (id: string) => m.agencies.find((a) => a.id === id) as Membership['agencies'][number];
    const token = { iss: 'x', sub: 'u', aud: 'corridor', exp: 2e9, roles: ['prosecutor'], name: 'U' };
    expect(mapClaims({ ...token, networks: ['wacap'] }, agency('fr-ocriest')).networks).toEqual([]);
    expect(mapClaims({ ...token, networks: ['wacap'] }, agency('ne-ppn')).networks).toEqual(['wacap']);
  });
});

describe('the directory scope of a recorded network or a liaison post', () => {
  it('is every entry of a member, nothing of a non-member, the officers at the sending agency', () => {
    const m = membership.parse(withRecords({ networks: [WACAP], liaisonPosts: [POST] }));
    expect(directoryScope(m, 'ne-ppn', { network: 'wacap', role: 'prosecutor' })).toEqual({ none: false, filter: { role: 'prosecutor' } });
    expect(directoryScope(m, 'it-polfr', { network: 'wacap' })).toEqual({ none: true });
    // An unrecorded network keeps meaning the entries' own tags.
    expect(directoryScope(m, 'it-polfr', { network: 'medpros' })).toEqual({ none: false, filter: { network: 'medpros' } });
    expect(directoryScope(m, 'it-polfr', { liaisonPost: 'it-ne-niamey' })).toEqual({
      none: false,
      filter: { liaisonPost: 'it-ne-niamey' },
      ids: [OFFICER],
    });
    expect(directoryScope(m, 'ne-ppn', { liaisonPost: 'it-ne-niamey' })).toEqual({ none: true });
    expect(directoryScope(m, 'ne-ppn', { liaisonPost: 'nowhere' })).toEqual({ none: true, unknownPost: 'nowhere' });
  });
});

describe('release rules by network record and by liaison post', () => {
  const policy = releasePolicy.parse({
    agency: 'ne-ppn',
    version: 1,
    rules: [
      { id: 'wacap-entries', resource: 'directory_entry', toNetwork: 'wacap' },
      { id: 'liaison-routes', resource: 'alert', viaLiaisonPost: true },
    ],
  });
  const entry: ReleaseItem = { resource: 'directory_entry', entryClass: 'desk', networks: [] };
  const alertOn = (route?: string): ReleaseItem => ({ resource: 'alert', kind: 'route', tlp: 'GREEN', networks: [], route });
  const nigeria: Receiver = { agency: 'ng-naptip', country: 'NGA', networks: ['wacap'], recordedNetworks: ['wacap'] };
  // An agency listing the network itself, without the record naming it, is not a member.
  const selfListed: Receiver = { agency: 'fr-ocriest', country: 'FRA', networks: ['wacap'], recordedNetworks: [] };
  const italy: Receiver = {
    agency: 'it-polfr',
    country: 'ITA',
    networks: [],
    liaisonPosts: [{ id: 'it-ne-niamey', routes: ['central-mediterranean'], legalBasis: POST.legalBasis }],
  };

  it('toNetwork releases to the record’s members, not to an agency that only lists the network', () => {
    expect(decideRelease(policy, entry, nigeria)).toEqual({ release: true, rule: 'wacap-entries', redact: [] });
    expect(decideRelease(policy, entry, selfListed)).toEqual({ release: false, rule: null });
  });

  it('viaLiaisonPost releases the post’s routes to its sending agency, under the post’s legal basis, and no other route', () => {
    expect(decideRelease(policy, alertOn('central-mediterranean'), italy)).toEqual({
      release: true,
      rule: 'liaison-routes',
      redact: [],
      liaisonPost: { id: 'it-ne-niamey', legalBasis: 'Regulation (EU) 2019/1240 Art. 3' },
    });
    expect(decideRelease(policy, alertOn('western-balkans'), italy)).toEqual({ release: false, rule: null });
    expect(decideRelease(policy, alertOn(undefined), italy)).toEqual({ release: false, rule: null });
    expect(decideRelease(policy, alertOn('central-mediterranean'), nigeria)).toEqual({ release: false, rule: null });
  });

  it('refuses viaLiaisonPost on anything but alerts, naming the rule’s field', () => {
    const r = releasePolicy.safeParse({
      agency: 'ne-ppn',
      version: 1,
      rules: [{ id: 'x', resource: 'directory_entry', viaLiaisonPost: true }],
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['rules.0.viaLiaisonPost', 'viaLiaisonPost applies to alerts only (a post covers routes)'],
    ]);
  });
});
