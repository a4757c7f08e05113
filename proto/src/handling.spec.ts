import { describe, expect, it } from 'vitest';
import { alertInput } from './alert.js';
import { type ConsultationEvent, consultationEvent, foldConsultation, grantsOf } from './consultation.js';
import { fieldErrorsOf } from './errors.js';
import { type Handled, permissionNeeded } from './handling.js';
import { decideRelease, releasePolicy } from './release-policy.js';

const routeAlertInput = () => ({
  kind: 'route',
  tlp: 'GREEN',
  grading: { source: 'B', information: '2' },
  summary: 'Departures from Zuwara at night in rubber boats',
  route: {
    region: 'central-mediterranean',
    waypoints: [
      { country: 'NER', place: 'Agadez' },
      { country: 'LBY', place: 'Zuwara' },
    ],
  },
  routeDetails: { transport: 'rubber_boat' },
});

const errorsOf = (input: unknown) => {
  const r = alertInput.safeParse(input);
  return r.success ? [] : fieldErrorsOf(r.error).map((e) => `${e.path}: ${e.message}`);
};

describe('handling codes on an alert as written', () => {
  it('take H0 to H3 and an evidence marking, and name a code they do not know', () => {
    expect(errorsOf({ ...routeAlertInput(), handlingCode: 'H2', evidence: { use: 'with_permission' } })).toEqual([]);
    expect(errorsOf({ ...routeAlertInput(), handlingCode: 'H4' })).toEqual([
      expect.stringMatching(/^handlingCode: must be a handling code/),
    ]);
  });

  it('want H3’s restrictions in words, and those words with H3 only', () => {
    expect(errorsOf({ ...routeAlertInput(), handlingCode: 'H3' })).toEqual(['handlingConditions: H3 needs its restrictions, in words']);
    expect(errorsOf({ ...routeAlertInput(), handlingCode: 'H0', handlingConditions: 'only for the Agadez case' })).toEqual([
      'handlingConditions: restrictions in words go with handling code H3 only',
    ]);
  });

  it('refuse H1 with evidence use permitted, and a permitted use without its legal basis, beside other problems', () => {
    expect(errorsOf({ ...routeAlertInput(), summary: '', handlingCode: 'H1', evidence: { use: 'permitted' } })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^summary: /),
        expect.stringMatching(/^evidence\.use: H1 means not to be used as evidence/),
        'evidence.legalBasis: say on what legal basis it may be used as evidence',
      ]),
    );
  });
});

describe('permissionNeeded (what a receiver may do with a partner’s alert)', () => {
  const item = (over: Partial<Handled>): Handled => ({ origin: 'it-polfr', tlp: 'AMBER', recipients: ['ne-ppn'], ...over });

  it('asks nothing of the owner itself', () => {
    expect(permissionNeeded(item({ handlingCode: 'H2' }), 'evidence', 'it-polfr', 'ne-ppn', [])).toBeNull();
  });

  it('under H1 refuses evidence use until the owner grants it', () => {
    const h1 = item({ handlingCode: 'H1', evidence: { use: 'with_permission' } });
    expect(permissionNeeded(h1, 'evidence', 'ne-ppn', 'it-polfr', [])).toMatch(/has not permitted its use as evidence/);
    expect(permissionNeeded(h1, 'evidence', 'ne-ppn', 'it-polfr', [{ purpose: 'evidence' }])).toBeNull();
    expect(permissionNeeded(item({ evidence: { use: 'permitted' } }), 'evidence', 'ne-ppn', 'it-polfr', [])).toBeNull();
  });

  it('under H2 refuses passing on to a third agency until granted for that agency', () => {
    const h2 = item({ handlingCode: 'H2' });
    expect(permissionNeeded(h2, 'pass_on', 'ne-ppn', 'ml-police', [])).toMatch(/under H2/);
    expect(permissionNeeded(h2, 'pass_on', 'ne-ppn', 'ml-police', [{ purpose: 'pass_on', passTo: 'ly-moi' }])).toMatch(/under H2/);
    expect(permissionNeeded(h2, 'pass_on', 'ne-ppn', 'ml-police', [{ purpose: 'pass_on', passTo: 'ml-police' }])).toBeNull();
    expect(permissionNeeded(h2, 'pass_on', 'ne-ppn', 'it-polfr', [])).toBeNull();
  });

  it('never passes AMBER+STRICT on, even with leave', () => {
    const strict = item({ tlp: 'AMBER+STRICT' });
    expect(permissionNeeded(strict, 'pass_on', 'ne-ppn', 'ml-police', [{ purpose: 'pass_on', passTo: 'ml-police' }])).toMatch(
      /AMBER\+STRICT/,
    );
  });
});

describe('permissions in a consultation', () => {
  const base = { consultationId: '0196a4f2-7c00-7000-8000-0000000000c1', author: 'A. Officer' };
  const A = '0196a4f2-7c00-7000-8000-0000000000a1';
  const P = '0196a4f2-7c00-7000-8000-0000000000p1'.replace('p', 'e');
  const ev = (e: object) => consultationEvent.parse({ ...base, ...e }) as ConsultationEvent;
  const opened = ev({
    id: '0196a4f2-7c00-7000-8000-000000000001',
    type: 'opened',
    from: 'ne-ppn',
    to: 'it-polfr',
    at: '2026-11-20T09:00:00.000Z',
    subject: 'Permission',
    body: 'May we?',
  });
  const asked = ev({
    id: '0196a4f2-7c00-7000-8000-000000000002',
    type: 'permission_asked',
    from: 'ne-ppn',
    to: 'it-polfr',
    at: '2026-11-20T09:01:00.000Z',
    permissionId: P,
    alertId: A,
    purpose: 'evidence',
    reason: 'For the Agadez case',
  });
  const answer = (from: string, granted: boolean) =>
    ev({
      id: '0196a4f2-7c00-7000-8000-000000000003',
      type: 'permission_answered',
      from,
      to: from === 'it-polfr' ? 'ne-ppn' : 'it-polfr',
      at: '2026-11-20T09:02:00.000Z',
      permissionId: P,
      alertId: A,
      purpose: 'evidence',
      granted,
      legalBasis: 'Art. 7 MLA 2000',
    });

  it('fold into asked, then granted by the party asked, with who decided and on what basis', () => {
    const asking = foldConsultation([opened, asked]);
    expect(asking?.permissions).toMatchObject([{ id: P, status: 'asked', askedBy: 'ne-ppn' }]);
    const c = foldConsultation([answer('it-polfr', true), asked, opened]);
    expect(c?.permissions).toMatchObject([{ status: 'granted', answeredBy: 'A. Officer', legalBasis: 'Art. 7 MLA 2000' }]);
    expect(grantsOf(c ? [c] : [], A, 'it-polfr', 'ne-ppn')).toEqual([{ purpose: 'evidence', passTo: undefined }]);
  });

  it('ignore an asker granting itself, and a grant between other agencies than the owner and the asker', () => {
    expect(foldConsultation([opened, asked, answer('ne-ppn', true)])?.permissions[0]?.status).toBe('asked');
    const c = foldConsultation([opened, asked, answer('it-polfr', true)]);
    expect(grantsOf(c ? [c] : [], A, 'ml-police', 'ne-ppn')).toEqual([]);
  });
});

describe('release rules on handling codes', () => {
  it('match an alert’s code, an alert signed without one as H0', () => {
    const policy = releasePolicy.parse({
      agency: 'it-polfr',
      version: 1,
      rules: [
        { id: 'no-h2-to-ngo-networks', effect: 'deny', resource: 'alert', handlingCodes: ['H2'], partners: ['ne-ppn'] },
        { id: 'all', resource: 'alert' },
      ],
    });
    const to = { agency: 'ne-ppn', country: 'NER', networks: [] };
    const item = (handlingCode?: string) => ({ resource: 'alert' as const, kind: 'route', tlp: 'GREEN', handlingCode, networks: [] });
    expect(decideRelease(policy, item('H2'), to)).toEqual({ release: false, rule: 'no-h2-to-ngo-networks' });
    expect(decideRelease(policy, item(undefined), to)).toMatchObject({ release: true, rule: 'all' });
    expect(
      releasePolicy.safeParse({ agency: 'it-polfr', version: 1, rules: [{ id: 'x', resource: 'directory_entry', handlingCodes: ['H1'] }] })
        .success,
    ).toBe(false);
  });
});
