// In a real browser: an officer uploads an NDJSON file of alerts on the Publish page. Batches go
// one after the other with a progress bar; the batch holding a bad line publishes nothing and the
// console names the line and the field; after the fix the upload resumes from that batch.

import { alertKey, encodeAlertCursor, type KeyedAlert } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { RAW, routeAlert } from '../support/fixtures.js';
import { type GraphQLResponse, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));

/** The summaries of Italy's own alerts carrying `tag`, as its node holds them (every page of them). */
async function storedWith(tag: string): Promise<string[]> {
  const token = await consoles.net.token('it-polfr-officer');
  const out: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: GraphQLResponse<{ alerts: (KeyedAlert & { summary: string })[] }> = await gql(
      consoles.net.nodes['it-polfr']?.url as string,
      token,
      'query($after: String) { alerts(scope: OWN, limit: 1000, after: $after) { id createdAt origin { agency } summary } }',
      { after },
    );
    const page = r.data?.alerts ?? [];
    out.push(...page.map((a) => a.summary).filter((s) => s.includes(tag)));
    const last = page[page.length - 1];
    if (page.length < 1000 || !last) return out;
    after = encodeAlertCursor(alertKey(last));
  }
}

describe('uploading NDJSON on the Publish page', () => {
  it('publishes batch by batch with a progress bar, stops at the batch with a bad line naming it, and resumes from that batch', async () => {
    const tag = `upload${consoles.net.run}`;
    const summary = (i: number) => `Boats from Zuwara ${tag} number ${i}`;
    // 1,205 lines: batches of 1,000 and 205; line 1,100 (second batch) names a phone number in its summary.
    const lines = Array.from({ length: 1205 }, (_, i) => JSON.stringify(routeAlert({ summary: summary(i + 1) })));
    lines[1099] = JSON.stringify(routeAlert({ summary: `${summary(1100)}, call ${RAW.phone}` }));
    const page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
    await page.getByTestId('nav-publish').click();
    await page
      .getByTestId('ndjson-file')
      .setInputFiles({ name: 'export.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
    await page.getByTestId('ndjson-submit').click();

    const problem = page.getByTestId('ndjson-problem');
    await expect.poll(() => problem.count(), { timeout: 60_000 }).toBe(1);
    expect(await problem.getAttribute('data-line')).toBe('1100');
    expect(await problem.getAttribute('data-field')).toBe('summary');
    expect(await page.getByTestId('ndjson-failure').textContent()).not.toContain(RAW.phone);
    const batches = page.getByTestId('ndjson-batch');
    expect(
      await batches.evaluateAll((els) => els.map((e) => [e.getAttribute('data-first-line'), e.getAttribute('data-published')])),
    ).toEqual([
      ['1', 'true'],
      ['1001', 'false'],
    ]);
    const progress = page.getByTestId('ndjson-progress');
    expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['1000', '1205']);
    // Nothing of the refused batch was published.
    expect(await storedWith(tag)).toHaveLength(1000);
    expect(await page.getByTestId('ndjson-from-line').inputValue()).toBe('1001');

    lines[1099] = JSON.stringify(routeAlert({ summary: summary(1100) }));
    await page
      .getByTestId('ndjson-file')
      .setInputFiles({ name: 'export.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
    await page.getByTestId('ndjson-submit').click();
    await page.getByTestId('ndjson-success').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('ndjson-success').textContent()).toContain('Published 205 alerts');
    expect([await progress.getAttribute('value'), await progress.getAttribute('max')]).toEqual(['205', '205']);
    expect((await storedWith(tag)).sort()).toEqual(Array.from({ length: 1205 }, (_, i) => summary(i + 1)).sort());
  });
});
