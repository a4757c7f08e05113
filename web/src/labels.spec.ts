import { expect, it } from 'vitest';
import { dayRange, hoursText } from './labels';

it('names office days as words, runs of days as a range', () => {
  expect(dayRange(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Mon–Fri');
  expect(dayRange(['sat', 'sun'])).toBe('Sat, Sun');
  expect(dayRange(['fri', 'mon', 'wed'])).toBe('Mon, Wed, Fri');
  expect(
    hoursText([
      { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:00' },
      { days: ['fri'], from: '08:00', to: '12:00' },
    ]),
  ).toBe('Mon–Thu 08:00–16:00; Fri 08:00–12:00');
});
