import { describe, expect, it } from 'vitest';
import type { Alert } from './alert.js';
import { consultationSubject } from './consultation.js';
import { correlationSubject } from './correlation.js';
import { mayRelease } from './release.js';
import {
  INBOX_MESSAGE_TYPES,
  inboxFilterFor,
  inboxSubject,
  parseAlertSubject,
  partnerInboxSubjects,
  subjectsForAlert,
} from './subjects.js';
import { storedRouteAlert } from './testing/alerts.js';

function alertWith(tlp: Alert['tlp'], recipients: string[] = []): Alert {
  return storedRouteAlert({ tlp, recipients });
}

describe('release rule and subjects', () => {
  it('keeps TLP:RED at home: no subject, no partner', () => {
    const red = alertWith('RED');
    expect(subjectsForAlert('corridor', red)).toEqual([]);
    expect(mayRelease(red, 'ne-ppn')).toBe(false);
    expect(mayRelease(red, 'it-polfr')).toBe(true);
  });

  it('sends TLP:AMBER to the inbox of each named agency only', () => {
    const amber = alertWith('AMBER', ['ne-ppn']);
    expect(subjectsForAlert('corridor', amber)).toEqual(['corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr']);
    expect(mayRelease(amber, 'ne-ppn')).toBe(true);
    expect(mayRelease(amber, 'ng-nis')).toBe(false);
  });

  it('broadcasts GREEN and CLEAR to every member', () => {
    for (const tlp of ['GREEN', 'CLEAR'] as const) {
      expect(subjectsForAlert('corridor', alertWith(tlp))).toEqual(['corridor.alert.route.ITA.central-mediterranean.it-polfr']);
      expect(mayRelease(alertWith(tlp), 'ng-nis')).toBe(true);
    }
  });

  it('reads its own subjects back and refuses foreign ones', () => {
    expect(parseAlertSubject('corridor', 'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr')).toEqual({
      recipient: 'ne-ppn',
      kind: 'route',
      originCountry: 'ITA',
      region: 'central-mediterranean',
      originAgency: 'it-polfr',
    });
    expect(parseAlertSubject('corridor', 'corridor.alert.pizza.ITA.x.y')).toBeNull();
    expect(parseAlertSubject('corridor', 'other.alert.route.ITA.x.y')).toBeNull();
  });
});

/** NATS subject matching: `*` one token, `>` one or more at the end. */
function matches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (const [i, token] of p.entries()) {
    if (token === '>') return s.length > i;
    if (token !== '*' && token !== s[i]) return false;
  }
  return p.length === s.length;
}

describe('what one agency may write into another’s inbox', () => {
  const allowed = partnerInboxSubjects('corridor', 'ne-ppn', 'it-polfr');

  it('covers every subject a node sends to a partner, each ending in the sender’s id', () => {
    const sent = [
      inboxSubject('corridor', 'ne-ppn', alertWith('AMBER', ['ne-ppn'])),
      correlationSubject('corridor', 'ne-ppn', 'it-polfr'),
      consultationSubject('corridor', 'ne-ppn', 'it-polfr'),
      'corridor.inbox.ne-ppn.audit.it-polfr',
    ];
    for (const subject of sent) expect(allowed.filter((p) => matches(p, subject))).toHaveLength(1);
    expect(allowed).toHaveLength(INBOX_MESSAGE_TYPES.length);
    for (const p of allowed) expect(p.endsWith('.it-polfr')).toBe(true);
  });

  it('lets no sender write in another’s name or into a third agency’s inbox', () => {
    for (const subject of [
      inboxSubject('corridor', 'ne-ppn', { ...alertWith('GREEN'), origin: { agency: 'ng-nis', country: 'NGA' } }),
      correlationSubject('corridor', 'ng-nis', 'it-polfr'),
      consultationSubject('corridor', 'ne-ppn', 'ng-nis'),
      'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr.extra',
      'corridor.alert.route.ITA.central-mediterranean.it-polfr',
    ])
      expect(allowed.filter((p) => matches(p, subject))).toEqual([]);
  });

  it('gives each agency a stream filter on its own inbox that holds all of it', () => {
    for (const p of partnerInboxSubjects('corridor', 'ne-ppn', 'it-polfr'))
      expect(matches(inboxFilterFor('corridor', 'ne-ppn'), p.replaceAll('*', 'x'))).toBe(true);
  });
});
