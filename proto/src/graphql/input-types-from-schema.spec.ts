import SchemaBuilder from '@pothos/core';
import { graphql, printSchema } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type AlertInput, alertInput } from '../alert.js';
import { routeSubscription } from '../route-subscription.js';
import { defineContractInputs } from './contract-inputs.js';
import { type DerivedInput, type DerivedInputOf, inputTypeDeriver } from './input-types-from-schema.js';

function serverWith(parse: (input: DerivedInput) => unknown) {
  const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({ defaultFieldNullability: false });
  const derive = inputTypeDeriver(builder);
  const AlertInput = derive('AlertInput', alertInput, { names: { grading: 'GradingInput', 'route.waypoints': 'WaypointInput' } });
  const SubscriptionInput = derive('RouteSubscriptionInput', routeSubscription);
  builder.queryType({ fields: (t) => ({ ok: t.boolean({ resolve: () => true }) }) });
  builder.mutationType({
    fields: (t) => ({
      publish: t.string({
        args: { input: t.arg({ type: AlertInput, required: true }) },
        resolve: (_r, a) => JSON.stringify(parse(a.input)),
      }),
      subscribe: t.string({
        args: { filter: t.arg({ type: SubscriptionInput, required: true }) },
        resolve: (_r, a) => JSON.stringify(a.filter),
      }),
    }),
  });
  return builder.toSchema();
}

async function run(schema: ReturnType<typeof serverWith>, source: string, variableValues: Record<string, unknown>) {
  const r = await graphql({ schema, source, variableValues });
  return r as { data?: Record<string, string> | null; errors?: readonly { message: string }[] };
}

describe('input types derived from the contract schemas', () => {
  it('shows an alert’s shape by introspection: both kinds’ fields, nested types, one type per shape', () => {
    const sdl = printSchema(serverWith((i) => i));
    expect(sdl).toMatch(/input AlertInput \{[^}]*\bkind: String[^}]*\brouteDetails: AlertRouteDetailsInput[^}]*\}/s);
    expect(sdl).toMatch(/input AlertInput \{[^}]*\bdocumentFraud: AlertDocumentFraudInput/s);
    expect(sdl).toMatch(/input WaypointInput \{[^}]*\bcountry: String/s);
    expect(sdl).toMatch(/migrantCount: Int/);
    expect(sdl).toMatch(/amount: Float/);
    // The subscription's minimum grading has the alert's grading's shape: one type serves both.
    expect(sdl).toMatch(/minimumGrading: GradingInput/);
    expect(sdl).not.toMatch(/RouteSubscriptionMinimumGradingInput/);
    // Required-ness is proto's to check (every problem at once): said in the description.
    expect(sdl).toMatch(/"""Required\. A short summary|Required\./);
    expect(sdl).not.toMatch(/summary: String!/);
  });

  it('refuses a field the contract does not know before any resolver runs, naming it', async () => {
    let parsed = 0;
    const schema = serverWith((i) => {
      parsed++;
      return i;
    });
    const r = await run(schema, 'mutation($i: AlertInput!) { publish(input: $i) }', { i: { kind: 'route', passportNumber: 'X' } });
    expect(r.errors?.[0]?.message).toContain('passportNumber');
    expect(parsed).toBe(0);
  });

  it('leaves required fields and codes to the proto schema, which names every problem with its path', async () => {
    const schema = serverWith((i) => {
      const result = alertInput.safeParse(i);
      return result.success ? 'valid' : result.error.issues.map((issue) => issue.path.join('.'));
    });
    const r = await run(schema, 'mutation($i: AlertInput!) { publish(input: $i) }', {
      i: { kind: 'route', tlp: 'GREEN', route: { region: 'central-mediterranean', waypoints: [{ country: 'NGA' }, { country: 'LBA' }] } },
    });
    const paths = JSON.parse(r.data?.publish ?? '[]') as string[];
    expect(paths).toEqual(expect.arrayContaining(['route.waypoints.1.country', 'summary', 'grading']));
  });

  it('refuses a schema whose variants give one field two shapes', () => {
    const builder = new SchemaBuilder({});
    const derive = inputTypeDeriver(builder);
    const clash = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('a'), n: z.number() }),
      z.object({ kind: z.literal('b'), n: z.object({ x: z.string() }) }),
    ]);
    expect(() => derive('ClashInput', clash)).toThrow(/ClashInput\.n/);
  });

  it('gives the contract’s inputs one type per shape: an alert’s identifiers are identifier inputs, both authorities one type', () => {
    const builder = new SchemaBuilder<{ DefaultFieldNullability: false }>({ defaultFieldNullability: false });
    const inputs = defineContractInputs(builder);
    builder.queryType({
      fields: (t) => ({
        ok: t.boolean({
          args: {
            alert: t.arg({ type: inputs.AlertInput }),
            request: t.arg({ type: inputs.RequestInput }),
            identifier: t.arg({ type: inputs.IdentifierInput }),
          },
          resolve: () => true,
        }),
      }),
    });
    const sdl = printSchema(builder.toSchema());
    expect(sdl).toMatch(/identifiers: \[IdentifierInput!\]/);
    expect(sdl).toMatch(/receivingAuthority: AuthorityInput/);
    expect(sdl).toMatch(/sendingAuthority: AuthorityInput/);
    expect(sdl).not.toMatch(/AlertIdentifiersInput/);
  });

  it('types a derived argument as GraphQL hands it over: proto’s input fits, and so does a null anywhere', () => {
    type Argument = DerivedInputOf<AlertInput>;
    expectTypeOf<AlertInput>().toExtend<Argument>();
    expectTypeOf({ kind: null, route: { waypoints: [{ country: null }] }, routeDetails: { migrantCount: null } }).toExtend<Argument>();
    // Both kinds' fields are one object, codes plain strings, as the input type declares them.
    expectTypeOf<NonNullable<Argument['documentFraud']>['issuingState']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<Argument['routeDetails']>['migrantCount']>().toEqualTypeOf<number | null | undefined>();
  });
});
