// Every operation the console sends must pass the limits the gateway and the nodes enforce
// (proto query-limits): otherwise a page would fail for every user, not for an abuser.
import { readFileSync } from 'node:fs';
import { queryLimitRules } from '@corridor/proto/graphql';
import { buildSchema, type DocumentNode, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from './gql/graphql';

const schema = buildSchema(readFileSync(new URL('../../gateway/schema.graphql', import.meta.url), 'utf8'));
const documents = Object.entries(generated).filter(
  (e): e is [string, DocumentNode] => e[0].endsWith('Document') && typeof e[1] === 'object' && (e[1] as DocumentNode).kind === 'Document',
);

describe('the console’s operations within the query limits', () => {
  it('has operations to check', () => expect(documents.length).toBeGreaterThanOrEqual(8));
  it.each(documents)('%s', (_name, doc) => {
    const errors = validate(schema, doc, queryLimitRules());
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
