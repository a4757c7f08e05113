// A client learns the shape of a consultation, a request, a protection notice and a statistics
// report by introspection, at the gateway and at a node alike (issue 12), and a bad input is still
// refused by the contract with every problem's path, not by a JSON scalar that says nothing.
import { newId } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { NOTICE_FIELDS } from '../support/consultation-selections.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() => startTestNetwork(), 120_000);

type TypeRef = { name: string | null; ofType: TypeRef | null };
type Named = { name: string; type: TypeRef };
type Shapes = Record<
  'open' | 'request' | 'consultation' | 'requestType' | 'notice' | 'report' | 'figure',
  { fields?: Named[]; inputFields?: Named[] }
>;

const TYPE = 'type { name ofType { name ofType { name ofType { name } } } }';
const SHAPES = `{
  open: __type(name: "OpenConsultationInput") { inputFields { name ${TYPE} } }
  request: __type(name: "RequestInput") { inputFields { name ${TYPE} } }
  consultation: __type(name: "Consultation") { fields { name ${TYPE} } }
  requestType: __type(name: "Request") { fields { name ${TYPE} } }
  notice: __type(name: "ProtectionNotice") { fields { name ${TYPE} } }
  report: __type(name: "StatisticsReport") { fields { name ${TYPE} } }
  figure: __type(name: "StatisticsFigure") { fields { name ${TYPE} } }
}`;

/** The named type a field holds, through its non-null and list wrappers. */
const named = (t: TypeRef | null): string | null => (t === null ? null : (t.name ?? named(t.ofType)));
/** Each field's name and the type it holds. */
const shape = (fields: Named[] | undefined) => Object.fromEntries((fields ?? []).map((f) => [f.name, named(f.type)]));

const OPEN = 'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }';
const SET = 'mutation($id: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $id, input: $input) { id } }';

const servers = () => ({ gateway: fixture.net.gatewayUrl, 'Italy’s node': fixture.net.nodes['it-polfr']?.url as string });

describe.each(['gateway', 'Italy’s node'] as const)('the shapes of consultations at the %s', (server) => {
  it('are given by introspection, inputs and outputs', async () => {
    const r = await gql<Shapes>(servers()[server], await fixture.net.token('it-polfr-officer'), SHAPES);
    expect(r.errors).toBeUndefined();
    const d = r.data as Shapes;
    expect(shape(d.open.inputFields)).toMatchObject({ with: 'String', subject: 'String', body: 'String', about: 'ConsultationAboutInput' });
    expect(shape(d.request.inputFields)).toMatchObject({
      requestType: 'String',
      sendingAuthority: 'AuthorityInput',
      receivingAuthority: 'AuthorityInput',
      deadline: 'String',
      send: 'Boolean',
    });
    expect(shape(d.consultation.fields)).toMatchObject({
      messages: 'ConsultationMessage',
      requests: 'Request',
      protection: 'String',
      about: 'ConsultationAbout',
    });
    expect(Object.keys(shape(d.requestType.fields))).toEqual(
      expect.arrayContaining(['status', 'history', 'deadline', 'receiverReference']),
    );
    // A notice can hold nothing about a person: the type itself has no field for one.
    expect(Object.keys(shape(d.notice.fields)).sort()).toEqual(NOTICE_FIELDS);
    expect(shape(d.report.fields)).toMatchObject({ period: 'StatisticsPeriod', threshold: 'Int' });
    expect(shape(d.figure.fields)).toMatchObject({ by: 'StatisticsBy', count: 'Int', suppressed: 'Boolean', medianDays: 'Float' });
  });

  it('refuses a field the contract does not know, naming it, before anything is written', async () => {
    const r = await gql(servers()[server], await fixture.net.token('it-polfr-officer'), OPEN, {
      input: { with: 'ne-ppn', subject: 'About a passport', body: 'Hello', passportNumber: 'X1234567' },
    });
    expect(r.errors?.[0]?.message).toContain('passportNumber');
    expect(r.data ?? null).toBeNull();
  });

  it('still answers VALIDATION_FAILED with every problem’s path', async () => {
    const token = await fixture.net.token('it-polfr-officer');
    const opened = await gql(servers()[server], token, OPEN, {
      input: { with: 'ne-ppn', subject: '', body: 'Departures from Agadez', about: { alertId: 'not-an-id' } },
    });
    expect(opened.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    const paths = ((opened.errors?.[0]?.extensions?.fieldErrors ?? []) as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['subject', 'about.alertId']));

    const status = await gql(servers()[server], token, SET, { id: newId(), input: { status: 'done' } });
    expect(status.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'status' }] });
  });
});
