import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fanOut } from './fan-out.js';
import type { NodeClient } from './node-clients.js';
import { gql } from './node-clients.js';
import { standInNodeClients } from './testing/stand-in-nodes.js';

// Stand-in nodes (allowed in a unit spec): one answers at once, one takes 2 s, one is not there.
let fast: Server;
let slow: Server;
const urls: Record<string, string> = {};

function stub(delayMs: number, agency: string): Promise<Server> {
  const server = createServer((_req, res) => {
    setTimeout(
      () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { directory: [{ agency }] } })),
      delayMs,
    );
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

beforeAll(async () => {
  fast = await stub(0, 'it-polfr');
  slow = await stub(2000, 'ne-ppn');
  urls['it-polfr'] = `http://127.0.0.1:${(fast.address() as { port: number }).port}/graphql`;
  urls['ne-ppn'] = `http://127.0.0.1:${(slow.address() as { port: number }).port}/graphql`;
  urls['ng-nis'] = 'http://127.0.0.1:9/graphql';
});
afterAll(() => {
  fast.closeAllConnections();
  slow.closeAllConnections();
  fast.close();
  slow.close();
});

function clients(): NodeClient[] {
  return [...standInNodeClients(urls).values()];
}

describe('fan-out', () => {
  it('returns the answering node, and names the slow and the missing one, within the deadline', async () => {
    const started = performance.now();
    const result = await fanOut<{ directory: { agency: string }[] }>(
      clients(),
      gql('{ directory { agency } }'),
      {},
      async () => 'Bearer t',
      300,
    );
    const elapsed = performance.now() - started;
    expect(result.answers.map((a) => a.agency)).toEqual(['it-polfr']);
    const failed = Object.fromEntries(result.sources.filter((s) => !s.ok).map((s) => [s.agency, s.error]));
    expect(Object.keys(failed).sort()).toEqual(['ne-ppn', 'ng-nis']);
    expect(failed['ne-ppn']).toMatch(/300 ms/);
    // The slow node does not hold the answer: well under its 2 s.
    expect(elapsed).toBeLessThan(1500);
  });

  it('shows a node whose credentials could not be obtained as that node’s error, and still asks the others', async () => {
    const result = await fanOut<{ directory: { agency: string }[] }>(
      clients().filter((c) => c.agency !== 'ne-ppn'),
      gql('{ directory { agency } }'),
      {},
      async (agency) => {
        if (agency === 'ng-nis') throw new Error("agency it-polfr's node refused the token exchange (invalid_grant)");
        return 'Bearer t';
      },
      300,
    );
    expect(result.answers.map((a) => a.agency)).toEqual(['it-polfr']);
    expect(result.sources.find((s) => s.agency === 'ng-nis')).toMatchObject({ ok: false, error: expect.stringMatching(/token exchange/) });
  });
});
