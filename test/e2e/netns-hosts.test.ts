// The harness for tests across hosts (issue 13, item 4), proved on NATS alone: a nats-server in
// one network namespace, a responder in a second and a requester in a third, each host joined to
// the others only through a bridge the test made. Cutting a host's link makes its requests fail;
// bringing it back makes them work again; a delaying relay inside a host lengthens its link; at
// the end no namespace of the run is left, nor one of a run that died.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { delayRelayIn, type HostRequester, NATS_PORT, natsRequesterIn, natsResponderIn, natsServerIn } from '../support/hosts/host-nats.js';
import { type HostSet, makeHosts, namespaceExists, netnsUnavailable, sweepStaleNamespaces } from '../support/hosts/netns.js';

const unavailable = netnsUnavailable();
if (unavailable) console.warn(`netns-hosts skipped: ${unavailable}`);

describe.skipIf(unavailable !== undefined)(`hosts in network namespaces${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let set: HostSet | undefined;
  let requester: HostRequester;
  let hubAddress: { host: string; port: number };

  beforeAll(async () => {
    set = await makeHosts(['hub', 'a', 'b']);
    const { hub, a, b } = set.hosts;
    if (!hub || !a || !b) throw new Error('three hosts were asked for');
    const server = await natsServerIn(hub);
    hubAddress = { host: hub.address, port: NATS_PORT };
    await natsResponderIn(a, server.url, 'echo');
    requester = await natsRequesterIn(b, server.url, 'echo');
  });
  afterAll(async () => {
    await set?.remove();
  });

  it('gives each host its own address, and a request from one host is answered by another through the third', async () => {
    const addresses = Object.values(set?.hosts ?? {}).map((h) => h.address);
    expect(new Set(addresses).size).toBe(3);
    expect(await requester.request(5000)).toMatchObject({ ok: true });
  });

  it('fails requests while the requester’s link is cut, and answers them again once it is back', async () => {
    const b = set?.hosts.b;
    if (!b) throw new Error('host b');
    b.cut();
    try {
      const cutOff = await requester.request(2000);
      expect(cutOff.ok).toBe(false);
    } finally {
      b.restore();
    }
    const deadline = Date.now() + 30_000;
    let outcome = await requester.request(2000);
    while (!outcome.ok && Date.now() < deadline) outcome = await requester.request(2000);
    expect(outcome).toMatchObject({ ok: true });
  });

  it('puts 20 ms each way on a host’s link through a delaying relay inside it: four legs on a request and its reply', async () => {
    const { a, b } = set?.hosts ?? {};
    if (!a || !b) throw new Error('hosts a and b');
    await natsResponderIn(a, (await delayRelayIn(a, 14222, hubAddress, 20)).url, 'echo.delayed');
    const slow = await natsRequesterIn(b, (await delayRelayIn(b, 14222, hubAddress, 20)).url, 'echo.delayed');
    const outcome = await slow.request(5000);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.ms).toBeGreaterThanOrEqual(79);
    expect(outcome.ms).toBeLessThan(1000);
  });

  it('sweeps the namespaces a run left when its process died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = `crdr-${dead}-0000-gone`;
    execFileSync('ip', ['netns', 'add', stale]);
    expect(sweepStaleNamespaces()).toContain(stale);
    expect(namespaceExists(stale)).toBe(false);
    // This run's own are alive and stay.
    for (const n of set?.namespaces ?? []) expect(namespaceExists(n)).toBe(true);
  });

  it('removes every namespace it made, and the processes in them', async () => {
    const made = set?.namespaces ?? [];
    expect(made.length).toBe(4);
    for (const n of made) expect(namespaceExists(n)).toBe(true);
    await set?.remove();
    for (const n of made) expect(namespaceExists(n)).toBe(false);
  });
});
