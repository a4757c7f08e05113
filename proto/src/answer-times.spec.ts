import { describe, expect, it } from 'vitest';
import { answerTimeOf, answerTimes, DIRECTIVE_2023_977_ANSWER_TIMES, durationMs, statutoryDueAt, warningAt } from './answer-times.js';
import { membership } from './membership.js';

const sentAt = '2026-11-30T22:15:00.000+01:00';

describe('statutory answer times (Directive 2023/977 Art. 5(1))', () => {
  it('give 8 hours for an urgent request for directly accessible information, 3 days for other urgent ones, 7 days for the rest', () => {
    const due = (urgent: boolean, directlyAccessible: boolean) =>
      statutoryDueAt(undefined, { requestType: 'information_request', urgent, directlyAccessible }, sentAt);
    expect(due(true, true)).toBe('2026-12-01T05:15:00.000Z');
    expect(due(true, false)).toBe('2026-12-03T21:15:00.000Z');
    expect(due(false, true)).toBe('2026-12-07T21:15:00.000Z');
    expect(due(false, false)).toBe('2026-12-07T21:15:00.000Z');
  });

  it('leave requests outside the Directive (MLA, extradition, joint teams) to the time their sender sets', () => {
    for (const requestType of ['mla', 'extradition', 'joint_investigation_team'] as const)
      expect(answerTimeOf(DIRECTIVE_2023_977_ANSWER_TIMES, { requestType, urgent: true })).toBeNull();
  });

  it('follow the network’s own table when its membership carries one, first matching row first', () => {
    const table = answerTimes.parse([
      { requestType: 'mla', urgent: true, within: 'P10D' },
      { requestType: 'information_request', urgent: true, within: 'PT4S' },
    ]);
    expect(statutoryDueAt(table, { requestType: 'information_request', urgent: true, directlyAccessible: true }, sentAt)).toBe(
      '2026-11-30T21:15:04.000Z',
    );
    expect(answerTimeOf(table, { requestType: 'information_request', urgent: false })).toBeNull();
    expect(answerTimeOf(table, { requestType: 'mla', urgent: true })?.within).toBe('P10D');
  });

  it('read ISO 8601 durations of days to seconds, and refuse anything else in the membership, naming the field', () => {
    expect(durationMs('P1DT2H3M4S')).toBe(((24 + 2) * 3600 + 3 * 60 + 4) * 1000);
    for (const bad of ['P', 'PT', '8h', 'P1Y', 'PT0S', '-PT8H']) expect(durationMs(bad) ?? 0).toBe(0);
    const r = membership.shape.answerTimes.safeParse([{ requestType: 'information_request', urgent: true, within: '8 hours' }]);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['0.within']);
  });

  it('warn at 75 % of the time', () => {
    expect(warningAt('2026-12-01T00:00:00.000Z', '2026-12-01T08:00:00.000Z')).toBe('2026-12-01T06:00:00.000Z');
  });
});
