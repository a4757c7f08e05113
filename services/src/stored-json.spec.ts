import { describe, expect, it } from 'vitest';
import { toJsonb } from './stored-json.js';

describe('toJsonb', () => {
  it('keeps what JSON holds and drops fields left undefined, as JSON.stringify does', () => {
    const value = { a: 1, b: 'x', c: [true, null, { d: undefined, e: 2.5 }], f: undefined };
    expect(toJsonb(value, 'doc')).toEqual(JSON.parse(JSON.stringify(value)));
  });

  it('refuses, naming the field, what JSON cannot hold', () => {
    expect(() => toJsonb({ at: new Date() }, 'doc')).toThrow('doc.at is not JSON');
    expect(() => toJsonb({ n: [1, Number.NaN] }, 'doc')).toThrow('doc.n.1 is not JSON');
    expect(() => toJsonb({ f: () => 1 }, 'doc')).toThrow('doc.f is not JSON');
    expect(() => toJsonb(null, 'doc')).toThrow('doc: null is not a document');
  });
});
