import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.js';

it('keeps gateway/schema.graphql, from which the console types its queries, in step with the code', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run: pnpm --filter @corridor/gateway run schema').toBe(printedSchema());
});
