import { type AlertInput, type ReleasePolicy, redactAlert, releasePolicy, ValidationError } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { sendPlan } from '../policy/release.js';
import { ITALY, NETWORK_KEY, routeInput, SPEC_MEMBERSHIP, SPEC_POLICY } from '../testing/fixtures.js';
import { toWireAlert } from './publish-alert.js';
import { previewRelease } from './release-preview.js';

const now = new Date('2026-11-24T20:00:00Z');
const preview = (input: unknown, policy: ReleasePolicy = SPEC_POLICY) =>
  previewRelease({ agency: ITALY, membership: () => SPEC_MEMBERSHIP, policy: () => policy, now: () => now }, input);
const ALL_BUT_PROSECUTOR = ['border_officer', 'investigator', 'central_authority', 'liaison_officer', 'analyst', 'administrator'];

/** What publishing the same input would send: each partner's copy as enqueue makes it. */
function sent(input: AlertInput, policy: ReleasePolicy = SPEC_POLICY) {
  const wire = toWireAlert(input, ITALY, NETWORK_KEY, now, SPEC_MEMBERSHIP);
  return sendPlan(policy, SPEC_MEMBERSHIP, ITALY, wire).map((p) => ({
    agency: p.agency,
    rule: p.rule,
    withheld: redactAlert(wire, p.redact).redacted ?? [],
  }));
}
const copies = (items: ReturnType<typeof preview>) =>
  items.filter((i) => i.receives).map((i) => ({ agency: i.agency, rule: i.rule, withheld: i.withheld }));

describe('who will see a draft alert', () => {
  it('GREEN: every other member gets a copy without the case reference; prosecutors read it whole through the network', () => {
    const input = routeInput({ caseReference: 'RG 123/26' });
    const items = preview(input);
    expect(items.map((i) => i.agency)).toEqual(['ne-ppn', 'ng-nis']);
    for (const i of items) {
      expect(i).toMatchObject({
        receives: true,
        reason: 'released',
        rule: 'alerts-members',
        policyVersion: 1,
        withheld: ['caseReference'],
      });
      expect(i.readers).toContainEqual({ role: 'prosecutor', rule: 'alerts-prosecutors', withheld: [] });
      expect(i.readers.filter((r) => r.role !== 'prosecutor')).toEqual(
        ALL_BUT_PROSECUTOR.map((role) => ({ role, rule: 'alerts-members', withheld: ['caseReference'] })),
      );
    }
    expect(copies(items)).toEqual(sent(input));
  });

  it('lists as withheld only the fields the draft has', () => {
    const items = preview(routeInput());
    expect(items.map((i) => i.withheld)).toEqual([[], []]);
    expect(copies(items)).toEqual(sent(routeInput()));
  });

  it('AMBER reaches the agencies it names; the others are told they are not named', () => {
    const input = routeInput({ tlp: 'AMBER', recipients: ['ne-ppn'] });
    const [niger, nigeria] = preview(input);
    expect(niger).toMatchObject({ receives: true, reason: 'released', rule: 'alerts-members' });
    expect(nigeria).toEqual(expect.objectContaining({ receives: false, reason: 'not_named', rule: null, withheld: [], readers: [] }));
    expect(copies(preview(input))).toEqual(sent(input));
  });

  it('AMBER+STRICT and RED', () => {
    const strict = routeInput({ tlp: 'AMBER+STRICT', recipients: ['ng-nis'] });
    expect(preview(strict).map((i) => [i.agency, i.reason])).toEqual([
      ['ne-ppn', 'not_named'],
      ['ng-nis', 'released'],
    ]);
    expect(copies(preview(strict))).toEqual(sent(strict));
    expect(preview(routeInput({ tlp: 'RED' })).map((i) => [i.reason, i.readers.length])).toEqual([
      ['tlp_red', 0],
      ['tlp_red', 0],
    ]);
  });

  it('names the deny rule that refuses an agency, and says when no rule releases', () => {
    const policy = releasePolicy.parse({
      agency: 'it-polfr',
      version: 7,
      rules: [
        { id: 'not-nigeria', resource: 'alert', effect: 'deny', partners: ['ng-nis'] },
        { id: 'niger-green', resource: 'alert', tlp: ['GREEN'], partners: ['ne-ppn'], redact: ['identifiers', 'route.places'] },
      ],
    });
    const input = routeInput();
    const [niger, nigeria] = preview(input, policy);
    // The draft has identifiers but no place names: only what it has is listed as withheld.
    expect(niger).toMatchObject({ receives: true, rule: 'niger-green', policyVersion: 7, withheld: ['identifiers'] });
    expect(nigeria).toMatchObject({ receives: false, reason: 'denied_by_rule', rule: 'not-nigeria', readers: [] });
    expect(copies(preview(input, policy))).toEqual(sent(input, policy));
    expect(preview(routeInput({ tlp: 'CLEAR' }), policy)[0]).toMatchObject({ receives: false, reason: 'no_rule', rule: null });
  });

  it('names the roles that read it at this node when a role rule releases it and no copy goes', () => {
    const policy = releasePolicy.parse({
      agency: 'it-polfr',
      version: 4,
      rules: [{ id: 'prosecutors-only', resource: 'alert', roles: ['prosecutor'], redact: ['identifiers'] }],
    });
    const input = routeInput();
    for (const i of preview(input, policy))
      expect(i).toMatchObject({
        receives: false,
        reason: 'no_rule',
        readers: [{ role: 'prosecutor', rule: 'prosecutors-only', withheld: ['identifiers'] }],
      });
    expect(sent(input, policy)).toEqual([]);
  });

  it('follows the handling code a rule names', () => {
    const policy = releasePolicy.parse({
      agency: 'it-polfr',
      version: 2,
      rules: [
        { id: 'h2-not-to-nigeria', resource: 'alert', effect: 'deny', handlingCodes: ['H2'], partners: ['ng-nis'] },
        { id: 'alerts-members', resource: 'alert' },
      ],
    });
    const reasons = (handlingCode: string) =>
      preview(routeInput({ handlingCode } as Partial<AlertInput>), policy).map((i) => [i.agency, i.reason, i.rule]);
    expect(reasons('H0')).toEqual([
      ['ne-ppn', 'released', 'alerts-members'],
      ['ng-nis', 'released', 'alerts-members'],
    ]);
    expect(reasons('H2')).toEqual([
      ['ne-ppn', 'released', 'alerts-members'],
      ['ng-nis', 'denied_by_rule', 'h2-not-to-nigeria'],
    ]);
    const h2 = routeInput({ handlingCode: 'H2' } as Partial<AlertInput>);
    expect(copies(preview(h2, policy))).toEqual(sent(h2, policy));
  });

  it('refuses a bad draft with the field errors publishing gives it', () => {
    const bad = routeInput({ tlp: 'AMBER', recipients: ['xx-none'], validUntil: '2026-11-24T19:00:00Z' });
    const errorsOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof ValidationError) return e.fieldErrors;
        throw e;
      }
      throw new Error('accepted');
    };
    const previewed = errorsOf(() => preview(bad));
    expect(previewed.map((e) => e.path).sort()).toEqual(['recipients.0', 'validUntil']);
    expect(previewed).toEqual(errorsOf(() => toWireAlert(bad, ITALY, NETWORK_KEY, now, SPEC_MEMBERSHIP)));
  });
});
