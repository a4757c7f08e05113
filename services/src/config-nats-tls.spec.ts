import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, natsTlsFrom } from './config.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-nats-tls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, '-----BEGIN CERTIFICATE-----\n');
  return path;
};

describe('the node’s TLS files for NATS', () => {
  it('is absent when no variable is set, and takes the CA alone or with a client certificate', () => {
    expect(natsTlsFrom({})).toBeUndefined();
    const ca = file('ca.pem');
    expect(natsTlsFrom({ CORRIDOR_NATS_CA: ca })).toEqual({ caFile: ca });
    const cert = file('c.pem');
    const key = file('c.key');
    expect(natsTlsFrom({ CORRIDOR_NATS_CA: ca, CORRIDOR_NATS_CERT: cert, CORRIDOR_NATS_KEY: key })).toEqual({
      caFile: ca,
      certFile: cert,
      keyFile: key,
    });
  });

  it('names the variable of a missing file, and of the half of a certificate–key pair left out', () => {
    expect(() => natsTlsFrom({ CORRIDOR_NATS_CA: join(dir, 'nope.pem') })).toThrow(/^CORRIDOR_NATS_CA: no such file/);
    expect(() => natsTlsFrom({ CORRIDOR_NATS_CERT: file('only.pem') })).toThrow(ConfigError);
    expect(() => natsTlsFrom({ CORRIDOR_NATS_CERT: file('only2.pem') })).toThrow(/^CORRIDOR_NATS_KEY:/);
    expect(() => natsTlsFrom({ CORRIDOR_NATS_KEY: file('k.key') })).toThrow(/^CORRIDOR_NATS_CERT:/);
  });
});
