import { describe, expect, it } from 'vitest';
import { phoneForReader } from './phone-display.js';

describe('a number as its reader sees it', () => {
  it.each([
    ['+390922483111', 'ITA', '0922 483111'],
    ['+390922483111', 'NER', '+39 0922 483111'],
    ['+22720723456', 'NER', '20 72 34 56'],
    ['+2348035550147', 'NGA', '0803 555 0147'],
    ['+2348035550147', undefined, '+234 803 555 0147'],
    ['20 72 34 57 (poste 12)', 'NER', '20 72 34 57 (poste 12)'],
  ])('shows %s to a reader in %s as %j', (value, reader, shown) => {
    expect(phoneForReader(value, reader)).toBe(shown);
  });
});
