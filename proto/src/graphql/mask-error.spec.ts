// The one error mapper, as a caller of a node or the gateway meets it: a refusal keeps its code,
// message and details; a defect says only "Unexpected error." and reaches the operator's log.
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { AuthError } from '../bearer-token.js';
import { CorridorError, ValidationError } from '../errors.js';
import { createMaskError } from './mask-error.js';

class Throttled extends CorridorError {
  readonly code = 'RATE_LIMITED' as const;
  override get details() {
    return { retryAfterMs: 1500 };
  }
}

class NodeMisconfigured extends CorridorError {
  readonly code = 'CONFIG_INVALID' as const;
  override readonly toCaller = false;
}

const THROWN: Record<string, () => never> = {
  invalid: () => {
    throw new ValidationError('identifier', [{ path: 'value', rule: 'too_small', message: 'must not be empty' }]);
  },
  throttled: () => {
    throw new Throttled('too many checks: wait a moment');
  },
  expired: () => {
    throw new AuthError('expired', 'the access token has expired');
  },
  onPurpose: () => {
    throw new GraphQLError('agency FRA-PN did not answer', { extensions: { code: 'NODE_UNAVAILABLE' } });
  },
  defect: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'P-123456')");
  },
  misconfigured: () => {
    throw new NodeMisconfigured('/etc/corridor/policy.json: not readable');
  },
};

function server() {
  const logged: { message: string; fields: Record<string, unknown> }[] = [];
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: `type Query { ${Object.keys(THROWN)
        .map((k) => `${k}: String`)
        .join(' ')} }`,
      resolvers: { Query: THROWN },
    }),
    logging: false,
    maskedErrors: { maskError: createMaskError((message, fields) => logged.push({ message, fields })) },
  });
  const ask = async (field: string) => {
    const response = await yoga.fetch('http://node.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${field} }` }),
    });
    const body = (await response.json()) as { errors: { message: string; path?: string[]; extensions?: Record<string, unknown> }[] };
    return body.errors;
  };
  return { ask, logged };
}

describe('one error mapper for node and gateway', () => {
  it('sends a validation error with its code and the field errors, at its path', async () => {
    const { ask, logged } = server();
    expect(await ask('invalid')).toEqual([
      {
        message: 'identifier is not valid: value: must not be empty',
        locations: [{ line: 1, column: 3 }],
        path: ['invalid'],
        extensions: { code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'value', rule: 'too_small', message: 'must not be empty' }] },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('sends each refusal’s own details beside its code', async () => {
    const { ask } = server();
    expect((await ask('throttled'))[0]?.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterMs: 1500 });
    expect((await ask('expired'))[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'expired' });
  });

  it('passes a GraphQL error raised on purpose as it is', async () => {
    const { ask, logged } = server();
    expect(await ask('onPurpose')).toMatchObject([{ message: 'agency FRA-PN did not answer', extensions: { code: 'NODE_UNAVAILABLE' } }]);
    expect(logged).toEqual([]);
  });

  it('answers a defect "Unexpected error." without its message, and logs it once', async () => {
    const { ask, logged } = server();
    const [error] = await ask('defect');
    expect(error).toEqual({ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['defect'] });
    expect(JSON.stringify(error)).not.toContain('P-123456');
    expect(logged).toEqual([
      { message: 'unexpected error', fields: { error: "Cannot read properties of undefined (reading 'P-123456')" } },
    ]);
  });

  it('keeps what is the operator’s to fix in the log, not in the answer', async () => {
    const { ask, logged } = server();
    const [error] = await ask('misconfigured');
    expect(error?.message).toBe('Unexpected error.');
    expect(JSON.stringify(error)).not.toContain('/etc/corridor');
    expect(logged).toEqual([
      { message: 'unexpected error', fields: { error: '/etc/corridor/policy.json: not readable', code: 'CONFIG_INVALID' } },
    ]);
  });
});
