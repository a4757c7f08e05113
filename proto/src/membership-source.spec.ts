import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Jwks } from './fields.js';
import type { Membership } from './membership.js';
import { MembershipError, signMembership } from './membership-signature.js';
import { type MembershipReport, type MembershipSource, membershipReader, openMembershipSource } from './membership-source.js';

let secretariat: JWK;
let trust: Jwks;
const dir = mkdtempSync(join(tmpdir(), 'corridor-membership-'));
const file = join(dir, 'membership.json');

const agency = (id: string, port: number) => ({
  id,
  name: id,
  country: 'ITA' as const,
  networks: [],
  nodeUrl: `http://127.0.0.1:${port}/graphql`,
  tokenIssuer: { issuer: `https://issuer.${id}.invalid/`, jwksUri: `https://issuer.${id}.invalid/jwks.json` },
  alertSigningKeys: {
    keys: [{ kty: 'OKP' as const, crv: 'Ed25519' as const, x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: `${id}-1` }],
  },
});

const version = (v: number, ids = ['it-polfr']): Membership => ({
  network: { id: 'central-med', name: 'Central Mediterranean' },
  audience: 'corridor',
  version: v,
  agencies: ids.map((id, i) => agency(id, 4101 + i)),
});

const publish = async (m: Membership) => writeFileSync(file, JSON.stringify(await signMembership(m, secretariat), null, 2));

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  secretariat = { ...(await exportJWK(privateKey)), kid: 'secretariat-1', alg: 'EdDSA' };
  trust = { keys: [{ ...(await exportJWK(publicKey)), kid: 'secretariat-1', alg: 'EdDSA' }] as Jwks['keys'] };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function open(): Promise<MembershipSource> {
  return openMembershipSource({ location: file, read: membershipReader(file, (p) => readFile(p, 'utf8')), trust });
}

describe('membership source', () => {
  it('refuses to start on a document that does not verify', async () => {
    await publish(version(1));
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"version": 1', '"version": 7'));
    await expect(open()).rejects.toMatchObject({ reason: 'bad_signature', message: expect.stringContaining(file) });
    rmSync(file);
    await expect(open()).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('takes a newer signed version, tells its listeners, and keeps the old one until then', async () => {
    await publish(version(1));
    const source = await open();
    const seen: [number, number][] = [];
    source.onUpdate((next, previous) => seen.push([previous.version, next.version]));
    expect(await source.refresh()).toEqual({ outcome: 'unchanged' });

    await publish(version(2, ['it-polfr', 'ng-nis']));
    expect(await source.refresh()).toMatchObject({ outcome: 'updated', version: 2, previousVersion: 1 });
    expect(source.current().agencies.map((a) => a.id)).toEqual(['it-polfr', 'ng-nis']);
    expect(seen).toEqual([[1, 2]]);
  });

  it('refuses a tampered version once, keeps the last good one, and takes the next good one', async () => {
    await publish(version(2));
    const source = await open();
    const inForce = readFileSync(file, 'utf8');
    await publish(version(3, ['it-polfr', 'ne-ppn']));
    const signed = JSON.parse(readFileSync(file, 'utf8'));
    signed.membership.agencies[1].nodeUrl = 'http://evil.invalid/graphql';
    writeFileSync(file, JSON.stringify(signed));

    const refused = await source.refresh();
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'bad_signature', versionInForce: 2 });
    expect(source.current().version).toBe(2);
    // The same bad content is not verified (nor reported) again at every look.
    expect(await source.refresh()).toEqual({ outcome: 'unchanged' });
    // The version in force put back: quietly nothing to do (not a "rollback").
    writeFileSync(file, inForce);
    expect(await source.refresh()).toEqual({ outcome: 'unchanged' });

    await publish(version(3, ['it-polfr', 'ne-ppn']));
    expect(await source.refresh()).toMatchObject({ outcome: 'updated', version: 3 });
    expect(source.current().agencies[1]?.nodeUrl).toBe('http://127.0.0.1:4102/graphql');
  });

  it('refuses a validly signed older or equal version (no rollback)', async () => {
    await publish(version(5, ['it-polfr', 'ng-nis']));
    const source = await open();
    await publish(version(4));
    expect(await source.refresh()).toMatchObject({ outcome: 'refused', reason: 'rollback', versionInForce: 5 });
    await publish(version(5));
    expect(await source.refresh()).toMatchObject({ outcome: 'refused', reason: 'rollback' });
    expect(source.current().agencies.map((a) => a.id)).toEqual(['it-polfr', 'ng-nis']);
  });

  it('reports a source that cannot be read, once per distinct failure, and keeps the version in force', async () => {
    await publish(version(1));
    const source = await open();
    rmSync(file);
    expect(await source.refresh()).toMatchObject({ outcome: 'unreadable', repeated: false });
    expect(await source.refresh()).toMatchObject({ outcome: 'unreadable', repeated: true });
    expect(source.current().version).toBe(1);
    // Put back as it was: nothing to take and nothing to refuse.
    await publish(version(1));
    expect(await source.refresh()).toEqual({ outcome: 'unchanged' });
  });

  it('watches at an interval and stops when told', async () => {
    await publish(version(1));
    const source = await open();
    const reports: MembershipReport[] = [];
    const watch = source.watch(20, (r) => reports.push(r));
    await publish(version(2));
    await expect.poll(() => source.current().version, { timeout: 2000 }).toBe(2);
    watch.stop();
    const count = reports.length;
    // A check that was under way at stop (a busy machine) settles before the next version appears.
    await new Promise((r) => setTimeout(r, 100));
    await publish(version(3));
    await new Promise((r) => setTimeout(r, 100));
    expect(reports.length).toBe(count);
    expect(source.current().version).toBe(2);
  });
});

describe('membership over HTTP', () => {
  let server: Server;
  let body = '';
  let status = 200;
  let url: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/membership.json`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches, verifies and updates from a URL; an error answer keeps the version in force', async () => {
    body = JSON.stringify(await signMembership(version(1), secretariat));
    const source = await openMembershipSource({
      location: url,
      read: membershipReader(url, () => Promise.reject(new Error('no files'))),
      trust,
    });
    expect(source.current().version).toBe(1);
    status = 503;
    expect(await source.refresh()).toMatchObject({ outcome: 'unreadable', message: expect.stringContaining('HTTP 503') });
    status = 200;
    body = JSON.stringify(await signMembership(version(2), secretariat));
    expect(await source.refresh()).toMatchObject({ outcome: 'updated', version: 2 });
  });

  it('refuses to open a URL that answers an unsigned document', async () => {
    body = JSON.stringify(version(1));
    const attempt = openMembershipSource({
      location: url,
      read: membershipReader(url, () => Promise.reject(new Error('no files'))),
      trust,
    });
    await expect(attempt).rejects.toBeInstanceOf(MembershipError);
    await expect(attempt).rejects.toMatchObject({ reason: 'not_signed' });
  });
});
