import { expect, it } from 'vitest';
import { mergeFeed } from './merge-feed';

const alert = (id: string, createdAt: string, revision = 1) => ({ id, createdAt, revision, origin: { agency: 'it-polfr' } });

it('shows each alert once, at its newest revision, newest first', () => {
  const loaded = [alert('a', '2026-11-24T10:00:00Z'), alert('b', '2026-11-24T09:00:00Z')];
  const live = [alert('c', '2026-11-24T11:00:00Z'), alert('a', '2026-11-24T10:00:00Z', 2), alert('a', '2026-11-24T10:00:00Z', 1)];
  const merged = mergeFeed(loaded, live);
  expect(merged.map((x) => [x.id, x.revision])).toEqual([
    ['c', 1],
    ['a', 2],
    ['b', 1],
  ]);
});
