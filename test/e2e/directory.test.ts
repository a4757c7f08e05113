// The directory across the network (issue 6): a search answered by every node under its policy
// and ranked as one (reachable now, the caller's languages, verified recently); stale marks; the
// administrators' keeping of their own entries (verify, create, retire) with who-and-when; and
// nothing an administrator did undone by a restart.
import type { DirectoryEntryInput } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { directoryEntryOf } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const day = 86_400_000;
const dateAt = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

function person(agency: string, country: DirectoryEntryInput['country'], over: Partial<DirectoryEntryInput>): DirectoryEntryInput {
  return directoryEntryOf(agency, country, {
    roles: ['prosecutor'],
    competences: ['mla'],
    // No hours given: never "reachable now", whatever the hour the test runs at.
    availability: { always: false, timeZone: 'UTC', hours: [] },
    channels: [{ type: 'email', value: `contact@${agency}.example.org` }],
    lastVerified: dateAt(-5),
    ...over,
  });
}

const permanence = person('ne-ppn', 'NER', {
  kind: 'desk',
  name: 'Pôle judiciaire spécialisé — permanence',
  competences: ['mla', 'extradition'],
  languages: ['fr', 'ha'],
  networks: ['wacap'],
  routes: ['central-mediterranean'],
  availability: { always: true, timeZone: 'Africa/Niamey', hours: [] },
  lastVerified: dateAt(-40),
});
const aicha = person('ne-ppn', 'NER', { name: 'Aïcha Moussa', languages: ['fr'], lastVerified: dateAt(-400) });
const giulia = person('it-polfr', 'ITA', {
  name: 'Giulia Ferri',
  roles: ['central_authority_mla'],
  languages: ['it', 'en', 'fr'],
  // Away from three days ago to three days ahead: not reachable now even inside her hours.
  availability: {
    always: false,
    timeZone: 'Europe/Rome',
    hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '23:59' }],
    absences: [{ from: dateAt(-3), to: dateAt(3), note: 'mission' }],
  },
  lastVerified: dateAt(-2),
});
const chinedu = person('ng-nis', 'NGA', { name: 'Chinedu Okafor', languages: ['en'], lastVerified: dateAt(-10) });

const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      directory: { 'ne-ppn': [permanence, aicha], 'it-polfr': [giulia], 'ng-nis': [chinedu] },
      users: officersAnd(adminOf('ne-ppn', 'Idrissa Maïga'), adminOf('ng-nis', 'Ngozi Eze')),
    }),
  120_000,
);

type Entry = { id: string; name: string; stale: boolean; lastVerified: string; verifiedBy: string | null; retiredAt: string | null };
const ENTRY = 'id name stale lastVerified verifiedBy retiredAt';

async function search(user: string, filter: Record<string, unknown>) {
  const r = await gql<{ directory: { total: number; entries: Entry[]; sources: { agency: string; ok: boolean }[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ${ENTRY} } sources { agency ok } } }`,
    { filter },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.directory as { total: number; entries: Entry[]; sources: { agency: string; ok: boolean }[] };
}

const names = (entries: Entry[]) => entries.map((e) => e.name);

async function asUser<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(fixture.net.gatewayUrl, await fixture.net.token(user), query, variables);
}

describe('searching the directory across agencies', () => {
  it('puts first who can be reached now, then who speaks the caller’s language, then the most recently verified', async () => {
    const french = await search('it-polfr-officer', { competence: 'mla', speaks: ['fr'] });
    expect(french.sources.every((s) => s.ok)).toBe(true);
    expect(names(french.entries)).toEqual([permanence.name, giulia.name, aicha.name, chinedu.name]);
    expect(french.total).toBe(4);
    // For an English speaker the French-only prosecutor falls behind the English-speaking ones.
    const english = await search('it-polfr-officer', { competence: 'mla', speaks: ['en'] });
    expect(names(english.entries)).toEqual([permanence.name, giulia.name, chinedu.name, aicha.name]);
  });

  it('finds words in names, agencies, places and competences whatever their case and accents', async () => {
    // The agency's name is searched too: both of the Pôle judiciaire's entries, the reachable desk first.
    expect(names((await search('ng-nis-officer', { text: 'pole JUDICIAIRE' })).entries)).toEqual([permanence.name, aicha.name]);
    expect(names((await search('ng-nis-officer', { text: 'niger extradition' })).entries)).toEqual([permanence.name]);
    expect(names((await search('ng-nis-officer', { text: 'aicha' })).entries)).toEqual([aicha.name]);
    expect((await search('ng-nis-officer', { text: 'nobody by this name' })).entries).toEqual([]);
  });

  it('filters by network, route, 24/7, country covered and language', async () => {
    expect(names((await search('it-polfr-officer', { network: 'wacap', always: true })).entries)).toEqual([permanence.name]);
    expect(names((await search('it-polfr-officer', { route: 'central-mediterranean' })).entries)).toEqual([permanence.name]);
    expect(names((await search('it-polfr-officer', { country: 'NGA', competence: 'mla' })).entries)).toEqual([chinedu.name]);
    expect(names((await search('it-polfr-officer', { language: 'it' })).entries)).toEqual([giulia.name]);
  });

  it('refuses a filter with an unknown code, naming the field', async () => {
    const r = await asUser<unknown>('it-polfr-officer', 'query { directory(filter: { role: "wizard" }) { total } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'role' }] });
  });

  it('marks an entry not verified for 180 days stale wherever it shows', async () => {
    const found = (await search('it-polfr-officer', { text: 'aicha' })).entries[0];
    expect(found).toMatchObject({ name: aicha.name, stale: true });
    expect((await search('it-polfr-officer', { text: 'giulia' })).entries[0]?.stale).toBe(false);
    const own = await asUser<{ ownDirectory: Entry[]; directoryToVerify: Entry[] }>(
      'ne-ppn-admin',
      `{ ownDirectory { ${ENTRY} } directoryToVerify { ${ENTRY} } }`,
    );
    expect(own.data?.ownDirectory.find((e) => e.id === aicha.id)?.stale).toBe(true);
    expect(own.data?.directoryToVerify.map((e) => e.id)).toEqual([aicha.id]);
  });
});

describe('keeping the agency’s own entries', () => {
  const VERIFY = `mutation($id: ID!) { verifyDirectoryEntry(id: $id) { ${ENTRY} } }`;

  it('lets only the agency’s own administrators change its entries, and changes nothing otherwise', async () => {
    const officer = await asUser('ne-ppn-officer', VERIFY, { id: aicha.id });
    expect(officer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Another agency's administrator is sent to their own node, which holds no such entry.
    const foreign = await asUser('ng-nis-admin', VERIFY, { id: aicha.id });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await search('it-polfr-officer', { text: 'aicha' })).entries[0]?.stale).toBe(true);
  });

  it('records who verified an entry and when, and the entry is no longer stale anywhere', async () => {
    const r = await asUser<{ verifyDirectoryEntry: Entry }>('ne-ppn-admin', VERIFY, { id: aicha.id });
    expect(r.errors).toBeUndefined();
    expect(r.data?.verifyDirectoryEntry).toMatchObject({ stale: false, lastVerified: dateAt(0), verifiedBy: 'Idrissa Maïga' });
    expect((await search('ng-nis-officer', { text: 'aicha' })).entries[0]).toMatchObject({ stale: false, verifiedBy: 'Idrissa Maïga' });
    const history = await asUser<{ directoryEntryHistory: { change: string; subject: string; name: string | null }[] }>(
      'ne-ppn-admin',
      'query($id: ID!) { directoryEntryHistory(id: $id) { change subject name } }',
      { id: aicha.id },
    );
    expect(history.data?.directoryEntryHistory).toEqual([
      { change: 'seeded', subject: 'seed', name: null },
      { change: 'verified', subject: 'ne-ppn-admin', name: 'Idrissa Maïga' },
    ]);
  });

  it('refuses an invalid entry with the field named, and stores nothing', async () => {
    const before = await asUser<{ ownDirectory: Entry[] }>('ne-ppn-admin', `{ ownDirectory { ${ENTRY} } }`);
    const r = await asUser('ne-ppn-admin', `mutation($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ${ENTRY} } }`, {
      entry: {
        kind: 'person',
        name: 'Moussa Issa',
        country: 'NER',
        roles: ['prosecutor'],
        languages: ['fr'],
        availability: { always: false, timeZone: 'Africa/Niamey', hours: [{ days: ['mon'], from: '17:00', to: '08:00' }] },
        // Of the right length for Niger, but in no range Niger allocates: possible, not valid.
        channels: [
          { type: 'phone', value: '+227 20 72 00 00' },
          { type: 'fax', value: '+227 20 00 02 99' },
        ],
      },
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((r.errors?.[0]?.extensions as { fieldErrors?: unknown } | undefined)?.fieldErrors).toEqual([
      expect.objectContaining({ path: 'availability.hours.0.to' }),
      {
        path: 'channels.1.value',
        rule: 'custom',
        message: expect.stringMatching(/^channel 2 \(fax\) is not a valid phone number for its country code \+227: /),
      },
    ]);
    const after = await asUser<{ ownDirectory: Entry[] }>('ne-ppn-admin', `{ ownDirectory { ${ENTRY} } }`);
    expect(after.data?.ownDirectory).toEqual(before.data?.ownDirectory);
  });

  it('creates an entry that other agencies find at once, and retires it out of every search', async () => {
    const created = await asUser<{ createDirectoryEntry: Entry }>(
      'ne-ppn-admin',
      `mutation($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ${ENTRY} } }`,
      {
        entry: {
          kind: 'person',
          name: 'Moussa Issa',
          title: 'Substitut du procureur',
          country: 'NER',
          roles: ['prosecutor'],
          competences: ['joint_investigation_team'],
          languages: ['fr', 'ha'],
          availability: { always: false, timeZone: 'Africa/Niamey', hours: [{ days: ['mon', 'tue'], from: '08:00', to: '16:00' }] },
          channels: [{ type: 'phone', value: '+227 20 72 00 00' }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data?.createDirectoryEntry.id as string;
    expect(created.data?.createDirectoryEntry).toMatchObject({ lastVerified: dateAt(0), verifiedBy: 'Idrissa Maïga', stale: false });
    expect(names((await search('it-polfr-officer', { competence: 'joint_investigation_team' })).entries)).toEqual(['Moussa Issa']);

    const retired = await asUser<{ retireDirectoryEntry: Entry }>(
      'ne-ppn-admin',
      `mutation($id: ID!) { retireDirectoryEntry(id: $id) { ${ENTRY} } }`,
      { id },
    );
    expect(retired.data?.retireDirectoryEntry.retiredAt).toBeTruthy();
    expect((await search('it-polfr-officer', { competence: 'joint_investigation_team' })).entries).toEqual([]);
    const own = await asUser<{ ownDirectory: Entry[] }>('ne-ppn-admin', `{ ownDirectory(includeRetired: true) { ${ENTRY} } }`);
    expect(own.data?.ownDirectory.find((e) => e.id === id)?.retiredAt).toBeTruthy();
  });

  it('keeps what the administrators did across a restart of the node, seed file or not', async () => {
    const node = fixture.net.nodes['ne-ppn'];
    await node?.stop();
    await node?.start();
    const found = (await search('it-polfr-officer', { text: 'aicha' })).entries[0];
    expect(found).toMatchObject({ stale: false, verifiedBy: 'Idrissa Maïga', lastVerified: dateAt(0) });
    expect((await search('it-polfr-officer', { competence: 'joint_investigation_team' })).entries).toEqual([]);
  });
});
