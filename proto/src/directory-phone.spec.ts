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
    ['switchboard', 'ITA', /^is not a phone number/],
  ])('refuses %j (entry in %s)', (written, country, message) => {
    const reading = readDirectoryPhone(written, country);
    expect('error' in reading ? reading.error : reading).toMatch(message);
  });
});
