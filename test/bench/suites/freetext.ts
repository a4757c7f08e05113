// Suite `freetext` (issue 11): what the free-text check adds to validating an alert at its node.
// One core, in process: alerts validated per second as the node did before (schema and each
// identifier read as its kind) as the baseline, against the same plus the free-text check, for
// the fixtures' alerts and for a long summary full of numbers (every shape is tried there).
import { alertInput, freeTextErrors, identifierErrors, type ValidAlertInput } from '@corridor/proto';
import { documentFraudAlert, RAW, routeAlert } from '../../support/fixtures.js';
import { ownPeakRssMb } from '../process-stats.js';
import { type BenchResult, withBaseline } from '../results-file.js';

const SECONDS = Number(process.env.BENCH_FREETEXT_SECONDS ?? 3);

const LONG_SUMMARY = Array.from(
  { length: 12 },
  (_, i) => `Boat ${i + 1} left Zuwara on 2${i % 8}.11.2026 at 0${i % 9}:30 with 4${i} people, 1,500 EUR each, flight AZ 86${i}.`,
)
  .join(' ')
  .slice(0, 2000);

const INPUTS = [
  documentFraudAlert(),
  routeAlert(),
  routeAlert({ summary: LONG_SUMMARY, identifiers: [{ kind: 'phone', value: RAW.phone }] as never }),
];

function validate(input: unknown, withFreeText: boolean): number {
  const v = alertInput.parse(input) as ValidAlertInput;
  let errors = identifierErrors(v.identifiers).length;
  if (withFreeText) errors += freeTextErrors(v, { declared: v.identifiers, countries: ['ITA', 'NER', 'LBY', 'NGA'] }).length;
  return errors;
}

function perSecond(withFreeText: boolean): number {
  for (let i = 0; i < 300; i++) validate(INPUTS[i % INPUTS.length], withFreeText);
  let count = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    if (validate(INPUTS[count % INPUTS.length], withFreeText) !== 0) throw new Error('a fixture was refused');
    count++;
  }
  return Math.round(count / SECONDS);
}

export async function freetextSuite(): Promise<BenchResult[]> {
  const before = perSecond(false);
  const after = perSecond(true);
  return [
    withBaseline({
      suite: 'freetext',
      metric: 'validated_with_free_text_per_s',
      value: after,
      unit: 'alerts/s',
      baseline: { metric: 'validated_without_free_text_per_s', value: before },
    }),
    { suite: 'freetext', metric: 'validated_without_free_text_per_s', value: before, unit: 'alerts/s' },
    // In process, no node or gateway runs: the benchmark's own peak is what validating cost.
    { suite: 'freetext', metric: 'bench_process_peak_rss_mb', value: ownPeakRssMb(), unit: 'MB' },
  ];
}
