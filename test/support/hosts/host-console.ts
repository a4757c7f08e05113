// The console on a host of netns.ts: its server started inside the host (console-process.ts) on
// the host's address, with a certificate of the run's CA naming that address and the loopback
// where the test's door opens it. A browser outside trusts that one certificate by its key's pin.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsole, consoleIsStale, type Host as LaunchHost, openNetworkCa, REPO_ROOT } from '@corridor/deploy';
import type { Host, HostProcess } from './netns.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const TEST_PACKAGE = join(HERE, '..', '..');
/** Any port does: the host is a namespace of the run's own, where nothing else listens. */
const CONSOLE_PORT = 8443;

export interface HostConsole {
  /** Where the browser outside opens it: https:// on the door's loopback port. */
  url: string;
  /** base64 SHA-256 of the certificate's public key (SPKI): what chromium is told to trust, alone. */
  spkiPin: string;
  process: HostProcess;
}

/**
 * The console served from `host` over HTTPS, `gatewayUrl` (on the host's address) behind its
 * /graphql; `caFile` is the run's CA, which issues the console's certificate too.
 */
export async function consoleIn(
  host: Host,
  placed: LaunchHost,
  options: { gatewayUrl: string; issuerUrl: string; caFile: string },
): Promise<HostConsole> {
  if (consoleIsStale()) buildConsole();
  const tls = openNetworkCa(dirname(options.caFile)).issue({
    name: `console-${host.name}`,
    hosts: ['127.0.0.1', 'localhost', host.address],
  });
  const server = host.run(
    `console@${host.name}`,
    process.execPath,
    [
      '--import',
      'tsx',
      join(HERE, 'console-process.ts'),
      join(REPO_ROOT, 'web', 'dist'),
      host.address,
      String(CONSOLE_PORT),
      options.gatewayUrl,
      options.issuerUrl,
      options.caFile,
      tls.certFile,
      tls.keyFile,
    ],
    { cwd: TEST_PACKAGE },
  );
  await server.waitFor(/console ready/, 90_000);
  const spki = new X509Certificate(readFileSync(tls.certFile)).publicKey.export({ type: 'spki', format: 'der' });
  return {
    url: `https://127.0.0.1:${await placed.reach(CONSOLE_PORT)}`,
    spkiPin: createHash('sha256').update(spki).digest('base64'),
    process: server,
  };
}
