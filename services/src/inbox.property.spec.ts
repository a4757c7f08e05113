// Property-based checks (fast-check) of what the inbox accepts from the bus: anything that is not
// a complete, consistent alert is refused with a reason, and checking never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage } from './inbox.js';
import { toWireAlert } from './publish-alert.js';
import { ITALY, NETWORK_KEY, routeInput } from './testing/fixtures.js';

const opts = { agency: 'ne-ppn', subjectRoot: 'corridor' };
const subject = 'corridor.alert.route.ITA.central-mediterranean.it-polfr';
const alert = toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date('2026-11-24T10:00:00Z'));

describe('the inbox, for any message', () => {
  it('never throws on arbitrary bytes or JSON, and accepts none of them', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        fc.string(),
        (data, tail) => {
          expect(checkMessage(subject, data, opts).ok).toBe(false);
          expect(checkMessage(`corridor.${tail}`, data, opts).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an alert with any required field removed', () => {
    const required = Object.keys(alert).filter((k) => !['signature'].includes(k));
    fc.assert(
      fc.property(fc.constantFrom(...required), (key) => {
        const { [key]: _, ...rest } = alert as Record<string, unknown>;
        const verdict = checkMessage(subject, JSON.stringify(rest), opts);
        expect(verdict.ok).toBe(false);
      }),
    );
  });

  it('refuses an alert with any field replaced by a value of another type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(alert)),
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object()),
        (key, value) => {
          const original = (alert as Record<string, unknown>)[key];
          fc.pre(key !== 'signature' && key !== 'validUntil');
          fc.pre(typeof value !== typeof original || Array.isArray(value) !== Array.isArray(original));
          const verdict = checkMessage(subject, JSON.stringify({ ...alert, [key]: value }), opts);
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
