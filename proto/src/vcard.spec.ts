import ICAL from 'ical.js';
import { parseVCards } from 'vcard4-ts';
import VCF from 'vcf';
import { describe, expect, it } from 'vitest';
import { type DirectoryEntry, type DirectoryEntryInput, directoryEntry } from './directory.js';
import { ITALY_DESK, NIGER_PROSECUTOR } from './testing/directory-entries.js';
import { toVCard, toVCards, vcardFileName } from './vcard.js';

const entry = (input: DirectoryEntryInput): DirectoryEntry => directoryEntry.parse(input);

const prosecutor = entry({
  ...NIGER_PROSECUTOR,
  title: 'Procureure, pôle judiciaire',
  postedIn: 'TCD',
  channels: [
    { type: 'phone', value: '+227 20 72 34 56' },
    { type: 'phone', value: '20 72 34 57 (poste 12)' },
    { type: 'fax', value: '+227 20 72 00 00' },
    { type: 'email', value: 'a.maiga@justice.example.ne' },
    { type: 'secure_messaging', value: 'xmpp:a.maiga@secure.example.ne' },
    { type: 'secure_messaging', value: 'Threema ABCD1234' },
  ],
  notes: 'Call before 10:00; "urgent" cases only.\nBackslash \\ here',
});

const desk = entry({
  ...ITALY_DESK,
  name: 'Sala operativa',
  roles: ['border_control'],
  channels: [{ type: 'phone', value: '+39 06 4686 1' }],
});

/** The desk, reached by `channels` alone. */
const deskReachedBy = (...channels: DirectoryEntryInput['channels']): DirectoryEntry => entry({ ...desk, channels });

/** The card's content lines, unfolded (RFC 6350 §3.2), without the final CRLF. */
const unfold = (card: string): string[] => card.replace(/\r\n /g, '').split('\r\n').slice(0, -1);

/** Reads a card with ical.js, an independent implementation of RFC 6350. */
const parsed = (card: string) => new ICAL.Component(ICAL.parse(card));

describe('a contact card (vCard 4.0)', () => {
  it('writes every property an address book needs, in RFC 6350 form', () => {
    expect(toVCard(prosecutor, { agencyName: 'Pôle judiciaire spécialisé, Niamey' })).toBe(
      [
        'BEGIN:VCARD',
        'VERSION:4.0',
        'UID:urn:uuid:0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e01',
        'KIND:individual',
        'FN:Aïcha Maïga-Ousmane',
        'N:Maïga-Ousmane;Aïcha;;;',
        'ORG:Pôle judiciaire spécialisé\\, Niamey',
        'TITLE:Procureure\\, pôle judiciaire',
        'ROLE:Prosecutor\\, Central authority (mutual legal assistance)',
        'TEL;VALUE=uri;TYPE=work,voice:tel:+22720723456',
        'TEL;VALUE=text;TYPE=work,voice:20 72 34 57 (poste 12)',
        'TEL;VALUE=uri;TYPE=work,fax:tel:+22720720000',
        'EMAIL;TYPE=work:a.maiga@justice.example.ne',
        'IMPP:xmpp:a.maiga@secure.example.ne',
        'LANG;PREF=1:fr',
        'LANG;PREF=2:ha',
        'LANG;PREF=3:en',
        'TZ;VALUE=text:Africa/Niamey',
        'ADR;TYPE=work:;;;;;;Niger',
        'CATEGORIES:wacap,sahel-net',
        'NOTE:Hours: Mon–Fri 08:00–17:00; Sat 09:00–12:00 (Africa/Niamey)\\nHan',
        ' dles: Mutual legal assistance\\, Extradition\\nPosted in: Chad\\nSecure messa',
        ' ging: Threema ABCD1234\\nCall before 10:00; "urgent" cases only.\\nBackslash',
        '  \\\\ here',
        'REV:20261001T000000Z',
        'END:VCARD',
        '',
      ].join('\r\n'),
    );
  });

  it('names the agency by its id when no name is given, and a desk as an organisation open 24/7', () => {
    const lines = unfold(toVCard(desk));
    expect(lines).toContain('ORG:it-dcis');
    expect(lines).toContain('KIND:org');
    expect(lines).toContain('NOTE:Hours: 24/7');
    expect(lines).toContain('TEL;VALUE=uri;TYPE=work,voice:tel:+390646861');
    expect(lines.filter((l) => l.startsWith('TITLE') || l.startsWith('CATEGORIES') || l.startsWith('IMPP'))).toEqual([]);
  });

  it('writes hours across the weekend and scattered days as a person reads them', () => {
    const shifts = entry({
      ...desk,
      availability: {
        always: false,
        timeZone: 'Europe/Rome',
        hours: [
          { days: ['sat', 'sun', 'mon'], from: '20:00', to: '23:59' },
          { days: ['mon', 'wed'], from: '09:00', to: '12:00' },
        ],
      },
    });
    expect(unfold(toVCard(shifts))).toContain('NOTE:Hours: Sat–Mon 20:00–23:59; Mon\\, Wed 09:00–12:00 (Europe/Rome)');
  });

  it('escapes backslash, comma and newline in text, and the semicolon only where it separates components', () => {
    const tricky = entry({
      ...desk,
      name: 'Desk A\\B, night; shift',
      notes: 'line one\r\nline two\nline three',
      agency: 'it-dcis',
      country: 'BES',
    });
    const lines = unfold(toVCard(tricky, { agencyName: 'Ministero; Dipartimento, PS' }));
    expect(lines).toContain('FN:Desk A\\\\B\\, night; shift');
    expect(lines).toContain('ORG:Ministero\\; Dipartimento\\, PS');
    expect(lines).toContain('ADR;TYPE=work:;;;;;;Bonaire\\, Sint Eustatius and Saba');
    expect(lines).toContain('NOTE:Hours: 24/7\\nline one\\nline two\\nline three');
  });

  it('folds long lines at 75 octets without splitting a multi-byte character', () => {
    // "FN:" is 3 octets and each "é" 2: the first line holds 36 of them (75 octets), the next the rest.
    const card = toVCard(entry({ ...desk, name: 'é'.repeat(40) }));
    expect(card).toContain(`\r\nFN:${'é'.repeat(36)}\r\n ${'é'.repeat(4)}\r\n`);

    const name = `Direction de la Surveillance du Territoire — 国境警備隊 🛂 ${'Ωμέγα '.repeat(12)}`.trim();
    const long = toVCard(entry({ ...desk, name }));
    const physical = long.split('\r\n').slice(0, -1);
    for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    // A split character would leave a lone surrogate or a line the decoder must repair.
    for (const line of physical) expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/);
    expect(unfold(long)).toContain(`FN:${name}`);
    expect(parsed(long).getFirstPropertyValue('fn')).toBe(name);
  });

  it('offers a phone number as a tel URI only when it is international and has no words', () => {
    const phones = deskReachedBy(
      { type: 'phone', value: '+39 (06) 4686-1/2' },
      { type: 'phone', value: '06 4686 1' },
      { type: 'phone', value: '+39 06 4686 ext. 12' },
      { type: 'fax', value: '+39.06.4686.2222' },
    );
    const tel = unfold(toVCard(phones)).filter((l) => l.startsWith('TEL'));
    expect(tel).toEqual([
      'TEL;VALUE=uri;TYPE=work,voice:tel:+3906468612',
      'TEL;VALUE=text;TYPE=work,voice:06 4686 1',
      'TEL;VALUE=text;TYPE=work,voice:+39 06 4686 ext. 12',
      'TEL;VALUE=uri;TYPE=work,fax:tel:+390646862222',
    ]);
  });

  it('puts a secure-messaging address in IMPP only when it is a URI, otherwise in the note', () => {
    const messaging = deskReachedBy(
      { type: 'secure_messaging', value: 'matrix:u/sala:matrix.example.it' },
      { type: 'secure_messaging', value: '@sala:matrix.example.it' },
      { type: 'secure_messaging', value: 'Signal: +39 333 000 0000' },
    );
    const lines = unfold(toVCard(messaging));
    expect(lines.filter((l) => l.startsWith('IMPP'))).toEqual(['IMPP:matrix:u/sala:matrix.example.it']);
    expect(lines).toContain('NOTE:Hours: 24/7\\nSecure messaging: @sala:matrix.example.it\\nSecure messaging: Signal: +39 333 000 0000');
  });

  it('is read back by ical.js with the same name, numbers, email, languages, organisation, country and note', () => {
    const card = parsed(toVCard(prosecutor, { agencyName: 'Pôle judiciaire; Niamey, Niger' }));
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe('Aïcha Maïga-Ousmane');
    expect(card.getFirstPropertyValue('title')).toBe('Procureure, pôle judiciaire');
    expect(card.getAllProperties('tel').map((p) => [p.getFirstValue(), p.getParameter('type')])).toEqual([
      ['tel:+22720723456', ['work', 'voice']],
      ['20 72 34 57 (poste 12)', ['work', 'voice']],
      ['tel:+22720720000', ['work', 'fax']],
    ]);
    expect(card.getAllProperties('email').map((p) => p.getFirstValue())).toEqual(['a.maiga@justice.example.ne']);
    expect(card.getAllProperties('lang').map((p) => [p.getFirstValue(), p.getParameter('pref')])).toEqual([
      ['fr', '1'],
      ['ha', '2'],
      ['en', '3'],
    ]);
    expect(card.getFirstPropertyValue('org')).toBe('Pôle judiciaire; Niamey, Niger');
    expect(card.getFirstPropertyValue('adr')).toEqual(['', '', '', '', '', '', 'Niger']);
    expect(card.getFirstProperty('categories')?.getValues()).toEqual(['wacap', 'sahel-net']);
    expect(card.getFirstPropertyValue('note')).toBe(
      'Hours: Mon–Fri 08:00–17:00; Sat 09:00–12:00 (Africa/Niamey)\n' +
        'Handles: Mutual legal assistance, Extradition\n' +
        'Posted in: Chad\n' +
        'Secure messaging: Threema ABCD1234\n' +
        'Call before 10:00; "urgent" cases only.\n' +
        'Backslash \\ here',
    );
    expect(String(card.getFirstPropertyValue('rev'))).toBe('2026-10-01T00:00:00Z');
    expect(card.getFirstPropertyValue('uid')).toBe('urn:uuid:0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e01');
  });
});

describe('several cards in one file', () => {
  it('writes one card per entry, each naming its own agency, and ical.js reads them all', () => {
    const names: Record<string, string> = { 'ne-ppn': 'Pôle judiciaire, Niamey' };
    const file = toVCards([prosecutor, desk], { agencyName: (id) => names[id] });
    expect(file).toBe(toVCard(prosecutor, { agencyName: 'Pôle judiciaire, Niamey' }) + toVCard(desk));
    const cards = ICAL.parse(file) as unknown[];
    expect(cards).toHaveLength(2);
    expect(cards.map((c) => new ICAL.Component(c as never).getFirstPropertyValue('org'))).toEqual(['Pôle judiciaire, Niamey', 'it-dcis']);
  });
});

describe('the file name of a card', () => {
  it.each([
    ['Pôle judiciaire — Niamey', 'pole-judiciaire-niamey.vcf'],
    ["  Jon O'Neill-Zubiría ", 'jon-o-neill-zubiria.vcf'],
    ['Дмитрий Соколов', 'dmitriy-sokolov.vcf'],
    ['../../etc/passwd', 'etc-passwd.vcf'],
    ['— ? —', 'contact.vcf'],
    ['🛂', 'passport-control.vcf'],
  ])('names %j %j', (name, fileName) => {
    expect(vcardFileName({ name })).toBe(fileName);
  });

  it('keeps a long name to a short file name', () => {
    expect(vcardFileName({ name: 'Servizio Centrale Immigrazione e Polizia delle Frontiere, Sala operativa nazionale' })).toBe(
      'servizio-centrale-immigrazione-e-polizia-delle-frontiere-sal.vcf',
    );
  });
});

describe('numbers with their labels, and a whole result list, in vCard 4.0 and 3.0', () => {
  const labelled = entry({
    ...prosecutor,
    channels: [
      { type: 'phone', value: '+22720723456', label: 'Bureau "pôle", ligne 1' },
      { type: 'phone', value: '+22796000001' },
      { type: 'fax', value: '+22720720000', label: 'greffe' },
      { type: 'email', value: 'a.maiga@justice.example.ne', label: 'bureau' },
    ],
  });
  const agencyName = (id: string) => ({ 'ne-ppn': 'Pôle judiciaire, Niamey' })[id];
  const file = (version: '4.0' | '3.0') => toVCards([labelled, desk], { agencyName, version });

  it('writes N, and each number with its type and label as RFC 6350 (4.0) and contact apps (3.0) read them', () => {
    const v4 = unfold(toVCard(labelled));
    expect(v4.filter((l) => /^(N|TEL|EMAIL)[;:]/.test(l))).toEqual([
      'N:Maïga-Ousmane;Aïcha;;;',
      `TEL;VALUE=uri;TYPE=work,voice;LABEL="Bureau ^'pôle^', ligne 1":tel:+22720723456`,
      'TEL;VALUE=uri;TYPE=work,voice:tel:+22796000001',
      'TEL;VALUE=uri;TYPE=work,fax;LABEL="greffe":tel:+22720720000',
      'EMAIL;TYPE=work;LABEL="bureau":a.maiga@justice.example.ne',
    ]);
    const v3 = unfold(toVCard(labelled, { version: '3.0' }));
    expect(v3.slice(0, 2)).toEqual(['BEGIN:VCARD', 'VERSION:3.0']);
    expect(v3.filter((l) => /^(N:|item\d+\.|TEL|EMAIL|KIND|LANG)/.test(l))).toEqual([
      'N:Maïga-Ousmane;Aïcha;;;',
      'item1.TEL;TYPE=WORK,VOICE:+22720723456',
      'item1.X-ABLabel:Bureau "pôle"\\, ligne 1',
      'TEL;TYPE=WORK,VOICE:+22796000001',
      'item2.TEL;TYPE=WORK,FAX:+22720720000',
      'item2.X-ABLabel:greffe',
      'item3.EMAIL;TYPE=INTERNET,WORK:a.maiga@justice.example.ne',
      'item3.X-ABLabel:bureau',
    ]);
    expect(unfold(toVCard(desk, { version: '3.0' }))).toEqual(expect.arrayContaining(['N:Sala operativa;;;;', 'X-ABShowAs:COMPANY']));
  });

  it('is read by ical.js, in both versions, with names, numbers, types and labels', () => {
    for (const version of ['4.0', '3.0'] as const) {
      const cards = (ICAL.parse(file(version)) as unknown[]).map((c) => new ICAL.Component(c as never));
      expect(cards.map((c) => [c.getFirstPropertyValue('version'), c.getFirstPropertyValue('fn'), c.getFirstPropertyValue('n')])).toEqual([
        [version, 'Aïcha Maïga-Ousmane', ['Maïga-Ousmane', 'Aïcha', '', '', '']],
        [version, 'Sala operativa', ['Sala operativa', '', '', '', '']],
      ]);
      const tel = cards[0]?.getAllProperties('tel') ?? [];
      expect(tel.map((p) => String(p.getFirstValue()).replace(/^tel:/, ''))).toEqual(['+22720723456', '+22796000001', '+22720720000']);
      if (version === '4.0') expect(tel.map((p) => p.getParameter('label'))).toEqual(['Bureau "pôle", ligne 1', undefined, 'greffe']);
      // ical.js leaves a property it has no type for (X-ABLabel) as written, escapes included.
      else
        expect(cards[0]?.getAllProperties('x-ablabel').map((p) => p.getFirstValue())).toEqual([
          'Bureau "pôle"\\, ligne 1',
          'greffe',
          'bureau',
        ]);
    }
  });

  it('is read by vcf (node-vcf), in both versions', () => {
    for (const version of ['4.0', '3.0'] as const) {
      const cards = VCF.parse(file(version));
      expect(cards.map((c) => [c.version, c.get('fn').valueOf(), c.get('n').valueOf()])).toEqual([
        [version, 'Aïcha Maïga-Ousmane', 'Maïga-Ousmane;Aïcha;;;'],
        [version, 'Sala operativa', 'Sala operativa;;;;'],
      ]);
      const tel = [cards[0]?.get('tel')].flat();
      expect(tel.map((p) => String(p?.valueOf()).replace(/^tel:/, ''))).toEqual(['+22720723456', '+22796000001', '+22720720000']);
      // node-vcf splits a line at its first colon, even inside a quoted parameter: a label with a
      // colon would reach it cut (RFC 6350 allows the colon there; contact apps read it whole).
      if (version === '4.0')
        expect(tel.map((p) => (p as { label?: string } | undefined)?.label)).toEqual([
          '"Bureau ^\'pôle^\', ligne 1"',
          undefined,
          '"greffe"',
        ]);
    }
  });

  it('is read by vcard4-ts (4.0), strictly, with the label as a parameter of the number', () => {
    const parsed = parseVCards(file('4.0'));
    expect(parsed.vCards?.map((c) => c.FN[0]?.value)).toEqual(['Aïcha Maïga-Ousmane', 'Sala operativa']);
    const card = parsed.vCards?.[0];
    expect(card?.N?.value.familyNames).toEqual(['Maïga-Ousmane']);
    expect(card?.TEL?.map((t) => [t.value, t.parameters?.TYPE, t.parameters?.LABEL])).toEqual([
      ['tel:+22720723456', ['work', 'voice'], 'Bureau "pôle", ligne 1'],
      ['tel:+22796000001', ['work', 'voice'], undefined],
      ['tel:+22720720000', ['work', 'fax'], 'greffe'],
    ]);
    // Its only remark is a warning that the quoted label holds a comma, which RFC 6350's QSAFE-CHAR allows.
    expect((card?.nags ?? []).filter((n) => n.isError)).toEqual([]);
    expect(card?.nags?.map((n) => n.key)).toEqual(['PARAM_UNESCAPED_COMMA']);
  });
});
