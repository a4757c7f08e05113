import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.js';

it('keeps services/schema.graphql, from which the gateway types what it asks nodes, in step with the code', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run: pnpm --filter @corridor/services run schema').toBe(printedSchema());
});
