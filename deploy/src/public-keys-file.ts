// `<agency>.public-keys.json`: everything public an agency sends the secretariat to be listed, in
// the shape of its membership entry. `./corridor keys` writes the signing and delegation keys,
// `./corridor certs` the pins of its TLS keys; each adds its part and keeps the other's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Jwks, SettingsError } from '@corridor/proto';
import { replaceFile } from './replace-file.js';

export interface PublicKeysFile {
  agency: string;
  alertSigningKeys?: Jwks;
  delegationKeys?: Jwks;
  /** RFC 7469 pins (base64 SHA-256 of the DER SubjectPublicKeyInfo) of the node's and the leaf's TLS keys. */
  tlsPins?: string[];
}

export function publicKeysFileOf(dir: string, agency: string): string {
  return join(dir, `${agency}.public-keys.json`);
}

/** Adds `part` to the agency's file in `dir` (made when absent), in one step (written aside, renamed). */
export function addPublicKeys(dir: string, agency: string, part: Omit<PublicKeysFile, 'agency'>): string {
  const file = publicKeysFileOf(dir, agency);
  let current: PublicKeysFile = { agency };
  if (existsSync(file)) {
    try {
      current = JSON.parse(readFileSync(file, 'utf8')) as PublicKeysFile;
    } catch {
      throw new SettingsError(`--out: ${file} is not JSON; move it away first`);
    }
    if (current.agency !== agency) throw new SettingsError(`--out: ${file} is the file of ${String(current.agency)}, not ${agency}`);
  }
  replaceFile(file, `${JSON.stringify({ ...current, ...part }, null, 2)}\n`);
  return file;
}
