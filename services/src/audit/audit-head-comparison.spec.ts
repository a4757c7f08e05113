import type { AuditHead } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { type ChainState, compareWithHeads } from './audit-head-comparison.js';

const hash = (c: string) => c.repeat(64);
const head = (seq: number, h: string): AuditHead => ({ agency: 'it-polfr', seq: String(seq), hash: h, at: '2026-11-30T10:00:00.000Z' });
const chain = (tail: number | null, rows: Record<number, string>): ChainState => ({
  tail: tail === null ? null : BigInt(tail),
  hashAt: new Map(Object.entries(rows)),
});

describe('comparing the chain with the heads partners hold', () => {
  it('finds nothing when every held head is a row of the chain', () => {
    const r = compareWithHeads(chain(12, { 10: hash('a'), 12: hash('b') }), [
      { holder: 'ne-ppn', head: head(10, hash('a')) },
      { holder: 'ng-nis', head: head(12, hash('b')) },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.partners.map((p) => [p.agency, p.seq, p.ok])).toEqual([
      ['ne-ppn', '10', true],
      ['ng-nis', '12', true],
    ]);
  });

  it('names truncation when a partner holds a head beyond the chain’s end, or of a row no longer there', () => {
    const r = compareWithHeads(chain(9, { 5: hash('a') }), [
      { holder: 'ne-ppn', head: head(12, hash('b')) },
      { holder: 'ng-nis', head: head(12, hash('b')) },
      { holder: 'ng-nis', head: head(7, hash('c')) },
    ]);
    expect(r.problems).toEqual([
      { kind: 'truncation', seq: '7', agencies: ['ng-nis'], message: expect.stringContaining('no longer in the chain') },
      { kind: 'truncation', seq: '12', agencies: ['ne-ppn', 'ng-nis'], message: expect.stringContaining('now ends at 9') },
    ]);
    expect(r.partners.every((p) => !p.ok)).toBe(true);
    expect(compareWithHeads(chain(null, {}), [{ holder: 'ne-ppn', head: head(1, hash('a')) }]).problems[0]?.kind).toBe('truncation');
  });

  it('names a rewrite, with the partner holding the head the chain no longer has', () => {
    const r = compareWithHeads(chain(20, { 10: hash('a'), 15: hash('x') }), [
      { holder: 'ne-ppn', head: head(10, hash('a')) },
      { holder: 'ng-nis', head: head(15, hash('b')) },
    ]);
    expect(r.problems).toEqual([{ kind: 'rewrite', seq: '15', agencies: ['ng-nis'], message: expect.stringContaining('rewritten') }]);
    expect(r.partners.find((p) => p.agency === 'ng-nis')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/holds hash bbbbbbbbbbbb… for row 15, the chain has xxxxxxxxxxxx…/),
    });
  });

  it('names equivocation, with both partners, when two different hashes were signed for one row', () => {
    const r = compareWithHeads(chain(15, { 15: hash('a') }), [
      { holder: 'ne-ppn', head: head(15, hash('a')) },
      { holder: 'ng-nis', head: head(15, hash('b')) },
    ]);
    expect(r.problems).toContainEqual({
      kind: 'equivocation',
      seq: '15',
      agencies: ['ne-ppn', 'ng-nis'],
      message: expect.stringMatching(/row 15: ne-ppn holds aaaaaaaaaaaa…, ng-nis holds bbbbbbbbbbbb…/),
    });
    // The head that is not in the chain is also a rewrite, held by the partner that was served the other chain.
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'rewrite', agencies: ['ng-nis'] }));
  });

  it('names the partners holding no head of rows that should have reached them by now', () => {
    const due = { seq: 8n, at: '2026-11-30T09:55:00.000Z' };
    const r = compareWithHeads(
      { ...chain(12, { 8: hash('a'), 10: hash('b') }), due },
      [
        { holder: 'ne-ppn', head: head(10, hash('b')) },
        { holder: 'ng-nis', head: head(7, hash('c')) },
      ],
      ['ne-ppn', 'ng-nis', 'xx-quiet'],
    );
    expect(r.problems.filter((p) => p.kind === 'uncovered')).toEqual([
      {
        kind: 'uncovered',
        seq: '8',
        agencies: ['ng-nis', 'xx-quiet'],
        message: expect.stringContaining('row 8 (written 2026-11-30T09:55:00.000Z)'),
      },
    ]);
  });

  it('does not let a partner frame the agency with a head the agency did not sign', () => {
    const r = compareWithHeads(chain(3, { 3: hash('a') }), [{ holder: 'ng-nis', forged: 'signature does not match the head' }]);
    expect(r.problems).toEqual([{ kind: 'forged-head', seq: '', agencies: ['ng-nis'], message: expect.stringContaining('did not sign') }]);
    expect(r.problems.some((p) => p.kind === 'truncation' || p.kind === 'rewrite')).toBe(false);
  });
});
