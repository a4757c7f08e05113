import { describe, expect, it } from 'vitest';
import { agencyPermissions, natsServerConfig, newNatsUser } from './nats-config.js';

describe('bus permissions of an agency node', () => {
  const p = agencyPermissions('it-polfr', 'corridor', 'CORRIDOR_ALERTS');

  it('publish alerts, correlation notices and consultation events only under its own agency id', () => {
    const alertSubjects = p.publish.filter((s) => s.startsWith('corridor.'));
    expect(alertSubjects).toEqual([
      'corridor.alert.*.*.*.it-polfr',
      'corridor.inbox.*.alert.*.*.*.it-polfr',
      'corridor.inbox.*.correlation.it-polfr',
      'corridor.inbox.*.case.it-polfr',
      'corridor.inbox.*.audit.it-polfr',
    ]);
  });

  it('create only its own two consumers, with their own filters', () => {
    expect(p.publish.filter((s) => s.startsWith('$JS.API.CONSUMER.CREATE.'))).toEqual([
      '$JS.API.CONSUMER.CREATE.CORRIDOR_ALERTS.node-it-polfr-broadcast.corridor.alert.>',
      '$JS.API.CONSUMER.CREATE.CORRIDOR_ALERTS.node-it-polfr-inbox.corridor.inbox.it-polfr.>',
    ]);
    expect(p.publish.some((s) => s.includes('STREAM.DELETE') || s === '$JS.API.>' || s === '>')).toBe(false);
    expect(p.subscribe).toEqual(['_INBOX.>']);
  });

  it('end up in a server configuration with one user per agency and the operator', () => {
    const text = natsServerConfig({
      port: 4333,
      storeDir: '/tmp/s',
      subjectRoot: 'corridor',
      stream: 'CORRIDOR_ALERTS',
      operator: newNatsUser('operator'),
      agencies: { 'it-polfr': newNatsUser('node-it-polfr'), 'ne-ppn': newNatsUser('node-ne-ppn') },
    });
    expect(text).toContain('listen: 127.0.0.1:4333');
    expect(text.match(/user: "/g)).toHaveLength(3);
    expect(text).toContain('"corridor.alert.*.*.*.ne-ppn"');
  });
});
