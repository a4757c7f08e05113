// `./corridor keys --agency ID --out DIR`: the key pairs an agency makes before it joins a network
// (its alert-signing key and its node's delegation key). The private halves are written for the
// node alone (mode 0600, never over an existing file); the public halves go in one file, in the
// membership's own shape, which is what the agency sends to the secretariat.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyId, SettingsError } from '@corridor/proto';
import { required, runCommand } from './command-line.js';
import { newKeyPair } from './keys.js';
import { addPublicKeys, publicKeysFileOf } from './public-keys-file.js';

export interface AgencyKeyFiles {
  signing: string;
  delegation: string;
  /** What the secretariat puts in the agency's membership entry. */
  publicKeys: string;
}

/** Makes both pairs in `dir`; kids carry the agency and the day, as the membership lists them. */
export async function makeAgencyKeys(agency: string, dir: string, today = new Date()): Promise<AgencyKeyFiles> {
  if (!agencyId.safeParse(agency).success) throw new SettingsError(`--agency: ${agency} is not an agency id`);
  const files: AgencyKeyFiles = {
    signing: join(dir, 'signing.jwk.json'),
    delegation: join(dir, 'delegation.jwk.json'),
    publicKeys: publicKeysFileOf(dir, agency),
  };
  // The public file may hold the pins `./corridor certs` wrote: it is added to, not replaced.
  for (const file of [files.signing, files.delegation])
    if (existsSync(file)) throw new SettingsError(`--out: ${file} exists already; keys are never overwritten (move it away first)`);
  const day = today.toISOString().slice(0, 10).replaceAll('-', '');
  const signing = await newKeyPair(`${agency}-alerts-${day}`);
  const delegation = await newKeyPair(`${agency}-delegation-${day}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // `wx`: a file that appeared since the check above is not overwritten either.
  writeFileSync(files.signing, `${JSON.stringify(signing.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
  writeFileSync(files.delegation, `${JSON.stringify(delegation.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
  addPublicKeys(dir, agency, { alertSigningKeys: { keys: [signing.publicJwk] }, delegationKeys: { keys: [delegation.publicJwk] } });
  return files;
}

const USAGE = 'keys --agency <agency id> --out <folder for the private keys>';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  await runCommand('keys', USAGE, async () => {
    const files = await makeAgencyKeys(required(argv, '--agency'), required(argv, '--out'));
    process.stdout.write(
      `private keys (for the node only): ${files.signing}, ${files.delegation}\n` +
        `public keys (send them to the secretariat): ${files.publicKeys}\n`,
    );
  });
}

if (process.argv[1]?.endsWith('agency-keys.ts')) await main();
