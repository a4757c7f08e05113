import { describe, expect, it } from 'vitest';
import { readDirectoryPhone } from './directory-phone.js';

describe('a directory phone number', () => {
  it.each([
    ['+39 06 4686 1', 'ITA', '+390646861'],
    ['0039 (06) 4686-1', 'NER', '+390646861'],
    ['06 4686 1', 'ITA', '+390646861'],
    ['0803 555 0147', 'NGA', '+2348035550147'],
  ])('reads %j (entry in %s) as %s', (written, country, e164) => {
    expect(readDirectoryPhone(written, country)).toEqual({ e164 });
  });

  it.each([
    ['2.34100000199E+11', 'NGA', /^is a number in scientific notation/],
    ['2,341E+11', 'ITA', /^is a number in scientific notation/],
    ['390646861', 'ITA', /^may have lost its "\+" in a spreadsheet: write it with its country code, e\.g\. \+390646861$/],
    ['06 4686 1', undefined, /^is not a phone number of the entry’s country/],
    ['+39 06', 'ITA', /^is not a possible phone number for its country code \+39$/],
    // Right length, but Niger allocates no number beginning 20 00: possible, not valid.
    [
      '+227 20 00 01 02',
      'NER',
      /^is not a valid phone number for its country code \+227: no number there begins with these digits \(a valid one looks like \+227 \d/,
    ],
    ['20 00 01 02', 'NER', /^is not a valid phone number for its country code \+227/],
    ['switchboard', 'ITA', /^is not a phone number/],
  ])('refuses %j (entry in %s)', (written, country, message) => {
    const reading = readDirectoryPhone(written, country);
    expect('error' in reading ? reading.error : reading).toMatch(message);
  });
});

describe('a directory entry draft', () => {
  it('names the channel whose number is not valid, and keeps the others', async () => {
    const { directoryEntryDraft } = await import('./directory.js');
    const { fieldErrorsOf } = await import('./errors.js');
    const draft = {
      kind: 'desk',
      name: 'Permanence',
      country: 'NER',
      roles: ['border_control'],
      languages: ['fr'],
      availability: { always: true, timeZone: 'Africa/Niamey' },
      channels: [
        { type: 'phone', value: '+227 20 72 25 55' },
        { type: 'email', value: 'desk@ne-ppn.example.org' },
        { type: 'fax', value: '+227 20 00 02 99' },
      ],
    };
    const parsed = directoryEntryDraft.safeParse(draft);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error)).toEqual([
      {
        path: 'channels.2.value',
        rule: 'custom',
        message: expect.stringMatching(/^channel 3 \(fax\) is not a valid phone number for its country code \+227: /),
      },
    ]);
  });
});
