// The files an operator copies out of deploy/ (systemd units, the container file, example
// settings, example nats-server configurations) name entry points, variables and keys that live
// elsewhere in the code. These checks fail when one of them moves, so the files cannot rot.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveGatewaySettings, resolveNodeSettings } from '@corridor/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_VALUES, fillExampleNatsConfig, makeExampleCertificates } from './example-nats-fill.js';
import { agencyAccountLinks, agencyPermissions } from './nats-config.js';
import { HUB_DOMAIN, newAgencyHubUsers } from './nats-hub-config.js';
import { REPO_ROOT } from './network.js';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const NATS_SERVER =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

/** Every value of a directive in a unit file, in order. */
function directive(unit: string, name: string): string[] {
  return unit
    .split('\n')
    .filter((line) => line.startsWith(`${name}=`))
    .map((line) => line.slice(name.length + 1));
}

/** Settings resolved as the process would, secrets and other files given as stand-ins. */
function resolvedFrom(kind: 'node' | 'gateway', env: Record<string, string>, argv: string[]) {
  const input = {
    argv,
    env,
    cwd: REPO_ROOT,
    read: (path: string) =>
      path.startsWith(`${REPO_ROOT}/deploy/examples/`) && path.endsWith('.yaml') ? readFileSync(path, 'utf8') : `secret of ${path}`,
  };
  return (kind === 'node' ? resolveNodeSettings(input) : resolveGatewaySettings(input)).env;
}

describe.each(['node', 'gateway'] as const)('the systemd unit of the %s', (kind) => {
  const unit = read(`deploy/systemd/corridor-${kind}.service`);

  it('starts the root script’s entry point with a settings file of the examples’ shape', () => {
    const [execStart] = directive(unit, 'ExecStart');
    expect(execStart).toBe(`/opt/corridor/corridor ${kind} --config /etc/corridor/${kind}.yaml`);
    accessSync(join(REPO_ROOT, 'corridor'), constants.X_OK);
    expect(read('corridor')).toMatch(/^\s*node \| gateway \| keys \| certs \| secretariat \| publish\)/m);
    expect(existsSync(join(REPO_ROOT, `deploy/examples/${kind}.yaml`))).toBe(true);
  });

  it('is hardened and restarts, but not after a bad settings file', () => {
    for (const [name, value] of [
      ['DynamicUser', 'yes'],
      ['NoNewPrivileges', 'yes'],
      ['ProtectSystem', 'strict'],
      ['ProtectHome', 'yes'],
      ['PrivateTmp', 'yes'],
      ['CapabilityBoundingSet', ''],
      ['Restart', 'on-failure'],
      ['RestartPreventExitStatus', '2'],
    ] as const)
      expect(directive(unit, name), name).toEqual([value]);
  });

  if (kind === 'node')
    it('comes after PostgreSQL and nats-server, and hands every secret over as a variable the node reads', () => {
      for (const name of ['After', 'Wants']) {
        expect(directive(unit, name).join(' ')).toContain('postgresql.service');
        expect(directive(unit, name).join(' ')).toContain('nats-server.service');
      }
      const credentials = new Map(directive(unit, 'LoadCredential').map((c) => c.split(':') as [string, string]));
      const variables = directive(unit, 'Environment')
        .map((e) => /^(CORRIDOR_\w+)_FILE=%d\/(.+)$/.exec(e))
        .filter((m) => m !== null);
      expect(variables.map((m) => m[2]).sort()).toEqual([...credentials.keys()].sort());
      const env = Object.fromEntries(variables.map((m) => [`${m[1]}_FILE`, `/run/credentials/corridor-node.service/${m[2]}`]));
      const resolved = resolvedFrom('node', { ...env, CORRIDOR_DATABASE_URL: 'postgresql://corridor@127.0.0.1/corridor' }, []);
      for (const m of variables) expect(resolved[m[1] ?? ''], m[1]).toBeDefined();
    });
});

describe('the container file', () => {
  const file = read('deploy/container/Containerfile');
  const stage = (name: string) => file.slice(file.indexOf(` AS ${name}\n`)).split(/\nFROM /)[0] ?? '';
  const runtime = stage('runtime');

  it.each([
    ['node', 'services', '@corridor/services'],
    ['gateway', 'gateway', '@corridor/gateway'],
  ])('ships the %s as `pnpm deploy` made it, run by node on the package’s entry point, not as root', (target, folder, name) => {
    expect(file).toContain(`pnpm --filter ${name} deploy --legacy --prod --ignore-scripts /out/${target}`);
    const own = stage(target);
    // One runtime stage says how either process runs; each target adds its package alone.
    expect(file).toContain(`FROM runtime AS ${target}\n`);
    expect(own).toContain(`COPY --from=build /out/${target} ./`);
    expect(own).toContain(`ENV CORRIDOR_IMAGE_PROCESS=${target}`);
    expect(runtime).toMatch(/^USER node$/m);
    expect(own).not.toMatch(/^(USER|ENTRYPOINT|HEALTHCHECK) /m);
    expect(own).toContain(`CMD ["--config", "/etc/corridor/${target}.yaml"]`);
    const entry = /ENTRYPOINT \["node", "--import", "tsx", "([^"]+)"\]/.exec(runtime)?.[1];
    const pkg = JSON.parse(read(`${folder}/package.json`)) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(pkg.scripts.start).toBe(`tsx ${entry}`);
    expect(existsSync(join(REPO_ROOT, folder, entry ?? ''))).toBe(true);
    // Shipped with --prod: what runs it, and what the health check imports, must be production dependencies.
    expect(pkg.dependencies.tsx).toBeDefined();
    expect(Object.keys(pkg.dependencies)).toContain(`@corridor/proto`);
  });

  it('checks health with the script beside the package, for the process and settings file the target names', () => {
    const copied = /^COPY (\S+) \.\/$/m.exec(runtime)?.[1] ?? '';
    expect(copied).toBe('deploy/src/health-check.ts');
    expect(existsSync(join(REPO_ROOT, copied))).toBe(true);
    expect(runtime).toMatch(
      /^HEALTHCHECK .* CMD node --import tsx health-check\.ts "\$CORRIDOR_IMAGE_PROCESS" "\/etc\/corridor\/\$CORRIDOR_IMAGE_PROCESS\.yaml"$/m,
    );
  });

  it('builds the pseudonym arithmetic natively, and ships libsodium without a compiler', () => {
    const build = stage('build');
    // Installed before the workspace's own install, whose proto postinstall builds the addon.
    const apt = build.indexOf('apt-get install -y --no-install-recommends gcc libc6-dev libsodium-dev');
    expect(apt).toBeGreaterThan(-1);
    expect(apt).toBeLessThan(build.indexOf('pnpm install --frozen-lockfile'));
    expect(JSON.parse(read('proto/package.json')).scripts.postinstall).toBe('node native/build.mjs');
    // The runtime links libsodium, as root before it drops to the node user, and has no compiler.
    const runtimeApt = runtime.indexOf('apt-get install -y --no-install-recommends libsodium23');
    expect(runtimeApt).toBeGreaterThan(-1);
    expect(runtimeApt).toBeLessThan(runtime.indexOf('USER node'));
    expect(runtime).not.toMatch(/\b(gcc|libsodium-dev)\b/);
  });

  it('builds on Node 20 or 22', () => {
    expect(file).toMatch(/^ARG NODE_IMAGE=\S+\/node:(20|22)[-.\w]*$/m);
  });
});

describe('the example settings files', () => {
  it('are valid, and every key in them reaches a variable', () => {
    const node = resolvedFrom('node', {}, ['--config', 'deploy/examples/node.yaml']);
    expect(node).toMatchObject({
      CORRIDOR_AGENCY_ID: 'it-polfr',
      CORRIDOR_PORT: '4101',
      CORRIDOR_NATS_URL: 'nats://127.0.0.1:4222',
      CORRIDOR_NATS_HUB_DOMAIN: 'hub',
      CORRIDOR_MEMBERSHIP_TRUST: `${REPO_ROOT}/deploy/examples/secretariat.jwks.json`,
      CORRIDOR_SIGNING_KEY: `secret of ${REPO_ROOT}/deploy/examples/secrets/signing.jwk.json`,
      CORRIDOR_LOG_LEVEL: 'info',
    });
    expect(node.CORRIDOR_DATABASE_URL).toMatch(/^postgresql:\/\/corridor:secret%20of%20.+@127\.0\.0\.1:5432\/corridor$/);
    const gateway = resolvedFrom('gateway', {}, ['--config', 'deploy/examples/gateway.yaml']);
    expect(gateway).toMatchObject({ CORRIDOR_GATEWAY_PORT: '4000', CORRIDOR_NODE_DEADLINE_MS: '3000' });
  });
});

describe('the example nats-server configurations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-nats-examples-'));
  const certs = makeExampleCertificates(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['hub', 'leaf'])('%s.conf is one nats-server takes once its placeholders are filled in', (name) => {
    const text = read(`deploy/nats/${name}.conf`);
    const filled = fillExampleNatsConfig(text, {
      values: EXAMPLE_VALUES,
      certs,
      storeDir: join(dir, 'js'),
    });
    const path = join(dir, `${name}.conf`);
    writeFileSync(path, filled);
    const check = spawnSync(NATS_SERVER, ['-t', '-c', path], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('is valid');
    expect(check.status).toBe(0);
    if (name === 'hub') expect(text).toMatch(/domain: "hub"/);
    if (name === 'leaf') expect(text).toMatch(/domain: "<AGENCY>"/);
  });

  it('give the node’s user and the accounts what deploy/src/nats-config.ts gives them', () => {
    const leaf = read('deploy/nats/leaf.conf');
    const allowed = /publish: \{ allow: \[([^\]]*)\]/.exec(leaf)?.[1] ?? '';
    const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    const own = agencyPermissions('<AGENCY>', 'corridor', 'CORRIDOR_INBOX');
    expect(quoted(allowed)).toEqual(own.publish);
    expect(leaf).toContain(`subscribe: { allow: ${JSON.stringify(own.subscribe)} }`);
    const hub = read('deploy/nats/hub.conf');
    expect(hub).toContain(`domain: "${HUB_DOMAIN}"`);
    const hubUsers = newAgencyHubUsers('<AGENCY>');
    for (const user of [hubUsers.leaf.user, hubUsers.admin.user]) expect(hub).toContain(`{ user: "${user}", password: "<`);
    expect(leaf).toContain(`"tls://${hubUsers.leaf.user}:<AGENCY_LEAF_PASSWORD>@<HUB_1_HOST>:7422"`);
    for (const [agency, partner] of [
      ['<AGENCY>', '<PARTNER>'],
      ['<PARTNER>', '<AGENCY>'],
    ] as const) {
      const account = hub.slice(hub.indexOf(`"${agency}": {`));
      const links = agencyAccountLinks(agency, [agency, partner], 'corridor');
      for (const e of links.exports) expect(account).toContain(`{ service: "${e.service}", accounts: ["${partner}"] }`);
      for (const i of links.imports) expect(account).toContain(`{ service: { account: "${partner}", subject: "${i.service.subject}" } }`);
    }
  });

  it('make the hub a cluster of three, each route and leaf connection over TLS', () => {
    const hub = read('deploy/nats/hub.conf');
    expect(hub.match(/"tls:\/\/<HUB_\d_HOST>:6222"/g)).toHaveLength(3);
    expect(read('deploy/nats/leaf.conf').match(/"tls:\/\/leaf-<AGENCY>:<AGENCY_LEAF_PASSWORD>@<HUB_\d_HOST>:7422"/g)).toHaveLength(3);
  });
});
