// Each canonicaliser's table of examples: spellings that must map together, values that must
// stay apart, and input that must be refused with the field named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdentifierInput } from '../alert.js';
import { IDENTIFIER_KINDS } from '../codes.js';
import { canonicalIdentifier, IdentifierError } from './index.js';
import { imoCheckDigitHolds } from './vessel.js';

type Id = Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>;
const id = (kind: Id['kind'], value: string, qualifier?: string): Id => ({ kind, value, ...(qualifier ? { qualifier } : {}) });

const TOGETHER: Record<Id['kind'], Id[][]> = {
  travel_document: [
    [id('travel_document', 'A0731 9842', 'NGA'), id('travel_document', 'a07319842', 'nga'), id('travel_document', 'A07319842<<', 'NGA')],
  ],
  person: [
    [
      id('person', 'Chinedu Okafor', '1990-01-02'),
      id('person', 'OKAFOR, Chinedu', '02/01/1990'),
      id('person', 'chinedu  okáfor', '19900102'),
    ],
    [id('person', 'Jean-Pierre Müller'), id('person', 'Muller Jean Pierre')],
    [id('person', "Seán O'Brien"), id('person', 'OBRIEN Sean')],
    [id('person', 'Дмитрий Иванов'), id('person', 'Ivanov Dmitriy')],
  ],
  phone: [
    [
      id('phone', '+234 803 555 0147'),
      id('phone', '00234-803-5550147'),
      id('phone', '0803 555 0147', 'NGA'),
      id('phone', '(0803) 555-0147', 'NGA'),
    ],
    [id('phone', '+39 333 123 4567'), id('phone', '333 1234567', 'ITA')],
  ],
  email: [[id('email', ' Ahmed.Trips@Example.com '), id('email', 'ahmed.trips@example.com')]],
  social_handle: [
    [
      id('social_handle', '@Zuwara_Crossings', 'telegram'),
      id('social_handle', 'https://t.me/zuwara_crossings', 'Telegram'),
      id('social_handle', 't.me/ZUWARA_CROSSINGS/', 'telegram'),
    ],
  ],
  vehicle_plate: [[id('vehicle_plate', 'AG 4417 NE', 'NER'), id('vehicle_plate', 'ag-4417-ne', 'ner')]],
  vessel: [
    [id('vessel', 'IMO 9074729'), id('vessel', '9074729'), id('vessel', 'imo:9074729')],
    [id('vessel', 'MMSI 642123456'), id('vessel', '642123456')],
    [id('vessel', 'Al Amal', 'LBY'), id('vessel', 'AL-AMAL', 'lby')],
  ],
  bank_account: [
    [id('bank_account', 'GB82 WEST 1234 5698 7654 32'), id('bank_account', 'gb82west12345698765432')],
    [id('bank_account', 'WU 883 412 997', 'western_union'), id('bank_account', 'wu883412997', 'Western Union')],
  ],
};

const APART: Record<Id['kind'], [Id, Id][]> = {
  travel_document: [
    [id('travel_document', 'A07319842', 'NGA'), id('travel_document', 'A07319842', 'GHA')],
    // One character apart is another document: no O/0 folding.
    [id('travel_document', 'A07319842', 'NGA'), id('travel_document', 'AO7319842', 'NGA')],
  ],
  person: [
    [id('person', 'Chinedu Okafor', '1990-01-02'), id('person', 'Chinedu Okafor', '1990-02-01')],
    // Transliteration conventions are not folded: Mueller and Muller are kept apart.
    [id('person', 'Hans Mueller'), id('person', 'Hans Müller')],
  ],
  phone: [
    [id('phone', '+234 803 555 0147'), id('phone', '+234 803 555 0148')],
    // The same national digits in two countries are two numbers.
    [id('phone', '612 345 678', 'ESP'), id('phone', '612 345 678', 'FRA')],
  ],
  email: [[id('email', 'ahmed.trips@example.com'), id('email', 'ahmedtrips@example.com')]],
  social_handle: [[id('social_handle', '@zuwara_crossings', 'telegram'), id('social_handle', '@zuwara_crossings', 'facebook')]],
  vehicle_plate: [[id('vehicle_plate', 'AG 4417 NE', 'NER'), id('vehicle_plate', 'AG 4417 NE', 'MLI')]],
  vessel: [
    [id('vessel', 'IMO 9074729'), id('vessel', 'MMSI 907472900')],
    [id('vessel', 'Al Amal', 'LBY'), id('vessel', 'Al Amal', 'TUN')],
  ],
  bank_account: [
    [id('bank_account', 'GB82 WEST 1234 5698 7654 32'), id('bank_account', 'GB82WEST12345698765432', 'western_union')]
      .slice(0, 1)
      .concat([id('bank_account', 'GB33 BUKB 2020 1555 5555 55')]) as [Id, Id],
  ],
};

const REFUSED: [Id, 'value' | 'qualifier'][] = [
  [id('travel_document', 'A07319842'), 'qualifier'],
  [id('travel_document', 'A07319842', 'XYZ'), 'qualifier'],
  [id('travel_document', 'A1', 'NGA'), 'value'],
  [id('person', 'Chinedu'), 'value'],
  [id('person', 'Chinedu Okafor', '31/02/1990'), 'qualifier'],
  [id('person', 'Chinedu Okafor', '2990-01-01'), 'qualifier'],
  [id('phone', '0803 555 0147'), 'value'],
  [id('phone', '+234 12'), 'value'],
  [id('phone', '0803 555 0147', 'QQQ'), 'qualifier'],
  [id('email', 'not-an-address'), 'value'],
  [id('social_handle', '@someone'), 'qualifier'],
  [id('vehicle_plate', 'AG 4417'), 'qualifier'],
  [id('vessel', 'IMO 9074728'), 'value'],
  [id('vessel', 'Al Amal'), 'qualifier'],
  [id('bank_account', 'GB82 WEST 1234 5698 7654 33'), 'value'],
  [id('bank_account', 'WU 883 412 997'), 'qualifier'],
];

describe.each(IDENTIFIER_KINDS)('canonical form of %s', (kind) => {
  it.each(TOGETHER[kind].map((group) => [group.map((g) => g.value).join(' = '), group] as const))('maps together: %s', (_name, group) => {
    const forms = group.map(canonicalIdentifier);
    expect(new Set(forms).size).toBe(1);
  });
  it.each(APART[kind].map((pair) => [pair.map((p) => `${p.value} (${p.qualifier ?? '-'})`).join(' ≠ '), pair] as const))(
    'keeps apart: %s',
    (_name, [a, b]) => {
      expect(canonicalIdentifier(a)).not.toBe(canonicalIdentifier(b));
    },
  );
});

describe('refused input', () => {
  it.each(REFUSED.map(([i, field]) => [`${i.kind} ${i.value} (${i.qualifier ?? '-'})`, i, field] as const))('%s', (_name, i, field) => {
    const e = (() => {
      try {
        canonicalIdentifier(i);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(IdentifierError);
    expect((e as IdentifierError).field).toBe(field);
  });
});

describe('properties', () => {
  it('never throws anything but IdentifierError, whatever is typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IDENTIFIER_KINDS),
        fc.string({ maxLength: 60 }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (kind, value, qualifier) => {
          try {
            canonicalIdentifier(id(kind, value, qualifier));
          } catch (e) {
            if (!(e instanceof IdentifierError)) throw e;
          }
        },
      ),
    );
  });

  it('the IMO check digit holds for real IMO numbers and fails for a changed digit', () => {
    expect(imoCheckDigitHolds('9074729')).toBe(true);
    expect(imoCheckDigitHolds('9074728')).toBe(false);
  });
});
