import { describe, expect, it } from 'vitest';
import { arrivals, badgeNumber, NO_ACTIVITY, pageCount, titleWith, totalCount } from './activity-counts';

describe('activity counts in the console', () => {
  const counts = { alert: 2, consultation: 1, request: 0, protection: 3 };

  it('gives each page the kinds it clears: the feed its alerts and the protection notices beside it', () => {
    expect(pageCount(counts, 'feed')).toBe(5);
    expect(pageCount(counts, 'consultations')).toBe(1);
    expect(pageCount(counts, 'requests')).toBe(0);
    expect(pageCount(counts, 'directory')).toBe(0);
    expect(totalCount(counts)).toBe(6);
  });

  it('puts the total in front of the tab’s title, once, and takes it away when nothing waits', () => {
    expect(titleWith(counts, 'Corridor console')).toBe('(6) Corridor console');
    expect(titleWith({ ...counts, alert: 3 }, '(6) Corridor console')).toBe('(7) Corridor console');
    expect(titleWith(NO_ACTIVITY, '(7) Corridor console')).toBe('Corridor console');
    expect(titleWith({ ...NO_ACTIVITY, alert: 150 }, '(99+) Corridor console')).toBe('(99+) Corridor console');
  });

  it('keeps a badge narrow past 99', () => {
    expect(badgeNumber(7)).toBe('7');
    expect(badgeNumber(99)).toBe('99');
    expect(badgeNumber(100)).toBe('99+');
  });

  it('names what newly arrived between two readings, and nothing when a count fell (a page was opened)', () => {
    expect(arrivals(counts, { ...counts, consultation: 2, request: 1 })).toEqual({ consultation: 1, request: 1 });
    expect(arrivals(counts, { ...counts, protection: 0 })).toEqual({});
    expect(arrivals(NO_ACTIVITY, NO_ACTIVITY)).toEqual({});
  });
});
