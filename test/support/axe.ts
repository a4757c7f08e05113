// axe-core in a page of the browser tests: injected from the package's own file (the machine is
// offline, and a test must not depend on a CDN), run over the whole document.
import { createRequire } from 'node:module';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

/** The serious and critical violations axe finds on `page` now, one readable line per element. */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run());
  // A run that checked nothing would pass anything: make sure axe looked at the page.
  if (results.passes.length === 0) throw new Error(`axe checked nothing on ${page.url()}`);
  return results.violations
    .filter((v) => v.impact && BLOCKING.includes(v.impact))
    .flatMap((v) =>
      v.nodes.map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`),
    );
}
