import { describe, expect, it } from 'vitest';
import { base64urlBytes, base64urlEncode, canonicalize, parseNetworkKey, pseudonymize } from './pseudonym.js';

const key = parseNetworkKey(`1:${Buffer.alloc(32, 7).toString('base64url')}`);
const other = parseNetworkKey(`2:${Buffer.alloc(32, 9).toString('base64url')}`);

describe('pseudonyms', () => {
  it.each([
    [
      { kind: 'travel_document', value: 'a0 123-4567', qualifier: 'nga' },
      { kind: 'travel_document', value: 'A01234567', qualifier: 'NGA' },
    ],
    [
      { kind: 'phone', value: '00218 91 234 5678' },
      { kind: 'phone', value: '+218-912-345-678' },
    ],
    [
      { kind: 'person', value: 'Okafor Chinedu', qualifier: '1990-01-02' },
      { kind: 'person', value: 'CHINEDU  Okáfor', qualifier: '1990-01-02' },
    ],
    [
      { kind: 'social_handle', value: '@Ahmed_Trips', qualifier: 'telegram' },
      { kind: 'social_handle', value: 'ahmed_trips', qualifier: 'Telegram' },
    ],
  ] as const)('maps two spellings of the same identifier together: %o', (a, b) => {
    expect(canonicalize(a)).toBe(canonicalize(b));
    expect(pseudonymize(a, key).pseudonym).toBe(pseudonymize(b, key).pseudonym);
  });

  it.each([
    [
      { kind: 'travel_document', value: 'A01234567', qualifier: 'NGA' },
      { kind: 'travel_document', value: 'A01234567', qualifier: 'GHA' },
    ],
    [
      { kind: 'person', value: 'Chinedu Okafor', qualifier: '1990-01-02' },
      { kind: 'person', value: 'Chinedu Okafor', qualifier: '1990-02-01' },
    ],
    [
      { kind: 'phone', value: '+218912345678' },
      { kind: 'vessel', value: '+218912345678', qualifier: 'LBY' },
    ],
  ] as const)('keeps different identifiers apart: %o', (a, b) => {
    expect(pseudonymize(a, key).pseudonym).not.toBe(pseudonymize(b, key).pseudonym);
  });

  it('never contains the raw value and depends on the key of the epoch', () => {
    const id = { kind: 'travel_document', value: 'A01234567', qualifier: 'NGA' } as const;
    const p = pseudonymize(id, key);
    expect(p.pseudonym).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(p.pseudonym).not.toContain('A01234567');
    expect(p.epoch).toBe(1);
    expect(pseudonymize(id, other).pseudonym).not.toBe(p.pseudonym);
  });

  it('refuses a short or malformed network key', () => {
    expect(() => parseNetworkKey('1:abc')).toThrow(/at least 32 bytes/);
    expect(() => parseNetworkKey('secret')).toThrow(/<epoch>:<base64url secret>/);
  });
});

describe('base64url, as pseudonyms and pseudonym elements travel', () => {
  // The portable path the console's browsers take, written out: the node's Buffer must agree with it.
  const portable = (bytes: Uint8Array) =>
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');

  it('encodes and decodes every length and byte as the portable path does, views of larger buffers included', () => {
    for (let n = 0; n < 70; n++) {
      const whole = crypto.getRandomValues(new Uint8Array(n + 7));
      const view = whole.subarray(3, 3 + n);
      const text = base64urlEncode(view);
      expect(text).toBe(portable(view));
      expect(base64urlBytes(text)).toEqual(new Uint8Array(view));
    }
  });

  it('refuses text that is not base64url rather than skipping what it cannot read', () => {
    for (const bad of ['ab+c', 'ab/c', 'ab c', 'abc=', 'abcde', '€abc']) expect(() => base64urlBytes(bad), bad).toThrow();
  });
});
