import { describe, expect, it } from 'vitest';
import { agencyAccountLinks, agencyPermissions, natsServerConfig, newAgencyNatsUsers } from './nats-config.js';

describe('bus permissions of an agency node, inside its own account', () => {
  const p = agencyPermissions('it-polfr', 'corridor', 'CORRIDOR_INBOX');

  it('publish alerts, correlation notices, consultation events and audit heads only under its own agency id', () => {
    expect(p.publish.filter((s) => s.startsWith('corridor.'))).toEqual([
      'corridor.inbox.*.alert.*.*.*.it-polfr',
      'corridor.inbox.*.correlation.it-polfr',
      'corridor.inbox.*.case.it-polfr',
      'corridor.inbox.*.audit.it-polfr',
    ]);
  });

  it('create only its own inbox consumer, with its own filter, and never delete or purge', () => {
    expect(p.publish.filter((s) => s.startsWith('$JS.API.CONSUMER.CREATE.'))).toEqual([
      '$JS.API.CONSUMER.CREATE.CORRIDOR_INBOX.node-it-polfr-inbox.corridor.inbox.it-polfr.>',
    ]);
    expect(p.publish.some((s) => /DELETE|PURGE/.test(s) || s === '$JS.API.>' || s === '>')).toBe(false);
    expect(p.subscribe).toEqual(['_INBOX.>']);
  });
});

describe('the accounts of a network', () => {
  const agencies = ['it-polfr', 'ne-ppn', 'ng-nis'];

  it('export to each partner only the own inbox subjects that end in that partner’s id', () => {
    const { exports } = agencyAccountLinks('ne-ppn', agencies, 'corridor');
    expect(exports).toContainEqual({ service: 'corridor.inbox.ne-ppn.alert.*.*.*.it-polfr', accounts: ['it-polfr'] });
    expect(exports).toContainEqual({ service: 'corridor.inbox.ne-ppn.case.ng-nis', accounts: ['ng-nis'] });
    expect(exports).toHaveLength(8);
    for (const e of exports) {
      expect(e.service.startsWith('corridor.inbox.ne-ppn.')).toBe(true);
      expect(e.accounts).toHaveLength(1);
      expect(e.service.endsWith(`.${e.accounts[0]}`)).toBe(true);
    }
  });

  it('import from each partner exactly what the partner exports to it', () => {
    const { imports } = agencyAccountLinks('it-polfr', agencies, 'corridor');
    for (const i of imports) {
      const offered = agencyAccountLinks(i.service.account, agencies, 'corridor').exports;
      expect(offered).toContainEqual({ service: i.service.subject, accounts: ['it-polfr'] });
    }
    expect(imports.map((i) => i.service.account).sort()).toEqual([...Array(4).fill('ne-ppn'), ...Array(4).fill('ng-nis')]);
  });

  it('end up in a server configuration with one account per agency, each with its node and operator users', () => {
    const text = natsServerConfig({
      port: 4333,
      storeDir: '/tmp/s',
      subjectRoot: 'corridor',
      stream: 'CORRIDOR_INBOX',
      agencies: { 'it-polfr': newAgencyNatsUsers('it-polfr'), 'ne-ppn': newAgencyNatsUsers('ne-ppn') },
    });
    expect(text).toContain('listen: 127.0.0.1:4333');
    expect(text.match(/jetstream: enabled/g)).toHaveLength(2);
    expect(text.match(/user: "/g)).toHaveLength(4);
    expect(text).toContain('"corridor.inbox.*.alert.*.*.*.ne-ppn"');
    expect(text).not.toContain('authorization');
  });
});
