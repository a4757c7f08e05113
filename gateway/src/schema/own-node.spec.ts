import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../node-clients.js';
import { OwnDirectoryDocument } from '../node-gql/graphql.js';
import { PUBLISH_MUTATION } from '../node-queries.js';
import { standInNodeClients } from '../testing/stand-in-nodes.js';
import { forwardToOwnNode, fromOwnNode, type OwnNodeCaller, rootField } from './own-node.js';

// Stand-in nodes (allowed in a unit spec) that record what they were asked and answer as told.
interface Asked {
  headers: IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown> };
}
const asked: Record<string, Asked[]> = { 'it-polfr': [], 'ne-ppn': [] };
let answer: unknown = {};
const servers: Server[] = [];
const urls: Record<string, string> = {};

beforeAll(async () => {
  for (const agency of Object.keys(asked)) {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        asked[agency]?.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    servers.push(server);
    urls[agency] = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
  }
});
afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
});

function italianOfficer(): OwnNodeCaller {
  return { nodes: standInNodeClients(urls), authorization: 'Bearer officer-token', claims: { agency: 'it-polfr' } };
}

describe("a field answered by the caller's own node", () => {
  it("is asked of the caller's node alone, with the caller's own token and the field's arguments", async () => {
    asked['it-polfr'] = [];
    asked['ne-ppn'] = [];
    answer = { data: { ownDirectory: [] } };
    const resolve = fromOwnNode(OwnDirectoryDocument);
    await expect(resolve(null, { includeRetired: true }, italianOfficer())).resolves.toEqual([]);
    expect(asked['ne-ppn']).toEqual([]);
    expect(asked['it-polfr']).toHaveLength(1);
    expect(asked['it-polfr']?.[0]?.headers.authorization).toBe('Bearer officer-token');
    expect(asked['it-polfr']?.[0]?.body.variables).toEqual({ includeRetired: true });
  });

  it("passes the node's refusal on with its code and field errors, naming the agency", async () => {
    const fieldErrors = [{ path: 'summary', message: 'a short summary is required' }];
    answer = { data: null, errors: [{ message: 'The alert is not valid.', extensions: { code: 'VALIDATION_FAILED', fieldErrors } }] };
    const refused = forwardToOwnNode(italianOfficer(), PUBLISH_MUTATION, { input: { kind: 'route' } });
    await expect(refused).rejects.toMatchObject({
      message: 'The alert is not valid.',
      extensions: { code: 'VALIDATION_FAILED', fieldErrors, agency: 'it-polfr' },
    });
  });

  it('is NODE_UNAVAILABLE when the node answers without the field, or the caller’s agency has no node', async () => {
    answer = { data: {} };
    await expect(forwardToOwnNode(italianOfficer(), OwnDirectoryDocument, { includeRetired: false })).rejects.toMatchObject({
      extensions: { code: 'NODE_UNAVAILABLE', agency: 'it-polfr' },
    });
    const stranger = { ...italianOfficer(), claims: { agency: 'xx-none' } };
    await expect(forwardToOwnNode(stranger, OwnDirectoryDocument, { includeRetired: false })).rejects.toMatchObject({
      extensions: { code: 'NODE_UNAVAILABLE', agency: 'xx-none' },
    });
  });

  it('is read from the one field its document asks; a document asking two is refused when the schema is built', () => {
    expect(rootField(OwnDirectoryDocument)).toBe('ownDirectory');
    expect(() => fromOwnNode(gql('query { ownDirectory { id } directoryToVerify { id } }'))).toThrow(/exactly one root field/);
  });
});
