import { describe, expect, it } from 'vitest';
import { matches, readTaxiiFilters } from './taxii-filters.js';

const ALL = new Set(['id', 'type', 'version', 'spec_version'] as const);
const report = {
  type: 'report',
  id: 'report--6f1d1b1e-3c5a-5a55-9f0e-2f1d1b1e3c5a',
  spec_version: '2.1',
  created: '2026-11-30T10:00:00.000Z',
  modified: '2026-11-30T12:00:00.000Z',
};
const read = (query: string, allowed: ReadonlySet<'id' | 'type' | 'version' | 'spec_version'> = ALL) =>
  readTaxiiFilters(new URLSearchParams(query), allowed);
const keeps = (query: string) => {
  const f = read(query);
  if ('error' in f) throw new Error(f.error);
  return matches(f, report);
};

describe('TAXII match filters', () => {
  it('keep every object when none is given', () => {
    expect(keeps('')).toBe(true);
  });

  it('match an id or a type from a comma-separated list', () => {
    expect(keeps(`match[id]=location--6f1d1b1e-3c5a-5a55-9f0e-2f1d1b1e3c5b,${report.id}`)).toBe(true);
    expect(keeps('match[id]=location--6f1d1b1e-3c5a-5a55-9f0e-2f1d1b1e3c5b')).toBe(false);
    expect(keeps('match[type]=location,report')).toBe(true);
    expect(keeps('match[type]=identity')).toBe(false);
  });

  it('name the one version held by first, last, all or its timestamp, at any precision', () => {
    for (const v of ['first', 'last', 'all', 'first,2001-01-01T00:00:00Z', '2026-11-30T12:00:00Z', '2026-11-30T12:00:00.000Z'])
      expect([v, keeps(`match[version]=${v}`)]).toEqual([v, true]);
    expect(keeps('match[version]=2026-11-30T10:00:00.000Z')).toBe(false);
  });

  it('match the spec version, 2.1 for every object here', () => {
    expect(keeps('match[spec_version]=2.0,2.1')).toBe(true);
    expect(keeps('match[spec_version]=2.0')).toBe(false);
  });

  it('refuse a wrong value naming its parameter', () => {
    expect(read('match[version]=yesterday')).toEqual({
      error: expect.stringMatching(/^match\[version\] must be first, last, all or timestamps/),
    });
    expect(read('match[version]=2026-13-45T00:00:00Z')).toEqual({ error: expect.stringMatching(/^match\[version\] /) });
    expect(read('match[id]=report')).toEqual({ error: expect.stringMatching(/^match\[id\] must be STIX ids/) });
    expect(read('match[type]=Report!')).toEqual({ error: expect.stringMatching(/^match\[type\] /) });
    expect(read('match[spec_version]=latest')).toEqual({ error: expect.stringMatching(/^match\[spec_version\] /) });
  });

  it('ignore the filters an endpoint does not take (§3.5), wrong or not', () => {
    expect(read('match[id]=report&match[type]=identity', new Set(['spec_version'] as const))).toEqual({
      ids: null,
      types: null,
      versions: null,
      specVersions: null,
    });
  });
});
