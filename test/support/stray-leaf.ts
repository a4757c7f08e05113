// A leaf server that is no member's: the test's own nats-server, joined to the hub's leaf ports
// with whatever certificate (and login) the test hands it, and one local user the test asks
// through. What reaches the hub from it is what that certificate lets in.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type MemberTls, natsServerBinary } from '@corridor/deploy';

export interface StrayLeaf {
  url: string;
  user: string;
  password: string;
  /** What the server has written so far. */
  log(): string;
  stop(): Promise<void>;
}

export async function startStrayLeaf(opts: {
  dir: string;
  name: string;
  hubLeafUrls: string[];
  tls: MemberTls;
  /** A login to claim on the hub besides the certificate, e.g. another agency's leaf user. */
  login?: { user: string; password: string };
}): Promise<StrayLeaf> {
  const q = JSON.stringify;
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const claim = opts.login ? `${encodeURIComponent(opts.login.user)}:${encodeURIComponent(opts.login.password)}@` : '';
  const urls = opts.hubLeafUrls.map((u) => u.replace('nats-leaf://', `nats-leaf://${claim}`));
  const configFile = join(opts.dir, `${opts.name}.conf`);
  writeFileSync(
    configFile,
    `listen: 127.0.0.1:${port}
accounts { STRAY: { users: [ { user: "probe", password: ${q(password)} } ] } }
leafnodes {
  reconnect: 1
  remotes: [ { urls: ${q(urls)}, account: "STRAY", tls: { cert_file: ${q(opts.tls.certFile)}, key_file: ${q(opts.tls.keyFile)}, ca_file: ${q(opts.tls.caFile)} } } ]
}
`,
    { mode: 0o600 },
  );
  let output = '';
  const child: ChildProcess = spawn(natsServerBinary(existsSync), ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const deadline = Date.now() + 10_000;
  while (!output.includes('Server is ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`stray leaf ${opts.name} did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    user: 'probe',
    password,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
