// Writes gateway/schema.graphql, from which the console generates its typed documents.
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.js';

export const SCHEMA_FILE = new URL('../schema.graphql', import.meta.url).pathname;
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`written ${SCHEMA_FILE}`);
}
