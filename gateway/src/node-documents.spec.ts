import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, type DocumentNode, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import config from '../codegen.js';
import * as generated from './node-gql/graphql.js';
import * as nodeDocuments from './node-queries.js';

// The node's API as a text contract: printed by services/src/print-schema.ts, read here, never imported.
const NODE_SCHEMA_FILE = new URL('../../services/schema.graphql', import.meta.url).pathname;
const nodeSchema = buildSchema(readFileSync(NODE_SCHEMA_FILE, 'utf8'));

function isDocument(entry: [string, unknown]): entry is [string, DocumentNode] {
  const [, value] = entry;
  return typeof value === 'object' && value !== null && 'kind' in value;
}

const documents = Object.entries(nodeDocuments).filter(isDocument);
// Every operation the gateway sends, wherever it is written (node-queries.ts, or at the field that
// forwards it), as codegen found and typed it.
const operations = Object.entries(generated)
  .filter(([name]) => name.endsWith('Document'))
  .filter(isDocument);

describe('what the gateway asks nodes', () => {
  it('is every exported node document, each a parsed GraphQL document', () => {
    // A document edited but not regenerated comes back from graphql() as an empty object.
    const exported = Object.entries(nodeDocuments).filter(([, v]) => typeof v === 'object');
    expect(exported.map(([name]) => name)).toEqual(documents.map(([name]) => name));
    expect(operations.length).toBeGreaterThan(30);
    for (const [name, document] of [...documents, ...operations]) expect(document.kind, name).toBe(Kind.DOCUMENT);
  });

  it.each(operations)('%s is valid against the node schema', (_name, document) => {
    expect(validate(nodeSchema, document).map((e) => e.message)).toEqual([]);
  });

  it('would fail on a field the node does not have, or an argument of the wrong type', () => {
    const drifted = parse('query Alerts($limit: String!) { alerts(scope: OWN, limit: $limit) { id originAgency } }');
    expect(validate(nodeSchema, drifted).map((e) => e.message)).toEqual([
      expect.stringMatching(/Cannot query field "originAgency" on type "Alert"/),
      expect.stringMatching(/"\$limit" of type "String!" used in position expecting type "Int!"/),
    ]);
  });

  it('are typed from the documents and schema as they stand (run: pnpm --filter @corridor/gateway run codegen)', async () => {
    const outputs = await generate(config, false);
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) expect(readFileSync(filename, 'utf8'), filename).toBe(content);
  });
});
