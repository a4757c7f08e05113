// `./corridor publish --ndjson FILE --gateway URL --token-file FILE [--from-line N] [--batch-size N]`:
// an agency's case system publishes a large load of alerts, one JSON alert (proto alertInput) a
// line, through the gateway's `publishAlerts`, in batches of at most 1,000. It talks GraphQL only.
// A batch is published whole or not at all; the tool stops at the first refused batch, names its
// lines, and is resumed from that batch's first line (`--from-line`) once the lines are fixed.
// stdout gets one `{"line":N,"id":"…"}` per published alert (the case system keeps the mapping);
// stderr the progress bar and the refusal.
import { readFileSync } from 'node:fs';
import { type BatchAnswer, MAX_ALERTS_PER_BATCH, type UploadProgress, type UploadResult, uploadNdjson } from '@corridor/proto';

const PUBLISH_BATCH = 'mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id } }';

/**
 * Sends one batch to the gateway with the token read from `tokenFile` at each batch (a token
 * renewed on disk meanwhile is taken). Refusals of the batch come back by line.
 */
export function gatewaySender(gatewayUrl: string, tokenFile: string): (inputs: unknown[]) => Promise<BatchAnswer> {
  return async (inputs) => {
    const token = readFileSync(tokenFile, 'utf8').trim();
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query: PUBLISH_BATCH, variables: { inputs } }),
    });
    const text = await res.text();
    let body: { data?: { publishAlerts?: { id: string }[] } | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    try {
      body = JSON.parse(text);
    } catch {
      return { errors: [{ message: `the gateway answered HTTP ${res.status} without GraphQL: ${text.slice(0, 200)}` }] };
    }
    const ids = body.data?.publishAlerts?.map((a) => a.id);
    if (ids && !body.errors?.length) return { ids };
    return { errors: body.errors?.length ? body.errors : [{ message: `the gateway answered HTTP ${res.status} with no data` }] };
  };
}

/** `[#####-----] 3,000 of 10,000 lines`: a bar on a terminal, one line per batch otherwise. */
export function progressLine(p: UploadProgress, width = 30): string {
  const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} alerts (batch of lines ${p.lines[0]}-${p.lines[1]} published)`;
}

/** The refusal as the operator reads it: which lines, what is wrong with each, and how to go on. */
export function refusalText(refused: NonNullable<UploadResult['refused']>): string {
  const [first, last] = refused.lines;
  const reasons = refused.reasons.map(
    (r) => `  ${r.line === undefined ? '' : `line ${r.line}: `}${r.path ? `${r.path}: ` : ''}${r.message}`,
  );
  return [
    `batch of lines ${first}-${last} refused; nothing of it was published, nor anything after it:`,
    ...reasons,
    `fix the lines named and resume with --from-line ${first}`,
  ].join('\n');
}

function argument(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const USAGE =
  'usage: ./corridor publish --ndjson FILE --gateway URL --token-file FILE [--from-line N] [--batch-size N (at most 1000)]\n' +
  '  FILE holds one alert (JSON, as publishAlert takes it) per line; URL is the gateway’s GraphQL endpoint.\n';

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`corridor publish: ${name} must be a whole number from 1, not ${value}\n`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const file = argument(argv, '--ndjson');
  const gateway = argument(argv, '--gateway');
  const tokenFile = argument(argv, '--token-file');
  if (!file || !gateway || !tokenFile) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const fromLine = positive('--from-line', argument(argv, '--from-line'), 1);
  const batchSize = positive('--batch-size', argument(argv, '--batch-size'), MAX_ALERTS_PER_BATCH);
  if (batchSize > MAX_ALERTS_PER_BATCH) {
    process.stderr.write(`corridor publish: --batch-size must be at most ${MAX_ALERTS_PER_BATCH}\n`);
    process.exit(2);
  }
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
    readFileSync(tokenFile, 'utf8');
  } catch (e) {
    process.stderr.write(`corridor publish: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const tty = process.stderr.isTTY === true;
  const result = await uploadNdjson(text, gatewaySender(gateway, tokenFile), {
    fromLine,
    batchSize,
    onPublished: (now) => process.stdout.write(now.map((p) => `${JSON.stringify(p)}\n`).join('')),
    onProgress: (p) => process.stderr.write(tty ? `\r${progressLine(p)}` : `${progressLine(p)}\n`),
  });
  if (tty) process.stderr.write('\n');
  if (result.refused) {
    process.stderr.write(`${refusalText(result.refused)}\n`);
    process.exit(1);
  }
  process.stderr.write(`published ${result.published.length} alerts\n`);
}

if (process.argv[1]?.endsWith('publish-ndjson.ts')) await main();
