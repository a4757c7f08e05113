import { readFileSync } from 'node:fs';
import { type Membership, membership, parseOrThrow } from '@corridor/proto';

export function loadMembership(file: string): Membership {
  return parseOrThrow(membership, JSON.parse(readFileSync(file, 'utf8')), `membership document ${file}`);
}
