import { describe, expect, it } from 'vitest';
import { checkAlertInput } from './alert-form';
import { serverFieldErrors, serverFindings, unplacedErrors } from './field-errors';

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

  it('reads where the node found identifiers in free text, by field', () => {
    const extensions = {
      code: 'VALIDATION_FAILED',
      fieldErrors: [
        {
          path: 'summary',
          rule: 'identifier_in_text',
          message: 'looks like a phone number: …',
          found: [{ kind: 'phone', start: 4, end: 17 }],
        },
        { path: 'tlp', rule: 'invalid_value', message: 'must be a TLP level' },
      ],
    };
    expect(serverFindings(extensions)).toEqual({ summary: [{ kind: 'phone', start: 4, end: 17 }] });
    expect(serverFindings({ code: 'NODE_UNAVAILABLE' })).toEqual({});
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
