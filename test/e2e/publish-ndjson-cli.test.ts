// publishAlerts through the gateway, and `./corridor publish --ndjson`: an agency's case system loads a file of alerts through the
// gateway in batches. A batch is published whole or not at all; the tool stops at the first
// refused batch naming its lines, and resumes from a line once they are fixed.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const CORRIDOR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corridor');
const file = useTestNetwork(() => startTestNetwork());
let dir = '';
let officer = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-publish-cli-'));
  officer = await file.net.token('it-polfr-officer');
  await writeFile(join(dir, 'token'), `${officer}\n`, { mode: 0o600 });
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function publish(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      CORRIDOR,
      ['publish', '--gateway', file.net.gatewayUrl, '--token-file', join(dir, 'token'), ...args],
      { timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The summaries of Italy's own alerts that carry `tag`, as its node holds them. */
async function storedWith(tag: string): Promise<string[]> {
  const r = await gql<{ alerts: { summary: string }[] }>(
    file.net.nodes['it-polfr']?.url as string,
    officer,
    '{ alerts(scope: OWN, limit: 1000) { summary } }',
  );
  return (r.data?.alerts ?? []).map((a) => a.summary).filter((s) => s.includes(tag));
}

const line = (tag: string, i: number, over: Record<string, unknown> = {}) =>
  JSON.stringify(routeAlert({ summary: `Boats from Zuwara ${tag} number ${i}`, ...over }));

describe('./corridor publish --ndjson', () => {
  it('stops at the batch with a bad line, publishing nothing of it, names the line, and resumes from that batch', async () => {
    const tag = `cli${file.net.run}`;
    const lines = Array.from({ length: 7 }, (_, i) => line(tag, i + 1));
    // Line 5 (in the second batch of three: lines 4-6) names a country that does not exist.
    lines[4] = line(tag, 5, { route: { region: 'central-mediterranean', waypoints: [{ country: 'XXX' }, { country: 'ITA' }] } });
    await writeFile(join(dir, 'alerts.ndjson'), `${lines.join('\n')}\n`);

    const first = await publish('--ndjson', join(dir, 'alerts.ndjson'), '--batch-size', '3');
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('batch of lines 4-6 refused');
    expect(first.stderr).toMatch(/line 5: route\.waypoints\[0\]\.country: /);
    expect(first.stderr).toContain('--from-line 4');
    // The progress bar went to stderr for the batch that was published; stdout maps lines to ids.
    expect(first.stderr).toMatch(/\] 3 of 7 alerts/);
    expect(
      first.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).line),
    ).toEqual([1, 2, 3]);
    expect((await storedWith(tag)).sort()).toEqual([1, 2, 3].map((i) => `Boats from Zuwara ${tag} number ${i}`));

    lines[4] = line(tag, 5);
    await writeFile(join(dir, 'alerts.ndjson'), `${lines.join('\n')}\n`);
    const resumed = await publish('--ndjson', join(dir, 'alerts.ndjson'), '--batch-size', '3', '--from-line', '4');
    expect(resumed.stderr).toContain('published 4 alerts');
    expect(resumed.code).toBe(0);
    expect(
      resumed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).line),
    ).toEqual([4, 5, 6, 7]);
    expect((await storedWith(tag)).sort()).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Boats from Zuwara ${tag} number ${i}`).sort());

    // The partners get the batch too, pseudonymized as any alert is.
    const niger = await file.net.token('ne-ppn-officer');
    const received = await eventually(async () => {
      const r = await gql<{ alerts: { summary: string; identifiers: { pseudonym: string }[] }[] }>(
        file.net.nodes['ne-ppn']?.url as string,
        niger,
        '{ alerts(scope: RECEIVED, limit: 1000) { summary identifiers { pseudonym } } }',
      );
      const mine = (r.data?.alerts ?? []).filter((a) => a.summary.includes(tag));
      return mine.length === 7 && mine;
    });
    expect(JSON.stringify(received)).not.toContain(RAW.handle);
  });

  it('refuses a line that is not JSON without sending its batch, and batches over 1,000', async () => {
    const tag = `json${file.net.run}`;
    await writeFile(join(dir, 'broken.ndjson'), `${line(tag, 1)}\n{"kind": "route",\n`);
    const broken = await publish('--ndjson', join(dir, 'broken.ndjson'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('line 2: is not valid JSON');
    expect(await storedWith(tag)).toEqual([]);
    const tooBig = await publish('--ndjson', join(dir, 'broken.ndjson'), '--batch-size', '1001');
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain('--batch-size must be at most 1000');
  });
});

describe('publishAlerts through the gateway', () => {
  const PUBLISH_BATCH = 'mutation($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id summary } }';

  it('answers the stored alerts in input order', async () => {
    const tag = `gw${file.net.run}`;
    const inputs = Array.from({ length: 5 }, (_, i) => routeAlert({ summary: `Boats from Zuwara ${tag} number ${i}` }));
    const r = await gql<{ publishAlerts: { id: string; summary: string }[] }>(file.net.gatewayUrl, officer, PUBLISH_BATCH, { inputs });
    expect(r.errors).toBeUndefined();
    expect(r.data?.publishAlerts.map((a) => a.summary)).toEqual(inputs.map((i) => i.summary));
  });

  it('refuses the whole call for one bad item, naming it by index and field, with nothing stored', async () => {
    const tag = `bad${file.net.run}`;
    const inputs = Array.from({ length: 4 }, (_, i) => routeAlert({ summary: `Boats from Zuwara ${tag} number ${i}` }));
    inputs[2] = routeAlert({ summary: `Boats from Zuwara ${tag}, call ${RAW.phone}` });
    const r = await gql(file.net.gatewayUrl, officer, PUBLISH_BATCH, { inputs });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      agency: 'it-polfr',
      fieldErrors: [expect.objectContaining({ path: 'inputs[2].summary', rule: 'identifier_in_text' })],
    });
    expect(JSON.stringify(r)).not.toContain(RAW.phone);
    expect(await storedWith(tag)).toEqual([]);
  });

  it('refuses more than 1,000 alerts in one call, naming inputs, with nothing stored', async () => {
    const tag = `big${file.net.run}`;
    const inputs = Array.from({ length: 1001 }, (_, i) => routeAlert({ summary: `Boats from Zuwara ${tag} number ${i}` }));
    const r = await gql(file.net.gatewayUrl, officer, PUBLISH_BATCH, { inputs });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'inputs', rule: 'too_big' })],
    });
    expect(await storedWith(tag)).toEqual([]);
  });

  it('publishes for the caller’s own agency only: another agency’s officer publishes at their own node', async () => {
    const tag = `own${file.net.run}`;
    const niger = await file.net.token('ne-ppn-officer');
    const r = await gql<{ publishAlerts: { id: string }[] }>(file.net.gatewayUrl, niger, PUBLISH_BATCH, {
      inputs: [routeAlert({ summary: `Boats from Zuwara ${tag}` })],
    });
    expect(r.data?.publishAlerts).toHaveLength(1);
    expect(await storedWith(tag)).toEqual([]);
  });
});
