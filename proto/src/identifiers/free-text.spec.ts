// What the free-text check must find (identifiers hidden in text in the forms officers write
// them), and what it must let through (the dates, flights, times, counts, prices and places
// every alert is full of). A false refusal costs an officer a minute; a miss sends a person's
// identifier to every partner in clear.

import fc from 'fast-check';
import { composeIBAN } from 'ibantools';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import type { IdentifierKind } from '../codes.js';
import { type FreeTextContext, findIdentifiersInText } from './free-text.js';
import { freeTextErrors } from './free-text-errors.js';

const kinds = (text: string, ctx?: FreeTextContext) => findIdentifiersInText(text, ctx).map((f) => f.kind);
const spans = (text: string, ctx?: FreeTextContext) => findIdentifiersInText(text, ctx).map((f) => text.slice(f.start, f.end));

const MUST_FIND: [string, IdentifierKind, string, FreeTextContext?][] = [
  ['Holder of passport A0731 9842 boarded', 'travel_document', 'A0731 9842'],
  ['passport YA 1234567 seen twice', 'travel_document', 'YA 1234567'],
  ['document no. ya1234567', 'travel_document', 'ya1234567'],
  ['German ID C01X00T47 presented', 'travel_document', 'C01X00T47'],
  ['French passport 12AB34567', 'travel_document', '12AB34567'],
  ['number 12AB.34567 on page 2', 'travel_document', '12AB.34567'],
  ['US passport 912345678', 'travel_document', '912345678'],
  ['passport USA 912 345 678 and the visa', 'travel_document', '912 345 678'],
  ['Call 0803 555 0147 to book', 'phone', '0803 555 0147', { countries: ['NGA'] }],
  ['Call +234 803 555 0147 to book', 'phone', '+234 803 555 0147'],
  ['booking on 00234-803-5550147', 'phone', '00234-803-5550147'],
  ['WhatsApp 347 123 4567', 'phone', '347 123 4567', { countries: ['ITA'] }],
  ['paid to GB82 WEST 1234 5698 7654 32 last week', 'bank_account', 'GB82 WEST 1234 5698 7654 32'],
  ['IBAN DE89370400440532013000.', 'bank_account', 'DE89370400440532013000'],
  ['contact ahmed.trips@example.com for seats', 'email', 'ahmed.trips@example.com'],
  ['ads by @zuwara_crossings on Telegram', 'social_handle', '@zuwara_crossings'],
  ['pick-up truck AB-123-CD at the border', 'vehicle_plate', 'AB-123-CD'],
  ['Toyota AG 4417 NE seen at Agadez', 'vehicle_plate', 'AG 4417 NE'],
  ['fishing vessel IMO 9074729 towed', 'vessel', 'IMO 9074729'],
];

// Each one a text an officer writes every day: none may be refused.
const MUST_PASS = [
  'Detected 24.11.2026 at 21:30 on flight AZ 1234 from Lagos.',
  'Boat 4 left Zuwara on 23.11.2026 at 03:30, another on 25/11/2026 at 21h10.',
  'Flight AZ869 FCO-LOS, 12/03/2026, gate B12.',
  'Flights RYR1234 and W6 2201, arrival 2026-11-24T21:30:00Z.',
  'ICAO LIRF, DNMM, DRRN; IATA FCO, LOS, NIM.',
  '120 migrants, 14 children, 3 boats; 2,500 EUR each.',
  'Price observed EUR 1 500 000 for the whole group; 2.500.000 CFA.',
  'Departure from Zuwara around 03h15, arrival at Lampedusa 11:40.',
  'Agadez – Arlit – Assamaka, then Tamanrasset; about 900 km.',
  'In 2025 and 2026 the same route was used; see 2019-2020 reports.',
  'File PROC-2026-00123, cf. RG 1234/2026 and ref ROM-2026-0042.',
  'Proceedings RGNR 1234567/2026, then n. 20261234/2025.',
  'Alert 0192f3a4-5b6c-7d8e-9f00-112233445566 described the same boat.',
  'Coordinates 13.5137, 2.1098 near Niamey.',
  'Lampedusa, Porto Empedocle, Pozzallo.',
  'Counterfeit biodata page, laminate lifted; UV features missing.',
  'Seen on 20261124 between 06:00 and 18:00 UTC.',
  'Boat 12 m long, 60 hp engine, 45 l fuel, 3 jerrycans of 20 l.',
  'Bus line 7, seat 21, ticket price 15000 naira.',
  'Route D4 then N1, km 1540.',
];

describe('free text: what must be found', () => {
  it.each(MUST_FIND)('%s → %s', (text, kind, span, ctx) => {
    const found = findIdentifiersInText(text, ctx);
    expect(found.map((f) => f.kind)).toEqual([kind]);
    expect(spans(text, ctx)).toEqual([span]);
  });
});

describe('free text: what must pass', () => {
  it.each(MUST_PASS)('%s', (text) => {
    expect(kinds(text, { countries: ['ITA', 'NGA', 'NER', 'LBY'] })).toEqual([]);
  });
});

describe('free text: identifiers declared on the same item, in any written form', () => {
  const declared = [
    { kind: 'travel_document' as const, value: 'A07319842', qualifier: 'NGA' },
    { kind: 'phone' as const, value: '+234 803 555 0147' },
    { kind: 'person' as const, value: 'Blessing Okonkwo', qualifier: '1994-03-12' },
    { kind: 'vehicle_plate' as const, value: 'AG4417NE', qualifier: 'NER' },
    { kind: 'social_handle' as const, value: '@Zuwara_Crossings', qualifier: 'telegram' },
  ];
  it.each([
    ['passport a0731-9842 again', 0, 'a0731-9842'],
    ['the number A 0731 9842', 0, 'A 0731 9842'],
    ['call 0803.555.0147', 1, '0803.555.0147'],
    ['called (0803) 555-0147 twice', 1, '(0803) 555-0147'],
    ['case of OKONKWO', 2, 'OKONKWO'],
    ['Mrs Okónkwo travelled', 2, 'Okónkwo'],
    ['ag-4417-ne seen', 3, 'ag-4417-ne'],
    ['channel zuwara_crossings advertises', 4, 'zuwara_crossings'],
  ])('%s repeats identifier %i', (text, index, span) => {
    const found = findIdentifiersInText(text, { declared });
    expect(found.map((f) => f.declared)).toEqual([index]);
    expect(spans(text, { declared })).toEqual([span]);
  });

  it('does not take a word that merely contains a declared name for it', () => {
    expect(kinds('A blessing for the crew', { declared: [{ kind: 'person', value: 'Bless Okonkwo' }] })).toEqual([]);
  });
});

describe('field errors', () => {
  it('name the field, the rule and the kind, and never the value', () => {
    const errors = freeTextErrors(
      { summary: 'Call 0803 555 0147', route: { waypoints: [{ country: 'NGA', place: 'Kano, passport A0731 9842' }] }, identifiers: [] },
      { countries: ['NGA'] },
    );
    expect(errors.map((e) => [e.path, e.rule, e.found?.map((f) => f.kind)])).toEqual([
      ['summary', 'identifier_in_text', ['phone']],
      ['route.waypoints.0.place', 'identifier_in_text', ['travel_document']],
    ]);
    for (const e of errors) {
      expect(e.message).toContain('identifiers section');
      expect(e.message).not.toMatch(/0803|9842/);
    }
  });

  it('leave the identifiers section itself alone', () => {
    expect(freeTextErrors({ summary: 'seen', identifiers: [{ kind: 'travel_document', value: 'A07319842' }] })).toEqual([]);
  });

  it('leave dates and date-times alone, however many nines they hold (issue 15)', () => {
    expect(freeTextErrors({ validUntil: '9999-12-31T23:59:59Z', deadline: '9999-12-31' })).toEqual([]);
    // A date inside a sentence is still read with the rest of the sentence.
    expect(freeTextErrors({ summary: 'Passport A07319842 seen on 2026-11-30' })).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Identifiers of each kind, hidden in text in the forms people write them.

const SEPARATORS = [' ', '-', '.', ''];
/** Cuts a value into groups of 2–4 characters joined by one separator, as people copy numbers. */
const written = (value: string) =>
  fc.tuple(fc.constantFrom(...SEPARATORS), fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 8, maxLength: 8 })).map(([sep, sizes]) => {
    const groups: string[] = [];
    let i = 0;
    for (const size of sizes) {
      if (i >= value.length) break;
      groups.push(value.slice(i, i + size));
      i += size;
    }
    if (i < value.length) groups.push(value.slice(i));
    return groups.join(sep);
  });

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const upper = (n: number) => fc.array(fc.constantFrom(...'ABCDEFGHJKLMNPRSTUVWXYZ'), { minLength: n, maxLength: n }).map((d) => d.join(''));

const passport = fc.tuple(fc.integer({ min: 1, max: 2 }).chain(upper), fc.integer({ min: 7, max: 8 }).chain(digits)).map(([l, d]) => l + d);
// A year between dashes reads as a file reference (PROC-2026-00123): that form is let through, on purpose.
const notAFileReference = (s: string) => !/(^|-)(19[5-9]\d|20\d\d)(-|$)/.test(s);

const nigerianMobile = fc
  .tuple(fc.constantFrom('0803', '0806', '0813', '0816', '0703', '0706', '0903'), digits(7))
  .map(([p, d]) => p + d)
  .filter((n) => isValidPhoneNumber(n, 'NG'));
const italianMobile = fc
  .tuple(fc.constantFrom('320', '328', '333', '338', '340', '347', '349', '366', '380', '393'), digits(7))
  .map(([p, d]) => p + d)
  .filter((n) => isValidPhoneNumber(n, 'IT'));
const germanIban = fc.tuple(digits(8), digits(10)).map(([bank, account]) => composeIBAN({ countryCode: 'DE', bban: bank + account }) ?? '');

const PROSE_BEFORE = ['Seen with ', 'The smuggler gave ', 'Reported: ', '', 'Boarded at Lagos (', 'Notes — '];
const PROSE_AFTER = [' yesterday.', ', then left.', '', ') on 24.11.2026 at 21:30.', ' near Agadez, 120 migrants.'];
const inProse = (hidden: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom(...PROSE_BEFORE), hidden, fc.constantFrom(...PROSE_AFTER))
    .map(([a, h, b]) => ({ text: a + h + b, at: a.length, h }));

const caseOf = (s: string) => fc.constantFrom(s, s.toLowerCase(), s.toUpperCase());

describe('identifiers hidden in text (property)', () => {
  const foundExactly = (text: string, at: number, hidden: string, kind: IdentifierKind, ctx?: FreeTextContext) => {
    // Found where it is hidden; a lower-case prefix cut off its digits (dd 31 20 80 15) may stay outside.
    const f = findIdentifiersInText(text, ctx);
    return f.some((x) => x.kind === kind && x.start < at + hidden.length && x.end > at);
  };

  it('a document number, however cut and cased, is found', () => {
    fc.assert(
      fc.property(
        inProse(passport.chain(written).chain(caseOf)).filter((p) => notAFileReference(p.h)),
        ({ text, at, h }) => foundExactly(text, at, h, 'travel_document'),
      ),
      { numRuns: 400 },
    );
  });

  it('a declared document number, however cut and cased, is found as that identifier', () => {
    fc.assert(
      fc.property(passport, fc.constantFrom(...PROSE_BEFORE), fc.constantFrom(...PROSE_AFTER), (value, a, b) =>
        fc.assert(
          fc.property(written(value).chain(caseOf), (h) => {
            const found = findIdentifiersInText(a + h + b, { declared: [{ kind: 'travel_document', value, qualifier: 'NGA' }] });
            return found.some((f) => f.declared === 0);
          }),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 80 },
    );
  });

  it('a phone number in national or international form is found with the item’s countries', () => {
    const forms = (national: string, cc: string) =>
      fc.constantFrom(national, `+${cc}${national.replace(/^0/, '')}`, `00${cc}${national.replace(/^0/, '')}`).chain(written);
    fc.assert(
      fc.property(
        fc.oneof(
          nigerianMobile.chain((n) => forms(n, '234')).map((h) => ({ h, countries: ['NGA', 'LBY'] })),
          italianMobile.chain((n) => forms(n, '39')).map((h) => ({ h, countries: ['ITA', 'NER'] })),
        ),
        fc.constantFrom(...PROSE_BEFORE),
        fc.constantFrom(...PROSE_AFTER),
        ({ h, countries }, a, b) => foundExactly(a + h + b, a.length, h, 'phone', { countries }),
      ),
      { numRuns: 400 },
    );
  });

  it('an IBAN, electronic or printed in groups of four, is found', () => {
    const printed = (iban: string) => fc.constantFrom(iban, iban.replace(/(.{4})/g, '$1 ').trim(), iban.toLowerCase());
    fc.assert(
      fc.property(inProse(germanIban.chain(printed)), ({ text, at, h }) => foundExactly(text, at, h, 'bank_account')),
      { numRuns: 300 },
    );
  });

  it('a vehicle plate in the shapes of the routes’ countries is found', () => {
    const plate = fc
      .tuple(upper(2), digits(3), upper(2), fc.constantFrom(' ', '-', ''))
      .map(([a, d, b, sep]) => [a, d, b].join(sep))
      .filter((p) => !/^\d/.test(p));
    fc.assert(
      fc.property(inProse(plate), ({ text, at, h }) => foundExactly(text, at, h, 'vehicle_plate')),
      { numRuns: 300 },
    );
  });

  it('e-mail addresses and handles are found', () => {
    const local = fc.stringMatching(/^[a-z][a-z0-9._]{2,15}[a-z0-9]$/);
    const email = fc.tuple(local, fc.constantFrom('example.com', 'mail.example.ng', 'example.ly')).map(([l, d]) => `${l}@${d}`);
    const handle = local.map((l) => `@${l}`);
    fc.assert(
      fc.property(
        fc.oneof(
          inProse(email).map((p) => ({ ...p, kind: 'email' as const })),
          inProse(handle).map((p) => ({ ...p, kind: 'social_handle' as const })),
        ),
        ({ text, at, h, kind }) => foundExactly(text, at, h, kind),
      ),
      { numRuns: 300 },
    );
  });

  it('a declared name is found in any case, with or without its diacritics', () => {
    const name = fc.constantFrom('Blessing Okonkwo', 'Aïssata Moussa', 'Chinedu Okafor', 'Jean-Pierre Müller', 'Mohamed Ag Ibrahim');
    fc.assert(
      fc.property(name, fc.constantFrom(...PROSE_BEFORE), fc.constantFrom(...PROSE_AFTER), fc.boolean(), (value, a, b, lower) => {
        const surname = value.split(/[\s-]/).at(-1) as string;
        const written = lower ? surname.toLowerCase() : surname.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
        const found = findIdentifiersInText(`${a}${written}${b}`, { declared: [{ kind: 'person', value }] });
        return found.some((f) => f.kind === 'person' && f.declared === 0);
      }),
      { numRuns: 200 },
    );
  });
});
