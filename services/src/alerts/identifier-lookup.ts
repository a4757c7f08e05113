// "Which alerts held here carry any of these pseudonyms?" is asked on every hit / no-hit check and
// for every alert received (correlation), against a million pseudonyms per node. It must be one
// probe of the GIN index of migration 0005, which answers `identifiers @> constant` and
// `identifiers @> ANY (constant array)`. The same test written with a subquery
// (`@> ANY (SELECT … FROM unnest(…))`) is a join the index cannot serve: PostgreSQL then reads
// every alert (measured: 123 ms at 200,000 alerts, against 0.04 ms with the array).
import type { PseudonymizedIdentifier } from '@corridor/proto';
import { Prisma } from '../generated/prisma/client.js';

/** SQL condition on `alerts`: its current revision carries at least one of `pseudonyms`. */
export function carriesAnyOf(pseudonyms: readonly Pick<PseudonymizedIdentifier, 'pseudonym'>[]): Prisma.Sql {
  const probes = pseudonyms.map((p) => JSON.stringify([{ pseudonym: p.pseudonym }]));
  return Prisma.sql`(document->'identifiers') @> ANY (${probes}::jsonb[])`;
}
