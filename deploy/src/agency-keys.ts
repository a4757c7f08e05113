// `./corridor keys --agency ID --out DIR`: the key pairs an agency makes before it joins a network
// (its alert-signing key and its node's delegation key). The private halves are written for the
// node alone (mode 0600, never over an existing file); the public halves go in one file, in the
// membership's own shape, which is what the agency sends to the secretariat.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { agencyId, type Jwks, SettingsError } from '@corridor/proto';
import { newKeyPair } from './keys.js';

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
    publicKeys: join(dir, `${agency}.public-keys.json`),
  };
  for (const file of Object.values(files))
    if (existsSync(file)) throw new SettingsError(`--out: ${file} exists already; keys are never overwritten (move it away first)`);
  const day = today.toISOString().slice(0, 10).replaceAll('-', '');
  const signing = await newKeyPair(`${agency}-alerts-${day}`);
  const delegation = await newKeyPair(`${agency}-delegation-${day}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // `wx`: a file that appeared since the check above is not overwritten either.
  writeFileSync(files.signing, `${JSON.stringify(signing.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
  writeFileSync(files.delegation, `${JSON.stringify(delegation.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
  const publicKeys: { agency: string; alertSigningKeys: Jwks; delegationKeys: Jwks } = {
    agency,
    alertSigningKeys: { keys: [signing.publicJwk] },
    delegationKeys: { keys: [delegation.publicJwk] },
  };
  writeFileSync(files.publicKeys, `${JSON.stringify(publicKeys, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  return files;
}

function argument(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const agency = argument(argv, '--agency');
  const out = argument(argv, '--out');
  if (!agency || !out) {
    process.stderr.write('usage: ./corridor keys --agency <agency id> --out <folder for the private keys>\n');
    process.exit(2);
  }
  try {
    const files = await makeAgencyKeys(agency, out);
    process.stdout.write(
      `private keys (for the node only): ${files.signing}, ${files.delegation}\n` +
        `public keys (send them to the secretariat): ${files.publicKeys}\n`,
    );
  } catch (e) {
    process.stderr.write(`corridor keys: ${(e as Error).message}\n`);
    process.exit(2);
  }
}

if (process.argv[1]?.endsWith('agency-keys.ts')) await main();
