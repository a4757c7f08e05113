// Writes services/schema.graphql: the node's API as a text contract, from which the gateway
// generates the typed documents it sends to nodes (it never imports the node's code).
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema/index.js';

export const SCHEMA_FILE = new URL('../schema.graphql', import.meta.url).pathname;
export const printedSchema = () => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`written ${SCHEMA_FILE}`);
}
