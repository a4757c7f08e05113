import { describe, expect, it } from 'vitest';
import { type Host, hubHost, LOOPBACK } from './host.js';
import { newAgencyNatsUsers } from './nats-config.js';
import { hubServerConfig, leafServerConfig, newAgencyHubUsers } from './nats-hub-config.js';

const hostAt = (name: string, address: string): Host => ({ ...LOOPBACK, name, address });

describe('the hosts of a hub-and-leaves network', () => {
  it('puts every hub server on loopback without hosts, on the one hub host given, or on one host each', () => {
    expect(hubHost(undefined, 2)).toBe(LOOPBACK);
    const one = hostAt('hub', '10.0.0.1');
    expect([0, 1, 2].map((i) => hubHost({ hub: [one] }, i).address)).toEqual(['10.0.0.1', '10.0.0.1', '10.0.0.1']);
    const three = ['10.0.0.1', '10.0.0.2', '10.0.0.3'].map((a, i) => hostAt(`hub${i}`, a));
    expect([0, 1, 2].map((i) => hubHost({ hub: three }, i).address)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });

  it('has a hub server listen on its host’s address and route to its peers on theirs', () => {
    const cluster = [1, 2, 3].map((i) => ({ name: `hub-${i}`, host: `10.0.0.${i}`, port: 4000, clusterPort: 5000, leafPort: 6000 }));
    const text = hubServerConfig({
      self: cluster[0] as (typeof cluster)[0],
      cluster,
      storeDir: '/tmp/h1',
      subjectRoot: 'corridor',
      agencies: { 'ne-ppn': newAgencyHubUsers('ne-ppn') },
    });
    expect(text).toContain('listen: 10.0.0.1:4000');
    expect(text).toContain('routes: ["nats-route://10.0.0.2:5000","nats-route://10.0.0.3:5000"]');
    expect(text).toContain('leafnodes { listen: 10.0.0.1:6000 }');
    expect(text).not.toContain('127.0.0.1');
  });

  it('has a leaf server listen on its host’s address and reach each hub server where it is told', () => {
    const text = leafServerConfig({
      agency: 'ne-ppn',
      host: '10.0.0.7',
      port: 7000,
      storeDir: '/tmp/l',
      subjectRoot: 'corridor',
      stream: 'CORRIDOR_INBOX',
      users: newAgencyNatsUsers('ne-ppn'),
      hubUser: { user: 'leaf-ne-ppn', password: 'pw' },
      hubLeafPorts: [6001, 15000],
      hubLeafHosts: ['10.0.0.1', '127.0.0.1'],
    });
    expect(text).toContain('listen: 10.0.0.7:7000');
    expect(text).toContain('"nats-leaf://leaf-ne-ppn:pw@10.0.0.1:6001","nats-leaf://leaf-ne-ppn:pw@127.0.0.1:15000"');
  });
});
