import { describe, expect, it } from 'vitest';
import {
  batchInputs,
  batchItemPath,
  batchSizeErrors,
  MAX_ALERTS_PER_BATCH,
  ndjsonBatches,
  readNdjson,
  refusalLines,
  unreadableLines,
  uploadNdjson,
} from './alert-batch.js';

describe('naming a refused item of a batch', () => {
  it('names the field under its item as GraphQL names variables', () => {
    expect(batchItemPath(17, 'route.waypoints.0.country')).toBe('inputs[17].route.waypoints[0].country');
    expect(batchItemPath(2, '')).toBe('inputs[2]');
  });

  it('refuses an empty batch and one over the limit, naming inputs', () => {
    expect(batchSizeErrors(0).map((e) => e.path)).toEqual(['inputs']);
    expect(batchSizeErrors(MAX_ALERTS_PER_BATCH)).toEqual([]);
    expect(batchSizeErrors(MAX_ALERTS_PER_BATCH + 1)).toEqual([expect.objectContaining({ path: 'inputs', rule: 'too_big' })]);
  });
});

describe('an NDJSON file in batches', () => {
  const text = ['{"summary":"a"}', '', 'not json {"passport":"X1"}', '[1]', '{"summary":"b"}', '{"summary":"c"}'].join('\r\n');

  it('keeps each line’s number, skips blank lines, and names lines that are not one JSON object without repeating them', () => {
    const entries = readNdjson(text);
    expect(entries).toEqual([
      { line: 1, input: { summary: 'a' } },
      { line: 3, problem: 'is not valid JSON' },
      { line: 4, problem: 'must be a JSON object (one alert)' },
      { line: 5, input: { summary: 'b' } },
      { line: 6, input: { summary: 'c' } },
    ]);
    expect(JSON.stringify(unreadableLines(entries))).not.toContain('X1');
  });

  it('resumes from a line and cuts batches of at most the limit', () => {
    const entries = readNdjson(text, 5);
    expect(entries.map((e) => e.line)).toEqual([5, 6]);
    expect(ndjsonBatches(entries, 1).map((b) => b.map((e) => e.line))).toEqual([[5], [6]]);
    expect(ndjsonBatches(entries, 5000)).toHaveLength(1);
    expect(batchInputs(entries)).toEqual([{ summary: 'b' }, { summary: 'c' }]);
  });

  it('says a refusal by line, from the node’s field errors or from GraphQL’s refusal of a variable', () => {
    const batch = readNdjson(text, 5);
    expect(
      refusalLines(batch, [
        {
          message: 'alerts is not valid',
          extensions: { fieldErrors: [{ path: 'inputs[1].route.waypoints[0].country', rule: 'x', message: 'is not a known code' }] },
        },
      ]),
    ).toEqual([{ line: 6, path: 'route.waypoints[0].country', message: 'is not a known code' }]);
    expect(
      refusalLines(batch, [
        { message: 'Variable "$inputs" got invalid value 5 at "inputs[0].summary"; String cannot represent a non string value: 5' },
      ]),
    ).toEqual([{ line: 5, path: 'summary', message: 'String cannot represent a non string value: 5' }]);
    expect(refusalLines(batch, [{ message: 'only users of agency x publish at this node' }])).toEqual([
      { path: '', message: 'only users of agency x publish at this node' },
    ]);
  });
});

describe('uploading NDJSON in batches', () => {
  const file = Array.from({ length: 7 }, (_, i) => JSON.stringify({ summary: `alert ${i + 1}` })).join('\n');

  it('sends batches in order and stops at the first refused one, naming its lines; nothing after it is sent', async () => {
    const sent: unknown[][] = [];
    const result = await uploadNdjson(
      file,
      async (inputs) => {
        sent.push(inputs);
        return sent.length === 2
          ? {
              errors: [
                { message: 'alerts is not valid', extensions: { fieldErrors: [{ path: 'inputs[1].summary', rule: 'x', message: 'bad' }] } },
              ],
            }
          : { ids: inputs.map((_, i) => `id${sent.length}-${i}`) };
      },
      { batchSize: 3 },
    );
    expect(sent).toHaveLength(2);
    expect(result.published.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(result.refused).toEqual({ lines: [4, 6], reasons: [{ line: 5, path: 'summary', message: 'bad' }] });
  });

  it('does not send a batch holding a line that is not JSON, and resumes from a line', async () => {
    const broken = file.split('\n');
    broken[4] = '{"summary": ';
    let calls = 0;
    const send = async (inputs: unknown[]) => {
      calls++;
      return { ids: inputs.map(() => 'id') };
    };
    const first = await uploadNdjson(broken.join('\n'), send, { batchSize: 3 });
    expect(calls).toBe(1);
    expect(first.refused?.reasons).toEqual([{ line: 5, path: '', message: 'is not valid JSON' }]);
    const resumed = await uploadNdjson(file, send, { batchSize: 3, fromLine: 4 });
    expect(resumed.published.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect(resumed.refused).toBeUndefined();
  });
});
