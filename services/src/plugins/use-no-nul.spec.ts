import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { nulErrorsOf } from './use-no-nul.js';

describe('NUL characters in a request', () => {
  it('are named by the argument they came in, or by the field of a JSON input', () => {
    const doc = parse('mutation($input: AlertInput!, $k: String) { publishAlert(input: $input) { id } a: alerts(kind: $k) { id } }');
    expect(
      nulErrorsOf(doc, { input: { summary: 'x\u0000', route: { waypoints: [{ place: 'ok' }] } }, k: 'r\u0000' }).map((e) => e.path),
    ).toEqual(['summary', 'kind']);
  });

  it('are found in literals written in the query, lists and objects included', () => {
    expect(nulErrorsOf(parse('{ alerts(kind: "r\\u0000") { id } }'), {}).map((e) => e.path)).toEqual(['kind']);
    expect(nulErrorsOf(parse('{ x(list: ["a", "b\\u0000"], o: { k: "\\u0000" }) }'), {}).map((e) => e.path)).toEqual(['list', 'o']);
  });

  it('leave a request without any alone', () => {
    expect(nulErrorsOf(parse('{ alerts(kind: "route") { id } }'), { input: { summary: 'fine' } })).toEqual([]);
  });
});
