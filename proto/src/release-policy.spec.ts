import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from './directory.js';
import { fieldErrorsOf } from './errors.js';
import {
  decideRelease,
  type Receiver,
  type ReleaseItem,
  type ReleaseRule,
  redactAlert,
  redactDirectoryEntry,
  releasePolicy,
} from './release-policy.js';
import { storedRouteAlert } from './testing/alerts.js';

const policyOf = (...rules: Partial<ReleaseRule>[]) =>
  releasePolicy.parse({ agency: 'it-polfr', version: 1, rules: rules.map((r, i) => ({ id: `r${i}`, ...r })) });

const greenRoute: ReleaseItem = { resource: 'alert', kind: 'route', tlp: 'GREEN', networks: ['medpros'] };
const amberFraud: ReleaseItem = { resource: 'alert', kind: 'document_fraud', tlp: 'AMBER', networks: ['medpros'] };
const desk: ReleaseItem = { resource: 'directory_entry', entryClass: 'desk', networks: ['wacap'] };
const person: ReleaseItem = { resource: 'directory_entry', entryClass: 'person', networks: [] };

const niger: Receiver = { agency: 'ne-ppn', country: 'NER', networks: ['wacap'] };
const nigeriaProsecutor: Receiver = { agency: 'ng-nis', country: 'NGA', networks: ['medpros'], roles: ['prosecutor'] };
const nigeriaOfficer: Receiver = { agency: 'ng-nis', country: 'NGA', networks: ['medpros'], roles: ['border_officer'] };
const nigeriaNode: Receiver = { agency: 'ng-nis', country: 'NGA', networks: ['medpros'] };

// One row per rule type: a rule with only that condition (and the item's resource), an item and
// receiver it must release to, and one it must not. Every other condition is left out, so the row
// tests that condition alone.
const conditionTable: {
  condition: string;
  rule: Partial<ReleaseRule>;
  item: ReleaseItem;
  released: Receiver;
  denied: Receiver | [ReleaseItem, Receiver];
}[] = [
  { condition: 'resource', rule: {}, item: greenRoute, released: niger, denied: [desk, niger] },
  { condition: 'alert kind', rule: { kinds: ['route'] }, item: greenRoute, released: niger, denied: [amberFraud, niger] },
  { condition: 'TLP level', rule: { tlp: ['GREEN', 'CLEAR'] }, item: greenRoute, released: niger, denied: [amberFraud, niger] },
  { condition: 'entry class', rule: { entryClasses: ['desk'] }, item: desk, released: niger, denied: [person, niger] },
  { condition: 'partner agency', rule: { partners: ['ne-ppn'] }, item: greenRoute, released: niger, denied: nigeriaNode },
  { condition: 'country', rule: { countries: ['NGA'] }, item: greenRoute, released: nigeriaNode, denied: niger },
  { condition: 'network', rule: { networks: ['wacap'] }, item: desk, released: niger, denied: nigeriaNode },
  { condition: 'same network as the item', rule: { sameNetwork: true }, item: desk, released: niger, denied: nigeriaNode },
  { condition: 'role', rule: { roles: ['prosecutor'] }, item: greenRoute, released: nigeriaProsecutor, denied: nigeriaOfficer },
  // An agency as a whole (an alert on the bus) holds no role: role rules only ever match a user.
  {
    condition: 'role, against an agency',
    rule: { roles: ['prosecutor'] },
    item: greenRoute,
    released: nigeriaProsecutor,
    denied: nigeriaNode,
  },
];

describe('release policy: each rule type releases what it names and nothing else', () => {
  it.each(conditionTable)('$condition', ({ rule, item, released, denied }) => {
    const policy = policyOf({ resource: item.resource, ...rule });
    expect(decideRelease(policy, item, released)).toEqual({ release: true, rule: 'r0', redact: [] });
    const [deniedItem, deniedTo] = Array.isArray(denied) ? denied : [item, denied];
    // Default deny: nothing else matched, so no rule is named.
    expect(decideRelease(policy, deniedItem, deniedTo)).toEqual({ release: false, rule: null });
  });
});

describe('release policy: order, deny and redaction', () => {
  it('denies everything when no rule matches, even an empty policy', () => {
    expect(decideRelease(policyOf(), greenRoute, niger)).toEqual({ release: false, rule: null });
  });

  it('lets the first matching rule decide, so a deny rule above carves an exception', () => {
    const policy = policyOf({ resource: 'alert', partners: ['ne-ppn'], effect: 'deny' }, { resource: 'alert' });
    expect(decideRelease(policy, greenRoute, niger)).toEqual({ release: false, rule: 'r0' });
    expect(decideRelease(policy, greenRoute, nigeriaNode)).toMatchObject({ release: true, rule: 'r1' });
  });

  it('gives prosecutors the case reference and everyone else the alert without it', () => {
    const policy = policyOf({ resource: 'alert', roles: ['prosecutor'] }, { resource: 'alert', redact: ['caseReference'] });
    expect(decideRelease(policy, greenRoute, nigeriaProsecutor)).toEqual({ release: true, rule: 'r0', redact: [] });
    expect(decideRelease(policy, greenRoute, nigeriaOfficer)).toEqual({ release: true, rule: 'r1', redact: ['caseReference'] });
    expect(decideRelease(policy, greenRoute, nigeriaNode)).toEqual({ release: true, rule: 'r1', redact: ['caseReference'] });
  });

  it('gives a desk phone only to members of the same network', () => {
    const policy = policyOf(
      { resource: 'directory_entry', sameNetwork: true },
      { resource: 'directory_entry', redact: ['channels.phone'] },
    );
    expect(decideRelease(policy, desk, niger)).toMatchObject({ release: true, redact: [] });
    expect(decideRelease(policy, desk, nigeriaNode)).toMatchObject({ release: true, redact: ['channels.phone'] });
  });
});

describe('redaction', () => {
  const alert = storedRouteAlert({
    id: '0192f1e2-0000-7000-8000-000000000001',
    createdAt: '2026-11-24T20:00:00Z',
    identifiers: [{ kind: 'phone', pseudonym: 'a'.repeat(43), epoch: 1 }],
    caseReference: 'RG 1234/2026',
    route: {
      region: 'central-mediterranean',
      waypoints: [
        { country: 'LBY', place: 'Zuwara' },
        { country: 'ITA', place: 'Lampedusa' },
      ],
    },
    routeDetails: { transport: 'rubber_boat', communicationPlatforms: [], priceObserved: { amount: 3000, currency: 'EUR' } },
  });

  it('withholds exactly the named alert fields and says which', () => {
    const out = redactAlert(alert, ['caseReference', 'route.places', 'routeDetails.priceObserved', 'identifiers']);
    expect(out.caseReference).toBeUndefined();
    expect(out.identifiers).toEqual([]);
    expect(out.route?.waypoints).toEqual([{ country: 'LBY' }, { country: 'ITA' }]);
    expect(out.kind === 'route' && out.routeDetails.priceObserved).toBeUndefined();
    expect(out.redacted).toEqual(['caseReference', 'identifiers', 'route.places', 'routeDetails.priceObserved']);
    expect(out.summary).toBe(alert.summary);
    // The original is untouched: the node keeps its full copy.
    expect(alert.caseReference).toBe('RG 1234/2026');
    expect(redactAlert(alert, [])).toBe(alert);
    // An amendment does not say that a field withheld from this copy changed (issue 15).
    const amended = { ...alert, status: 'amended' as const, revision: 2, changes: ['caseReference', 'summary'] };
    expect(redactAlert(amended, ['caseReference']).changes).toEqual(['summary']);
    expect(redactAlert({ ...amended, caseReference: undefined }, ['caseReference']).changes).toEqual(['summary']);
    // Nothing to withhold: the same alert, nothing listed (partners get one signed copy).
    const plain = redactAlert(alert, ['caseReference']);
    expect(redactAlert(plain, ['caseReference'])).toBe(plain);
  });

  it('withholds the named channel types and notes of a directory entry', () => {
    const entry = {
      channels: [
        { type: 'phone', value: '+227 20 72 00 00' },
        { type: 'email', value: 'desk@example.ne' },
      ],
      notes: 'Ask for the duty prosecutor',
    } as DirectoryEntry;
    const out = redactDirectoryEntry(entry, ['channels.phone', 'notes']);
    expect(out.channels).toEqual([{ type: 'email', value: 'desk@example.ne' }]);
    expect(out.notes).toBeUndefined();
    expect(out.redacted).toEqual(['channels.phone', 'notes']);
  });
});

describe('a policy that does not validate is refused with the field named', () => {
  const base = { agency: 'it-polfr', version: 2 };
  const table: { why: string; rules: unknown[]; path: string }[] = [
    { why: 'unknown redactable field', rules: [{ id: 'a', resource: 'alert', redact: ['name'] }], path: 'rules.0.redact.0' },
    { why: 'kinds on a directory rule', rules: [{ id: 'a', resource: 'directory_entry', kinds: ['route'] }], path: 'rules.0.kinds' },
    {
      why: 'entry classes on an alert rule',
      rules: [{ id: 'a', resource: 'alert', entryClasses: ['desk'] }],
      path: 'rules.0.entryClasses',
    },
    {
      why: 'a rule id used twice',
      rules: [
        { id: 'a', resource: 'alert' },
        { id: 'a', resource: 'alert' },
      ],
      path: 'rules.1.id',
    },
    {
      why: 'a deny rule that redacts',
      rules: [{ id: 'a', resource: 'alert', effect: 'deny', redact: ['identifiers'] }],
      path: 'rules.0.redact',
    },
    { why: 'an unknown role', rules: [{ id: 'a', resource: 'alert', roles: ['judge'] }], path: 'rules.0.roles.0' },
    { why: 'an empty condition list', rules: [{ id: 'a', resource: 'alert', partners: [] }], path: 'rules.0.partners' },
    { why: 'an unknown condition', rules: [{ id: 'a', resource: 'alert', everyone: true }], path: 'rules.0' },
  ];
  it.each(table)('$why', ({ rules, path }) => {
    const result = releasePolicy.safeParse({ ...base, rules });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsOf(result.error).map((e) => e.path)).toContain(path);
  });
});
