import { describe, expect, it } from 'vitest';
import { resolveGatewaySettings } from './gateway-settings.js';
import { resolveNodeSettings } from './node-settings.js';
import { nameFileKey } from './settings-file.js';

const SIGNING = { kty: 'OKP', crv: 'Ed25519', x: 'x', d: 'd', kid: 'it-polfr-alerts' };

const NODE_YAML = `
# Italy's node
agency: it-polfr
http: { host: 0.0.0.0, port: 4101 }
database:
  url: postgresql://corridor@db.polfr.example:5432/corridor
  passwordFile: secrets/db-password
nats:
  servers: [tls://leaf.polfr.example:4222, nats://127.0.0.1:4222]
  user: it-polfr-node
  passwordFile: /run/credentials/corridor-node/nats-password
membership:
  location: https://secretariat.example/membership.json
  trust: secretariat.jwks.json
keys:
  signingFile: secrets/signing.jwk.json
  delegationFile: secrets/delegation.jwk.json
  network: "1:secret"
releasePolicy: { file: release-policy.json }
retention: { file: retention.json, scanMs: 5000 }
log: { level: warn }
`;

/** Files by absolute path, as the loader's reader sees them. */
function files(extra: Record<string, string> = {}): (path: string) => string {
  const all: Record<string, string> = {
    '/etc/corridor/node.yaml': NODE_YAML,
    '/etc/corridor/secrets/db-password': 'p@ss word\n',
    '/run/credentials/corridor-node/nats-password': 'nats-secret\n',
    '/etc/corridor/secrets/signing.jwk.json': `${JSON.stringify(SIGNING)}\n`,
    '/etc/corridor/secrets/delegation.jwk.json': '{"kid":"del"}',
    ...extra,
  };
  return (path) => {
    const text = all[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    return text;
  };
}

const node = (env: Record<string, string> = {}, read = files(), argv = ['--config', 'node.yaml']) =>
  resolveNodeSettings({ argv, env, cwd: '/etc/corridor', read });

describe('the node settings file', () => {
  it('becomes the CORRIDOR_* variables the node always read, relative paths from the file’s folder', () => {
    const { env } = node();
    expect(env).toMatchObject({
      CORRIDOR_AGENCY_ID: 'it-polfr',
      CORRIDOR_HOST: '0.0.0.0',
      CORRIDOR_PORT: '4101',
      CORRIDOR_NATS_URL: 'tls://leaf.polfr.example:4222,nats://127.0.0.1:4222',
      CORRIDOR_NATS_USER: 'it-polfr-node',
      CORRIDOR_NATS_PASSWORD: 'nats-secret',
      CORRIDOR_MEMBERSHIP_FILE: 'https://secretariat.example/membership.json',
      CORRIDOR_MEMBERSHIP_TRUST: '/etc/corridor/secretariat.jwks.json',
      CORRIDOR_NETWORK_KEY: '1:secret',
      CORRIDOR_RELEASE_POLICY_FILE: '/etc/corridor/release-policy.json',
      CORRIDOR_RETENTION_FILE: '/etc/corridor/retention.json',
      CORRIDOR_RETENTION_SCAN_MS: '5000',
      CORRIDOR_LOG_LEVEL: 'warn',
    });
    expect(JSON.parse(env.CORRIDOR_SIGNING_KEY ?? '')).toEqual(SIGNING);
    // The password, read from its file without the newline, goes into the URL, escaped.
    expect(env.CORRIDOR_DATABASE_URL).toBe('postgresql://corridor:p%40ss%20word@db.polfr.example:5432/corridor');
  });

  it('takes every variable set in the environment over the file', () => {
    const { env, fromFile } = node({
      CORRIDOR_PORT: '5000',
      CORRIDOR_NATS_URL: 'nats://10.0.0.1:4222',
      CORRIDOR_SIGNING_KEY: '{"d":"env"}',
    });
    expect(env.CORRIDOR_PORT).toBe('5000');
    expect(env.CORRIDOR_NATS_URL).toBe('nats://10.0.0.1:4222');
    expect(env.CORRIDOR_SIGNING_KEY).toBe('{"d":"env"}');
    expect(fromFile.has('CORRIDOR_PORT')).toBe(false);
    expect(env.CORRIDOR_HOST).toBe('0.0.0.0');
    expect(fromFile.get('CORRIDOR_HOST')).toBe('/etc/corridor/node.yaml: http.host');
    expect(fromFile.get('CORRIDOR_AGENCY_ID')).toBe('/etc/corridor/node.yaml: agency');
  });

  it('reads a secret from the file a <NAME>_FILE variable names, over the settings file', () => {
    const { env } = node({ CORRIDOR_NETWORK_KEY_FILE: '/run/secrets/network-key' }, files({ '/run/secrets/network-key': '1:from-file\n' }));
    expect(env.CORRIDOR_NETWORK_KEY).toBe('1:from-file');
  });

  it('reads _FILE secrets without any settings file too', () => {
    const { env } = node({ CORRIDOR_NATS_PASSWORD_FILE: '/run/secrets/nats' }, files({ '/run/secrets/nats': 'pw\n' }), []);
    expect(env.CORRIDOR_NATS_PASSWORD).toBe('pw');
    expect(env.CORRIDOR_AGENCY_ID).toBeUndefined();
  });

  it('passes the environment through unchanged without --config', () => {
    const { env, fromFile } = node({ CORRIDOR_AGENCY_ID: 'ne-ppn', CORRIDOR_PORT: '4102' }, files(), []);
    expect(env).toEqual({ CORRIDOR_AGENCY_ID: 'ne-ppn', CORRIDOR_PORT: '4102' });
    expect(fromFile.size).toBe(0);
  });

  it.each([
    ['nats:\n  servers: [nats://a:4222, http://b:4222]', 'nats.servers[1]: must be a nats:// or tls:// URL'],
    ['http: { port: 70000 }', 'http.port: must be a port number'],
    ['http: { port: "4101" }', 'http.port: must be a port number'],
    ['nats: { sever: nats://a:4222 }', 'nats: Unrecognized key: "sever"'],
    ['audit: { headEntries: 500 }', 'audit.headEntries: must be at most 100'],
    ['log: { level: loud }', 'log.level: must be debug, info, warn or error'],
    ['database: { url: mysql://x }', 'database.url: must be a postgres:// or postgresql:// URL'],
  ])('names the key of a bad value (%s)', (extra, message) => {
    const yaml = `agency: it-polfr\n${extra}\n`;
    expect(() => node({}, files({ '/etc/corridor/node.yaml': yaml }))).toThrow(`/etc/corridor/node.yaml: ${message}`);
  });

  it('leaves a missing key to its variable, and names it when neither gives it', () => {
    const { env, fromFile } = node({ CORRIDOR_NETWORK_KEY: '1:env' }, files({ '/etc/corridor/node.yaml': 'http: { port: 1 }\n' }));
    expect(env.CORRIDOR_AGENCY_ID).toBeUndefined();
    expect(env.CORRIDOR_NETWORK_KEY).toBe('1:env');
    expect(nameFileKey('CORRIDOR_AGENCY_ID: is required', fromFile)).toBe(
      '/etc/corridor/node.yaml: agency (CORRIDOR_AGENCY_ID: is required)',
    );
    expect(nameFileKey('CORRIDOR_NETWORK_KEY: is required', fromFile)).toBe('CORRIDOR_NETWORK_KEY: is required');
  });

  it('names the line of a syntax error', () => {
    expect(() => node({}, files({ '/etc/corridor/node.yaml': 'agency: a\nhttp: [\n  port: }\n' }))).toThrow(
      /node\.yaml: line 3: Flow sequence/,
    );
  });

  it('refuses a secret given twice, and names a secret file it cannot read', () => {
    expect(() => node({ CORRIDOR_NATS_PASSWORD: 'a', CORRIDOR_NATS_PASSWORD_FILE: '/x' })).toThrow(
      'CORRIDOR_NATS_PASSWORD and CORRIDOR_NATS_PASSWORD_FILE: give one of them, not both',
    );
    const twice = NODE_YAML.replace('network: "1:secret"', 'network: "1:secret"\n  networkFile: k');
    expect(() => node({}, files({ '/etc/corridor/node.yaml': twice }))).toThrow(
      'keys.network and keys.networkFile: give one of them, not both',
    );
    const withoutPassword = files();
    const read = (path: string) => (path.endsWith('db-password') ? files({})('/gone') : withoutPassword(path));
    expect(() => node({}, read)).toThrow(
      '/etc/corridor/node.yaml: database.passwordFile: cannot read /etc/corridor/secrets/db-password: ENOENT',
    );
    expect(() => node({ CORRIDOR_SIGNING_KEY_FILE: '/nowhere' })).toThrow('CORRIDOR_SIGNING_KEY_FILE: cannot read /nowhere: ENOENT');
    expect(() => node({}, files(), ['--config', 'missing.yaml'])).toThrow('--config: cannot read /etc/corridor/missing.yaml: ENOENT');
  });

  it('refuses a database password with no URL, or one the URL already carries', () => {
    const noUrl = NODE_YAML.replace(/^ {2}url: .*$/m, '');
    expect(() => node({}, files({ '/etc/corridor/node.yaml': noUrl }))).toThrow('CORRIDOR_DATABASE_PASSWORD: needs CORRIDOR_DATABASE_URL');
    expect(() => node({ CORRIDOR_DATABASE_URL: 'postgres://u:old@h/db' })).toThrow('carries a password already');
  });

  it('says a start-up error about a variable the file set in the file’s terms', () => {
    const { fromFile } = node();
    expect(nameFileKey('CORRIDOR_AGENCY_ID: agency it-polfr is not in the membership document', fromFile)).toBe(
      '/etc/corridor/node.yaml: agency (CORRIDOR_AGENCY_ID: agency it-polfr is not in the membership document)',
    );
    expect(nameFileKey('CORRIDOR_PORT: must be a port number', new Map())).toBe('CORRIDOR_PORT: must be a port number');
  });
});

describe('the gateway settings file', () => {
  const yaml =
    'http: { host: 0.0.0.0, port: 4000 }\nmembership: { location: membership.json, trust: /etc/corridor/t.json, pollMs: 500 }\nnodeDeadlineMs: 2500\n';
  const gateway = (env: Record<string, string>, text = yaml) =>
    resolveGatewaySettings({ argv: ['--config=/etc/corridor/gateway.yaml'], env, cwd: '/', read: () => text });

  it('becomes the gateway’s variables, the environment first', () => {
    expect(gateway({ CORRIDOR_GATEWAY_PORT: '4400' }).env).toMatchObject({
      CORRIDOR_GATEWAY_HOST: '0.0.0.0',
      CORRIDOR_GATEWAY_PORT: '4400',
      CORRIDOR_MEMBERSHIP_FILE: '/etc/corridor/membership.json',
      CORRIDOR_MEMBERSHIP_TRUST: '/etc/corridor/t.json',
      CORRIDOR_MEMBERSHIP_POLL_MS: '500',
      CORRIDOR_NODE_DEADLINE_MS: '2500',
    });
  });

  it('takes the HTTPS certificate and the nodes’ CA, paths from the file’s folder', () => {
    const tls = `${yaml.replace('port: 4000 }', 'port: 4000, tls: { certFile: tls/gw.pem, keyFile: gw.key } }')}nodes: { caFile: ca.pem }\n`;
    expect(gateway({}, tls).env).toMatchObject({
      CORRIDOR_TLS_CERT: '/etc/corridor/tls/gw.pem',
      CORRIDOR_TLS_KEY: '/etc/corridor/gw.key',
      CORRIDOR_NODE_CA: '/etc/corridor/ca.pem',
    });
    expect(() => gateway({}, `${yaml}nodes: { caFile: '' }\n`)).toThrow('nodes.caFile: must be a file path');
  });

  it('names a bad key', () => {
    expect(() => gateway({}, `${yaml}agency: it-polfr\n`)).toThrow('gateway.yaml: Unrecognized key: "agency"');
    expect(() => gateway({}, yaml.replace('pollMs: 500', 'pollMs: 10'))).toThrow('membership.pollMs: must be at least 50 ms');
  });
});
