import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MemberAgency, Membership } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { createNodeClients, gql, type NodeConnect, nodeConnect, syncNodeClients } from './node-clients.js';

const PIN_A = Buffer.alloc(32, 1).toString('base64');
const PIN_B = Buffer.alloc(32, 2).toString('base64');

function listing(agencies: { id: string; nodeUrl?: string; tlsPins?: string[] }[]): Membership {
  return {
    network: { id: 'n', name: 'n' },
    audience: 'corridor',
    version: 1,
    agencies: agencies.map(({ id, nodeUrl, tlsPins }) => ({
      id,
      name: id,
      country: 'ITA',
      networks: [],
      nodeUrl: nodeUrl ?? `https://127.0.0.1:1/${id}/graphql`,
      tokenIssuer: { issuer: id, jwks: { keys: [] } },
      alertSigningKeys: { keys: [] },
      ...(tlsPins ? { tlsPins } : {}),
    })) as MemberAgency[],
  };
}

/** Records which pins each connection was opened with, and which were closed. */
function recordingConnect() {
  const opened: { agency: string; pins: readonly string[] | undefined; closed: boolean }[] = [];
  const connect: NodeConnect = (a) => {
    const record = { agency: a.id, pins: a.tlsPins, closed: false };
    opened.push(record);
    return {
      fetch,
      close: () => {
        record.closed = true;
      },
    };
  };
  return { opened, connect };
}

describe('node clients following the membership’s pins', () => {
  it('opens each node’s connection with the pins its entry lists', () => {
    const { opened, connect } = recordingConnect();
    createNodeClients(listing([{ id: 'it-polfr', tlsPins: [PIN_A] }, { id: 'ne-ppn' }]), connect);
    expect(opened).toEqual([
      { agency: 'it-polfr', pins: [PIN_A], closed: false },
      { agency: 'ne-ppn', pins: undefined, closed: false },
    ]);
  });

  it('replaces a client whose pins changed and closes the old connection, leaving the others alone', () => {
    const { opened, connect } = recordingConnect();
    const clients = createNodeClients(
      listing([
        { id: 'it-polfr', tlsPins: [PIN_A] },
        { id: 'ne-ppn', tlsPins: [PIN_B] },
      ]),
      connect,
    );
    const before = clients.get('ne-ppn');

    const change = syncNodeClients(
      clients,
      listing([
        { id: 'it-polfr', tlsPins: [PIN_B] },
        { id: 'ne-ppn', tlsPins: [PIN_B] },
      ]),
      connect,
    );
    expect(change).toEqual({ added: [], removed: [], moved: [], repinned: ['it-polfr'] });
    expect(clients.get('it-polfr')?.tlsPins).toEqual([PIN_B]);
    expect(clients.get('ne-ppn')).toBe(before);
    expect(opened.map((o) => [o.agency, o.pins, o.closed])).toEqual([
      ['it-polfr', [PIN_A], true],
      ['ne-ppn', [PIN_B], false],
      ['it-polfr', [PIN_B], false],
    ]);
  });

  it('treats pins listed in another order as the same, and pins dropped or added as a change', () => {
    const { connect } = recordingConnect();
    const clients = createNodeClients(listing([{ id: 'it-polfr', tlsPins: [PIN_A, PIN_B] }]), connect);
    expect(syncNodeClients(clients, listing([{ id: 'it-polfr', tlsPins: [PIN_B, PIN_A] }]), connect).repinned).toEqual([]);
    expect(syncNodeClients(clients, listing([{ id: 'it-polfr' }]), connect).repinned).toEqual(['it-polfr']);
    expect(syncNodeClients(clients, listing([{ id: 'it-polfr', tlsPins: [PIN_A] }]), connect).repinned).toEqual(['it-polfr']);
  });

  it('closes the connection of a removed agency and of a moved node', () => {
    const { opened, connect } = recordingConnect();
    const clients = createNodeClients(listing([{ id: 'it-polfr' }, { id: 'ne-ppn' }]), connect);
    syncNodeClients(clients, listing([{ id: 'it-polfr', nodeUrl: 'https://127.0.0.1:2/graphql' }]), connect);
    expect(opened.map((o) => [o.agency, o.closed])).toEqual([
      ['it-polfr', true],
      ['ne-ppn', true],
      ['it-polfr', false],
    ]);
  });
});

describe('a gateway without the network’s CA', () => {
  it('still holds an agency that lists pins to them: its node at a plain http address is not asked', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const [pinned, unpinned] = listing([
        { id: 'it-polfr', nodeUrl: url, tlsPins: [PIN_A] },
        { id: 'ne-ppn', nodeUrl: url },
      ]).agencies as [MemberAgency, MemberAgency];
      const connect = nodeConnect(undefined);
      await expect(connect(pinned).fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow(/only https:\/\/ is trusted/);
      expect(requests).toBe(0);
      // An agency without pins is asked as before (the demo's plain http on loopback).
      expect((await connect(unpinned).fetch(url, { method: 'POST', body: '{}' })).status).toBe(200);
      expect(requests).toBe(1);
    } finally {
      server.close();
    }
  });
});

describe('node clients asking the same thing twice at once', () => {
  it('sends each request to the node, which audits every answer it releases', async () => {
    let received = 0;
    const server = createServer((_req, res) => {
      received++;
      // Held a moment, so that the second request is asked while the first is still in flight.
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { ping: 'pong' } })), 50);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      const client = createNodeClients(listing([{ id: 'it-polfr', nodeUrl: url }]), () => ({ fetch, close() {} })).get('it-polfr');
      const document = gql('{ ping }');
      const answers = await Promise.all([client?.execute(document, {}, 'Bearer t'), client?.execute(document, {}, 'Bearer t')]);
      expect(answers.map((a) => a?.data)).toEqual([{ ping: 'pong' }, { ping: 'pong' }]);
      expect(received).toBe(2);
    } finally {
      server.close();
    }
  });
});
