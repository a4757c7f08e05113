// The launcher against the real node and gateway: one agency on embedded PGlite, a nats-server of
// its own. Slow-ish (a few seconds) because it starts real processes, which is what it checks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSignedMembership, parseTrustAnchor } from '@corridor/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningNetwork, startNetwork } from './network.js';

describe('startNetwork', () => {
  const rootDir = mkdtempSync(join(tmpdir(), 'corridor-deploy-spec-'));
  const unexpected: string[] = [];
  let network: RunningNetwork;

  beforeAll(async () => {
    network = await startNetwork({
      rootDir,
      agencies: [{ id: 'it-polfr', name: 'Polizia di Frontiera', country: 'ITA', networks: ['liaison-central-med'] }],
      nats: { start: true },
      quiet: true,
      onUnexpectedExit: (name) => unexpected.push(name),
    });
  }, 120_000);
  afterAll(async () => {
    await network?.stop();
    rmSync(rootDir, { recursive: true, force: true });
  });

  it('writes a membership signed by its secretariat and answers the default user’s token at the gateway', async () => {
    const trust = parseTrustAnchor(readFileSync(network.membershipTrustFile, 'utf8'));
    const written = await openSignedMembership(readFileSync(network.membershipFile, 'utf8'), trust);
    expect(written).toEqual(network.membership);
    expect(written.agencies[0]?.nodeUrl).toBe(network.nodes['it-polfr']?.url);
    // Token keys by address, at the development issuer of this run.
    expect(written.agencies[0]?.tokenIssuer.jwksUri).toBe(`${network.issuerUrl}/agencies/it-polfr/jwks.json`);
    // A network starting today has no HMAC key: its pseudonym key is split among three members.
    expect(network.networkKey).toBeNull();
    const holders = written.agencies.slice(0, 3).map((a, i) => ({ agency: a.id, index: i + 1 }));
    expect(written.pseudonymService).toMatchObject({ epoch: 1, threshold: Math.min(2, holders.length), holders });
    expect(Object.keys(network.pseudonymShares)).toEqual(written.pseudonymService?.holders.map((h) => h.agency));
    const res = await fetch(network.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await network.token('it-polfr-officer')}` },
      body: JSON.stringify({ query: '{ me { agency roles } }' }),
    });
    expect(await res.json()).toEqual({ data: { me: { agency: 'it-polfr', roles: ['border_officer'] } } });
  });

  it('publishes a new signed version that the running node and gateway take', async () => {
    const trust = parseTrustAnchor(readFileSync(network.membershipTrustFile, 'utf8'));
    const next = await network.updateMembership((m) => ({ ...m, network: { ...m.network, name: 'Renamed' } }));
    expect(next.version).toBe(2);
    expect(await openSignedMembership(readFileSync(network.membershipFile, 'utf8'), trust)).toEqual(next);
    const updated = (name: string) =>
      readFileSync(join(rootDir, 'logs', `${name}.log`), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { msg: string; version?: number })
        .some((l) => l.msg === 'membership updated' && l.version === 2);
    await expect.poll(() => updated('gateway') && updated('node-it-polfr'), { timeout: 10_000 }).toBe(true);
  });

  it('stops and restarts a node, which answers healthy again on the same address', async () => {
    const node = network.nodes['it-polfr'];
    if (!node) throw new Error('no node');
    await node.stop();
    expect(node.running).toBe(false);
    await expect(fetch(node.healthUrl)).rejects.toThrow();
    await node.start();
    expect(node.running).toBe(true);
    expect(await (await fetch(node.healthUrl)).json()).toMatchObject({ status: 'ok', agency: 'it-polfr' });
    expect(unexpected).toEqual([]);
  }, 120_000);

  it('stops everything, and a second stop is harmless', async () => {
    await network.stop();
    await network.stop();
    expect(network.nodes['it-polfr']?.running).toBe(false);
    await expect(fetch(network.gatewayUrl)).rejects.toThrow();
  });
});
