import { expect, it } from 'vitest';
import { sourcesOf } from './sources';

it('names every agency that did not answer, from sources or from errors, first', () => {
  const sources = [
    { agency: 'it-polfr', ok: true, latencyMs: 12, error: null },
    { agency: 'ne-ppn', ok: false, latencyMs: 3000, error: 'deadline exceeded' },
  ];
  const errors = [
    { message: 'agency ne-ppn did not answer: deadline exceeded', extensions: { code: 'NODE_UNAVAILABLE', agency: 'ne-ppn' } },
    { message: 'agency ly-dcim did not answer: connection refused', extensions: { code: 'NODE_UNAVAILABLE', agency: 'ly-dcim' } },
    { message: 'something else' },
  ];
  expect(sourcesOf(sources, errors)).toEqual([
    { agency: 'ly-dcim', ok: false, latencyMs: null, error: 'agency ly-dcim did not answer: connection refused' },
    { agency: 'ne-ppn', ok: false, latencyMs: 3000, error: 'deadline exceeded' },
    { agency: 'it-polfr', ok: true, latencyMs: 12, error: null },
  ]);
});
