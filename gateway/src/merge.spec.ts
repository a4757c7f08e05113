import type { Alert } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { mergeAlerts } from './merge.js';

const a = (id: string, agency: string, createdAt: string) => ({ id, createdAt, origin: { agency, country: 'ITA' } }) as Alert;

describe('merging alerts from several nodes', () => {
  it('orders newest first, then by agency, then by id, whatever order the nodes answered in', () => {
    const fromItaly = [a('3', 'it-polfr', '2026-11-24T10:00:00Z'), a('1', 'it-polfr', '2026-11-24T09:00:00Z')];
    const fromNiger = [a('2', 'ne-ppn', '2026-11-24T10:00:00Z'), a('4', 'ne-ppn', '2026-11-24T11:00:00Z')];
    const ids = (lists: Alert[][]) => mergeAlerts(lists, 10).map((x) => x.id);
    expect(ids([fromItaly, fromNiger])).toEqual(['4', '3', '2', '1']);
    expect(ids([fromNiger, fromItaly])).toEqual(['4', '3', '2', '1']);
  });

  it('keeps only the newest up to the limit', () => {
    expect(mergeAlerts([[a('1', 'x', '2026-01-01T00:00:00Z'), a('2', 'x', '2026-01-02T00:00:00Z')]], 1).map((x) => x.id)).toEqual(['2']);
  });
});
