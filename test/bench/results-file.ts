// The benchmark results file: one JSON array of figures, each suite replacing only its own rows
// so that a partial run keeps the other suites' last figures.
import { readFile, writeFile } from 'node:fs/promises';
import type { LoadFigures } from './measure.js';

export interface BenchResult {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: { metric: string; value: number };
  ratio?: number;
}

export async function writeResults(path: string, fresh: BenchResult[]): Promise<BenchResult[]> {
  let previous: BenchResult[] = [];
  try {
    previous = JSON.parse(await readFile(path, 'utf8')) as BenchResult[];
  } catch {
    // first run: no file yet
  }
  const suites = new Set(fresh.map((r) => r.suite));
  const merged = [...previous.filter((r) => !suites.has(r.suite)), ...fresh];
  await writeFile(path, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}

export function withBaseline(r: Omit<BenchResult, 'ratio'> & { baseline: { metric: string; value: number } }): BenchResult {
  return { ...r, ratio: Number((r.value / r.baseline.value).toFixed(3)) };
}

/** The result maker of one suite: a figure, with its ratio to `baseline` when it has one. */
export function suiteResults(suite: string) {
  return (metric: string, value: number, unit: string, baseline?: { metric: string; value: number }): BenchResult =>
    baseline ? withBaseline({ suite, metric, value, unit, baseline }) : { suite, metric, value, unit };
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.suite,
    r.metric,
    `${r.value} ${r.unit}`,
    r.baseline ? `${r.baseline.metric} = ${r.baseline.value}` : '',
    r.ratio === undefined ? '' : String(r.ratio),
  ]);
  const head = ['suite', 'metric', 'value', 'baseline', 'ratio'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** One way of doing the work a suite measures: its metric names and what one and many clients saw. */
export interface PathFigures {
  /** Prefix of the latency metrics, `<latency>_p50_ms` and `<latency>_p99_ms`. */
  latency: string;
  /** Prefix of the rate metric, `<rate>_per_s`. */
  rate: string;
  rateUnit: string;
  single: LoadFigures;
  busy: LoadFigures;
}

type ResultMaker = ReturnType<typeof suiteResults>;

function figuresOfPath(p: PathFigures) {
  return [
    [`${p.latency}_p50_ms`, p.single.p50, 'ms'],
    [`${p.latency}_p99_ms`, p.single.p99, 'ms'],
    [`${p.rate}_per_s`, p.busy.perSecond, p.rateUnit],
  ] as const;
}

/** `path`'s p50, p99 and rate. */
export function pathFigures(r: ResultMaker, path: PathFigures): BenchResult[] {
  return figuresOfPath(path).map(([metric, value, unit]) => r(metric, value, unit));
}

/** `path`'s p50, p99 and rate, each with its ratio to `baseline`'s: how near it comes to the path it should approach. */
export function againstBaseline(r: ResultMaker, path: PathFigures, baseline: PathFigures): BenchResult[] {
  const base = figuresOfPath(baseline);
  return figuresOfPath(path).map(([metric, value, unit], i) => {
    const [baseMetric, baseValue] = base[i] as (typeof base)[number];
    return r(metric, value, unit, { metric: baseMetric, value: baseValue });
  });
}
