// In a real browser (issue 6, item 7): an officer searches the directory and reads a contact's
// card (reachable now, languages, links, vCard); an entry left unconfirmed shows as stale until
// its administrator verifies it; a CSV import with one bad row changes nothing and says which
// row and column to fix; the entry form puts a problem next to its field.
import { readFile } from 'node:fs/promises';
import type { DirectoryEntryInput } from '@corridor/proto';
import { newId, vcardFileName } from '@corridor/proto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';

const dateAt = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

const permanence: DirectoryEntryInput = {
  id: newId(),
  agency: 'ne-ppn',
  country: 'NER',
  kind: 'desk',
  name: 'Pôle judiciaire spécialisé — permanence',
  roles: ['prosecutor'],
  competences: ['mla', 'extradition'],
  networks: ['wacap'],
  languages: ['fr', 'ha'],
  availability: { always: true, timeZone: 'Africa/Niamey', hours: [] },
  channels: [
    { type: 'phone', value: '+227 20 72 00 01' },
    { type: 'email', value: 'permanence@ne-ppn.example.org' },
  ],
  lastVerified: dateAt(-20),
};
const aicha: DirectoryEntryInput = {
  id: newId(),
  agency: 'ne-ppn',
  country: 'NER',
  kind: 'person',
  name: 'Aïcha Moussa',
  roles: ['prosecutor'],
  competences: ['mla'],
  languages: ['fr'],
  availability: { always: false, timeZone: 'Africa/Niamey', hours: [{ days: ['mon', 'tue'], from: '08:00', to: '12:00' }] },
  channels: [{ type: 'email', value: 'a.moussa@ne-ppn.example.org' }],
  lastVerified: dateAt(-300),
};

/** A 24/7 desk whose officer is away from yesterday to tomorrow: never reachable during the test. */
const awayDesk: DirectoryEntryInput = {
  ...permanence,
  id: newId(),
  name: 'Bureau Agadez — away this week',
  competences: [],
  networks: [],
  availability: { always: true, timeZone: 'Africa/Niamey', hours: [], absences: [{ from: dateAt(-1), to: dateAt(1) }] },
  lastVerified: dateAt(-5),
};

const consoles = useConsoleBrowsers(() =>
  startTestNetwork({
    console: true,
    directory: { 'ne-ppn': [permanence, aicha, awayDesk] },
    users: officersAnd(adminOf('ne-ppn', 'Idrissa Maïga')),
  }),
);
const { signIn } = consoles;

/** The directory page, opened afresh, showing exactly the cards for `text` once every agency has answered. */
async function searchFor(page: Page, text: string, expected: number) {
  await page.getByTestId('nav-check').click();
  await page.getByTestId('nav-directory').click();
  await page.getByLabel('Search', { exact: true }).fill(text);
  const cards = page.getByTestId('directory-result');
  await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(expected);
  return cards;
}

describe('the directory in the console', () => {
  it('answers a search with contact cards: reachable now, languages in words, links to call and write, a vCard', async () => {
    // Nigeria shares the wacap network with Niger, whose policy gives phone numbers to network members only.
    const page = await signIn(consoles.italy, 'ng-nis-officer');
    const cards = await searchFor(page, 'niger EXTRADITION', 1);
    const card = cards.first();
    expect(await card.locator('h3').textContent()).toBe(permanence.name);
    expect(await card.getByTestId('reachable').getAttribute('data-reachable')).toBe('true');
    expect(await card.getByTestId('reachable').textContent()).toContain('24/7');
    expect(await card.textContent()).toContain('French');
    expect(await card.textContent()).toContain('Extradition');
    expect(await card.getByRole('link', { name: '+227 20 72 00 01' }).getAttribute('href')).toBe('tel:+22720720001');
    expect(await card.getByRole('link', { name: 'permanence@ne-ppn.example.org' }).getAttribute('href')).toBe(
      'mailto:permanence@ne-ppn.example.org',
    );
    // The vCard and CSV writers are fetched on the first click (contact-files.ts): the files still come.
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('vcard').click()]);
    expect(download.suggestedFilename()).toBe(vcardFileName(permanence));
    const vcard = await readFile((await download.path()) as string, 'utf8');
    expect(vcard).toContain('BEGIN:VCARD\r\nVERSION:4.0\r\n');
    expect(vcard).toContain(`FN:${permanence.name}`);
    expect(vcard).toContain('tel:+22720720001');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('directory-export-csv').click()]);
    expect(csv.suggestedFilename()).toBe('corridor-directory.csv');
    expect(await readFile((await csv.path()) as string, 'utf8')).toContain(permanence.name);

    // Italy is in no network with Niger: the same card comes without the phone, and says why.
    const italian = (await searchFor(await signIn(consoles.italy, 'it-polfr-officer'), 'niger extradition', 1)).first();
    expect(await italian.getByRole('link', { name: '+227 20 72 00 01' }).count()).toBe(0);
    expect(await italian.getByTestId('entry-redacted').textContent()).toContain('only within its networks');
  });

  it('shows a number in its reader’s own form, calls it in E.164, and saves the results as one contacts file in 3.0', async () => {
    // A reader in Niger reads a Niger number in the national form; the call still goes to +227.
    const page = await signIn(consoles.niger, 'ne-ppn-officer');
    const card = (await searchFor(page, 'niger EXTRADITION', 1)).first();
    expect(await card.getByRole('link', { name: '20 72 00 01', exact: true }).getAttribute('href')).toBe('tel:+22720720001');
    await searchFor(page, 'niger', 3);
    await page.getByLabel('Contacts file').selectOption('3.0');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('directory-save-vcf').click()]);
    expect(download.suggestedFilename()).toBe('corridor-contacts.vcf');
    const file = await readFile((await download.path()) as string, 'utf8');
    expect(file.match(/BEGIN:VCARD\r\nVERSION:3\.0\r\n/g)).toHaveLength(3);
    expect(file).toContain(`FN:${permanence.name}`);
    expect(file).toContain('TEL;TYPE=WORK,VOICE:+22720720001');
    expect(file).toMatch(/\r\nN:[^\r]*;;;/);
  });

  it('imports a file Excel saved as "CSV" on Italian Windows (Windows-1252, semicolons) with every accent', async () => {
    const admin = await signIn(consoles.niger, 'ne-ppn-admin');
    await admin.getByTestId('nav-keep').click();
    const own = admin.getByTestId('own-entry');
    await own.first().waitFor();
    const before = await own.count();
    await admin.getByTestId('import-file').setInputFiles({
      name: 'rubrica.csv',
      mimeType: 'text/csv',
      buffer: await readFile(new URL('../fixtures/spreadsheets/excel-csv-windows-1252-semicolon-it.csv', import.meta.url)),
    });
    await admin.getByTestId('import-submit').click();
    expect(await admin.getByTestId('import-success').textContent()).toContain('3 new');
    await expect.poll(() => own.count(), { timeout: 10_000 }).toBe(before + 3);
    const names = await own.allTextContents();
    for (const name of ['Émilie Dupré', 'Questura di Agrigento – Ufficio immigrazione', 'Niccolò Ferri'])
      expect(names.some((n) => n.includes(name))).toBe(true);
  });

  it('marks an entry its agency has not confirmed for 180 days as stale, until an administrator verifies it', async () => {
    const officer = await signIn(consoles.italy, 'it-polfr-officer');
    const card = (await searchFor(officer, 'aicha', 1)).first();
    await card.getByTestId('stale').waitFor();
    expect(await card.getByTestId('verified').textContent()).toContain('Not confirmed since');

    const admin = await signIn(consoles.niger, 'ne-ppn-admin');
    await admin.getByTestId('nav-keep').click();
    const due = admin.locator(`[data-testid="to-verify-item"][data-entry-id="${aicha.id}"]`);
    await due.waitFor();
    expect(await due.textContent()).toContain('stale');
    await due.getByTestId('entry-verify').click();
    await due.waitFor({ state: 'detached' });

    const again = (await searchFor(officer, 'aicha moussa', 1)).first();
    await expect.poll(async () => again.getByTestId('stale').count()).toBe(0);
    expect(await again.getByTestId('verified').textContent()).toContain('by Idrissa Maïga');
  });

  it('imports nothing from a CSV file with one bad row, and says which row and column to fix', async () => {
    const admin = await signIn(consoles.niger, 'ne-ppn-admin');
    await admin.getByTestId('nav-keep').click();
    const own = admin.getByTestId('own-entry');
    await own.first().waitFor();
    const before = await own.count();

    const header = 'kind,name,roles,country,languages,time_zone,hours,email';
    const good = 'person,Halima Garba,prosecutor,NER,fr;ha,Africa/Niamey,mon-fri 08:00-16:00,h.garba@ne-ppn.example.org';
    const bad = 'person,Ousmane Diallo,prosecutor,NIGER,fr,Africa/Niamey,mon-fri 08:00-16:00,o.diallo@ne-ppn.example.org';
    await admin.getByTestId('import-file').setInputFiles({
      name: 'onboarding.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good, bad].join('\r\n')),
    });
    await admin.getByTestId('import-submit').click();
    const failure = admin.getByTestId('import-failure');
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Nothing was imported');
    const problem = admin.getByTestId('import-problem');
    expect(await problem.count()).toBe(1);
    expect(await problem.getAttribute('data-row')).toBe('3');
    expect(await problem.getAttribute('data-field')).toBe('country');
    expect(await own.count()).toBe(before);
    // Not even the good row reached the directory.
    const officer = await signIn(consoles.italy, 'it-polfr-officer');
    await searchFor(officer, 'halima garba', 0);

    // Corrected, the same file goes in whole.
    await admin.getByTestId('import-file').setInputFiles({
      name: 'onboarding.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, good, bad.replace('NIGER', 'NER')].join('\r\n')),
    });
    await admin.getByTestId('import-submit').click();
    expect(await admin.getByTestId('import-success').textContent()).toContain('2 new');
    await expect.poll(() => own.count(), { timeout: 10_000 }).toBe(before + 2);
    await searchFor(officer, 'halima garba', 1);
  });

  it('puts a problem in the entry form next to its field, and saves once it is fixed', async () => {
    const admin = await signIn(consoles.niger, 'ne-ppn-admin');
    await admin.getByTestId('nav-keep').click();
    await admin.getByTestId('entry-new').click();
    await admin.getByLabel('Name').fill('Mariama Sow');
    await admin.getByLabel('Prosecutor', { exact: true }).check();
    await admin.getByLabel('Country', { exact: true }).selectOption('NER');
    await admin.getByLabel('Languages').selectOption(['fr']);
    await admin.getByLabel('Time zone').fill('Africa/Niamey');
    await admin.getByLabel('Hours').fill('mon-fri 17:00-08:00');
    await admin.getByLabel('E-mail').fill('m.sow@ne-ppn.example.org');
    await admin.getByTestId('entry-save').click();
    const error = admin.locator('[data-testid="field-error"][data-field="hours"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('split a night shift');

    await admin.getByLabel('Hours').fill('mon-fri 08:00-17:00');
    await admin.getByTestId('entry-save').click();
    await admin.getByText('Created Mariama Sow.').waitFor();
    const officer = await signIn(consoles.italy, 'it-polfr-officer');
    await searchFor(officer, 'mariama', 1);
  });

  it('keeps only who is reachable now when asked, and says which filter to relax when nothing matches', async () => {
    const officer = await signIn(consoles.italy, 'it-polfr-officer');
    await searchFor(officer, 'agadez away', 1);
    await officer.getByLabel('Reachable now').check();
    const cards = officer.getByTestId('directory-result');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(0);
    // Not a dead end: the page names the filters that could be dropped, each one click away.
    const hint = officer.getByTestId('directory-empty');
    await hint.waitFor();
    const relax = hint.getByTestId('directory-relax');
    expect(await relax.allTextContents()).toEqual(['the words “agadez away”', 'Reachable now']);
    await relax.filter({ hasText: 'Reachable now' }).click();
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
    expect(await cards.first().locator('h3').textContent()).toBe(awayDesk.name);
    // The 24/7 permanence is reachable now, and stays.
    await officer.getByLabel('Reachable now').check();
    await officer.getByLabel('Search', { exact: true }).fill('permanence');
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(1);
  });
});
