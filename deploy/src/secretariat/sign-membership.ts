// `./corridor secretariat sign-membership --key FILE --in membership.json --out signed.json
// [--previous FILE]`: the secretariat signs a new version of the membership with proto's
// signMembership. A document that does not validate is refused, naming the path, and nothing is
// written; so is a version not above the previous signed one (`--previous`, or the file at
// `--out` when it exists), since every node would refuse it as a rollback anyway.
import { existsSync, readFileSync } from 'node:fs';
import { checkSuccessor, type Membership, SettingsError, signMembership } from '@corridor/proto';
import type { JWK } from 'jose';
import { replaceFile } from '../replace-file.js';
import { readMembershipFile, readSignedMembershipFile } from './signed-membership-file.js';

function readPrivateKey(file: string): JWK {
  let key: JWK;
  try {
    key = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } catch (e) {
    throw new SettingsError(`--key: cannot read a JWK from ${file}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  if (typeof key !== 'object' || key === null || !key.d) throw new SettingsError(`--key: ${file} is not a private key (no "d")`);
  if (!key.kid) throw new SettingsError(`--key: ${file} has no key id (kid)`);
  return key;
}

export async function signMembershipFile(opts: {
  keyFile: string;
  inFile: string;
  outFile: string;
  previousFile?: string | undefined;
}): Promise<Membership> {
  const document = readMembershipFile(opts.inFile, '--in');
  const key = readPrivateKey(opts.keyFile);
  const previous = opts.previousFile ?? (existsSync(opts.outFile) ? opts.outFile : undefined);
  if (previous) {
    const option = opts.previousFile ? '--previous' : '--out';
    try {
      checkSuccessor(readSignedMembershipFile(previous, option), document);
    } catch (e) {
      if (e instanceof SettingsError) throw e;
      throw new SettingsError(`--in: ${(e as Error).message} (${option} ${previous})`);
    }
  }
  let signed: Awaited<ReturnType<typeof signMembership>>;
  try {
    signed = await signMembership(document, key);
  } catch (e) {
    throw new SettingsError(`--key: ${(e as Error).message}`);
  }
  // Written aside and renamed: a node polling the file reads the old version or the new one.
  replaceFile(opts.outFile, `${JSON.stringify(signed, null, 2)}\n`);
  return document;
}
