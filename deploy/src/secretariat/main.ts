// `./corridor secretariat <init|sign-csr|sign-membership|hub|hub-streams> ...`: what a network's
// secretariat runs (README, "Join a network"). Each subcommand is a module of this folder.
import { option, required, runCommand, UsageError } from '../command-line.js';
import { parseHubHosts, writeHubFiles } from './hub.js';
import { makeTransitStreams } from './hub-streams.js';
import { initSecretariat } from './init.js';
import { signAgencyCsr } from './sign-csr.js';
import { signMembershipFile } from './sign-membership.js';

const USAGES = {
  init: 'init --out <folder for the CA and the membership-signing key>',
  'sign-csr':
    'sign-csr --ca <init folder> --csr <agency’s .csr> --agency <agency id> --out <certificate .pem> [--membership <signed.json in force>]',
  'sign-membership': 'sign-membership --key <secretariat.jwk.json> --in <membership.json> --out <signed.json> [--previous <signed.json>]',
  hub: 'hub --membership <signed.json> --ca <init folder> --hosts <H1,H2,H3> --out <folder> [--store-dir /var/lib/nats/jetstream] [--subject-root corridor] [--install-dir <folder on the hub servers>]',
  'hub-streams': 'hub-streams --hub <folder of `hub`> [--stream CORRIDOR_INBOX]',
} as const;

type Sub = keyof typeof USAGES;

const commands: Record<Sub, (argv: string[]) => Promise<void> | void> = {
  async init(argv) {
    const made = await initSecretariat(required(argv, '--out'));
    process.stdout.write(
      `network CA: ${made.caFile} (hand it to every member), key ${made.caKey} (stays here)\n` +
        `  its fingerprint, for the membership's natsCaFingerprints: ${made.caFingerprint}\n` +
        `membership-signing key ${made.kid}: ${made.signingKey} (stays here)\n` +
        `  its public JWKS, every member's trust anchor: ${made.trustAnchor}\n`,
    );
  },
  'sign-csr'(argv) {
    const signed = signAgencyCsr({
      caDir: required(argv, '--ca'),
      csrFile: required(argv, '--csr'),
      agency: required(argv, '--agency'),
      outFile: required(argv, '--out'),
      membershipFile: option(argv, '--membership'),
    });
    process.stdout.write(
      `signed ${signed.subject} for ${signed.hosts.join(', ') || 'no address (client only)'}: ${signed.certFile}\n` +
        `  pin-sha256="${signed.pin}" (it must be one of the tlsPins the agency sent)\n`,
    );
  },
  async 'sign-membership'(argv) {
    const out = required(argv, '--out');
    const signed = await signMembershipFile({
      keyFile: required(argv, '--key'),
      inFile: required(argv, '--in'),
      outFile: out,
      previousFile: option(argv, '--previous'),
    });
    process.stdout.write(`signed version ${signed.version} of ${signed.network.id} (${signed.agencies.length} agencies): ${out}\n`);
  },
  hub(argv) {
    const made = writeHubFiles({
      membershipFile: required(argv, '--membership'),
      caDir: required(argv, '--ca'),
      outDir: required(argv, '--out'),
      hosts: parseHubHosts(required(argv, '--hosts')),
      storeDir: option(argv, '--store-dir') ?? '/var/lib/nats/jetstream',
      subjectRoot: option(argv, '--subject-root') ?? 'corridor',
      installDir: option(argv, '--install-dir'),
    });
    process.stdout.write(
      `hub configurations for ${made.agencies.join(', ')}: ${made.configs.join(', ')}\n` +
        `  operators' passwords and addresses: ${made.hubFile} (stays with the secretariat)\n` +
        'start the three servers, then run `./corridor secretariat hub-streams --hub <this folder>`\n',
    );
  },
  async 'hub-streams'(argv) {
    const made = await makeTransitStreams({ hubDir: required(argv, '--hub'), stream: option(argv, '--stream') ?? 'CORRIDOR_INBOX' });
    process.stdout.write(`transit streams on the hub for ${made.join(', ')}\n`);
  },
};

async function main(): Promise<void> {
  const [sub, ...argv] = process.argv.slice(2);
  const usage = `secretariat ${Object.values(USAGES).join('\n   | secretariat ')}`;
  if (!sub || !(sub in commands)) {
    await runCommand('secretariat', usage, () => {
      throw new UsageError(sub ? `${sub}: no such subcommand` : 'which subcommand?');
    });
    return;
  }
  await runCommand(`secretariat ${sub}`, `secretariat ${USAGES[sub as Sub]}`, () => commands[sub as Sub](argv));
}

if (process.argv[1]?.endsWith('secretariat/main.ts')) await main();
