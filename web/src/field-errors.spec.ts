import { describe, expect, it } from 'vitest';
import { checkAlertInput, serverFieldErrors, unplacedErrors } from './field-errors';

describe('field errors in the publish form', () => {
  it('groups the node’s fieldErrors by the path of the form field', () => {
    const errors = serverFieldErrors({
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        { path: 'route.waypoints.1.country', rule: 'invalid_value', message: 'must be a country' },
        { path: 'summary', rule: 'too_small', message: 'must not be empty' },
      ],
    });
    expect(errors).toEqual({ 'route.waypoints.1.country': ['must be a country'], summary: ['must not be empty'] });
  });

  it('ignores extensions without field errors', () => {
    expect(serverFieldErrors({ code: 'NODE_UNAVAILABLE' })).toEqual({});
    expect(serverFieldErrors(undefined)).toEqual({});
  });

  it('checks a form before sending it with the network’s own schema', () => {
    expect(Object.keys(checkAlertInput({ kind: 'route' }))).toEqual(expect.arrayContaining(['tlp', 'summary', 'route', 'routeDetails']));
  });

  it('lists messages that no field shows, so none is lost', () => {
    expect(unplacedErrors({ a: ['x'], b: ['y'] }, new Set(['a']))).toEqual([['b', ['y']]]);
  });
});
