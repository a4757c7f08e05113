import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alert, alertInput } from './alert.js';
import {
  type ConsultationEvent,
  consultationEvent,
  foldConsultation,
  isOverdue,
  openConsultationInput,
  requestInput,
  requestRoleProblem,
  requestStatusInput,
  requestTimeErrors,
  statusChangeProblem,
} from './consultation.js';

const C = '0196a4f2-7c00-7000-8000-0000000000c1';
const R = '0196a4f2-7c00-7000-8000-0000000000d1';
let n = 0;
const id = () => `0196a4f2-7c00-7000-8000-${String(++n).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute)).toISOString();

const opened: ConsultationEvent = consultationEvent.parse({
  id: id(),
  consultationId: C,
  from: 'it-polfr',
  to: 'ne-ppn',
  at: at(0),
  author: 'Giulia Russo',
  type: 'opened',
  subject: 'Departures from Agadez',
  body: 'Do you have a case?',
  protection: ['unaccompanied_child'],
});
const request: ConsultationEvent = consultationEvent.parse({
  id: id(),
  consultationId: C,
  from: 'it-polfr',
  to: 'ne-ppn',
  at: at(1),
  author: 'Giulia Russo',
  type: 'request',
  requestId: R,
  requestType: 'mla',
  summary: 'Bank records',
  sendingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia' },
  receivingAuthority: { agency: 'ne-ppn', name: 'Autorité centrale' },
  reference: 'IT-1',
  deadline: '2026-12-31',
});
const status = (minute: number, from: string, s: string, extra: Record<string, unknown> = {}): ConsultationEvent =>
  consultationEvent.parse({
    id: id(),
    consultationId: C,
    from,
    to: from === 'it-polfr' ? 'ne-ppn' : 'it-polfr',
    at: at(minute),
    author: 'someone',
    type: 'request_status',
    requestId: R,
    status: s,
    ...extra,
  });
const lifecycle = [
  opened,
  request,
  status(2, 'it-polfr', 'sent'),
  status(3, 'ne-ppn', 'received', { reference: 'NE-9' }),
  status(4, 'ne-ppn', 'in_progress'),
  status(5, 'ne-ppn', 'answered'),
];

describe('folding a consultation', () => {
  it('gives both sides the same thread and request whatever order and however often the events came', () => {
    const reference = foldConsultation(lifecycle);
    expect(reference?.requests[0]).toMatchObject({ status: 'answered', receiverReference: 'NE-9', senderReference: 'IT-1' });
    expect(reference?.requests[0]?.history.map((h) => h.status)).toEqual(['drafted', 'sent', 'received', 'in_progress', 'answered']);
    expect(reference?.protection).toEqual(['unaccompanied_child']);
    fc.assert(
      fc.property(fc.shuffledSubarray([...lifecycle, ...lifecycle], { minLength: lifecycle.length * 2 }), (delivered) => {
        expect(foldConsultation(delivered)).toEqual(reference);
      }),
    );
  });

  it('keeps a change that was not allowed in the history, marked, without applying it', () => {
    // Italy withdraws while Niger's answer is on its way: whichever came second does not apply.
    const crossed = foldConsultation([...lifecycle.slice(0, 4), status(5, 'it-polfr', 'withdrawn'), status(6, 'ne-ppn', 'answered')]);
    const r = crossed?.requests[0];
    expect(r?.status).toBe('withdrawn');
    expect(r?.history.at(-1)).toMatchObject({
      status: 'answered',
      note: 'not applied: a request that is withdrawn cannot become answered',
    });
    expect(r?.answeredAt).toBeUndefined();
  });

  it('lets each side set only its own statuses', () => {
    const sent = {
      status: 'sent' as const,
      sendingAuthority: { agency: 'it-polfr', name: 'x' },
      receivingAuthority: { agency: 'ne-ppn', name: 'y' },
    };
    expect(statusChangeProblem(sent, 'answered', 'ne-ppn')).toBeNull();
    expect(statusChangeProblem(sent, 'answered', 'it-polfr')).toBe('only the receiving authority sets a request answered');
    expect(statusChangeProblem(sent, 'withdrawn', 'ne-ppn')).toBe('only the sending authority sets a request withdrawn');
    expect(statusChangeProblem(sent, 'received', 'ng-nis')).toBe('only the two authorities of a request change its status');
  });

  it('says a request is overdue only past its deadline and while unfinished', () => {
    const due = '2027-01-01T00:00:00.000Z';
    expect(isOverdue({ deadline: due, status: 'in_progress' }, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(isOverdue({ deadline: due, status: 'in_progress' }, new Date('2026-12-31T23:00:00Z'))).toBe(false);
    expect(isOverdue({ deadline: due, status: 'answered' }, new Date('2027-06-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ deadline: due, status: 'clarification_requested' }, new Date('2027-06-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'sent' }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
  });

  it('reads a date deadline of an older request as the end of that day, UTC', () => {
    const r = foldConsultation([opened, request])?.requests[0];
    expect(r?.deadline).toBe('2027-01-01T00:00:00.000Z');
  });
});

describe('formal requests (issue 15, the walk-through)', () => {
  it('are sent and answered by prosecutors and central authorities only', () => {
    expect(requestRoleProblem(['prosecutor'])).toBeNull();
    expect(requestRoleProblem(['border_officer', 'central_authority'])).toBeNull();
    expect(requestRoleProblem(['border_officer'])).toBe(
      'only a prosecutor or a central authority sends or answers a formal request; your roles: border_officer',
    );
  });

  it('refuse a deadline in the past, naming it, and one the network’s table sets', () => {
    const now = new Date('2026-11-30T23:30:00Z');
    const mla = { requestType: 'mla' as const };
    expect(requestTimeErrors({ ...mla, deadline: '2026-11-30T23:00:00+01:00' }, undefined, now)).toEqual([
      { path: 'deadline', rule: 'in_future', message: 'must be in the future' },
    ]);
    expect(requestTimeErrors({ ...mla, deadline: '2026-12-01T08:00:00+01:00' }, undefined, now)).toEqual([]);
    expect(requestTimeErrors(mla, undefined, now)).toEqual([]);
    const urgent = { requestType: 'information_request' as const, urgent: true, deadline: '2026-12-09T00:00:00Z' };
    expect(requestTimeErrors(urgent, undefined, now).map((e) => [e.path, e.rule])).toEqual([['deadline', 'statutory']]);
  });

  it('carry a ground from Directive 2023/977 Art. 6 when refused or when clarification is asked, and only then', () => {
    const paths = (input: unknown) => {
      const r = requestStatusInput.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ status: 'refused' })).toEqual(['reason']);
    expect(paths({ status: 'clarification_requested' })).toEqual(['reason']);
    expect(paths({ status: 'refused', reason: 'not_available' })).toEqual([]);
    expect(paths({ status: 'refused', reason: 'because' })).toEqual(['reason']);
    expect(paths({ status: 'in_progress', reason: 'not_available' })).toEqual(['reason']);
  });

  it('stop the clock while the sending side clarifies, and move the deadline by that time (Art. 6(3))', () => {
    const info = consultationEvent.parse({
      ...request,
      id: id(),
      requestId: '0196a4f2-7c00-7000-8000-0000000000d2',
      requestType: 'information_request',
      urgent: true,
      directlyAccessible: true,
      deadline: undefined,
    });
    const R2 = '0196a4f2-7c00-7000-8000-0000000000d2';
    const ev = (minute: number, from: string, s: string, extra: Record<string, unknown> = {}) =>
      consultationEvent.parse({ ...status(minute, from, s, extra), requestId: R2 });
    const sentAt = at(2);
    const dueAt = new Date(Date.parse(sentAt) + 8 * 3600_000).toISOString();
    const r = foldConsultation([
      opened,
      info,
      ev(2, 'it-polfr', 'sent', { dueAt }),
      ev(10, 'ne-ppn', 'clarification_requested', { reason: 'requirements_not_met', note: 'Which period?' }),
      ev(40, 'it-polfr', 'sent'),
    ])?.requests.find((x) => x.id === R2);
    expect(r?.reason).toBe('requirements_not_met');
    expect(r?.status).toBe('sent');
    expect(r?.deadline).toBe(new Date(Date.parse(dueAt) + 30 * 60_000).toISOString());
    expect(r?.warnAt).toBe(new Date(Date.parse(sentAt) + 0.75 * (8 * 3600_000 + 30 * 60_000)).toISOString());
  });

  it('never let a sender shorten the network’s time, nor set by hand the deadline of a request the table times', () => {
    const R3 = '0196a4f2-7c00-7000-8000-0000000000d3';
    const info = consultationEvent.parse({
      ...request,
      id: id(),
      requestId: R3,
      requestType: 'information_request',
      urgent: true,
      deadline: undefined,
    });
    const threeDays = new Date(Date.parse(at(2)) + 3 * 86_400_000).toISOString();
    const { status: _, ...byHand } = status(4, 'it-polfr', 'sent') as Record<string, unknown>;
    const r = foldConsultation([
      opened,
      info,
      consultationEvent.parse({ ...status(2, 'it-polfr', 'sent', { dueAt: at(3) }), requestId: R3 }),
      consultationEvent.parse({ ...byHand, type: 'request_deadline', requestId: R3, deadline: at(5) }),
    ])?.requests.find((x) => x.id === R3);
    expect(r?.deadline).toBe(threeDays);
  });

  it('take an escalation from one of the two parties only, the first one', () => {
    const esc = (minute: number, from: string, name: string) =>
      consultationEvent.parse({
        id: id(),
        consultationId: C,
        from,
        to: from === 'it-polfr' ? 'ne-ppn' : 'it-polfr',
        at: at(minute),
        author: 'clock',
        type: 'request_escalated',
        requestId: R,
        contact: { name },
      });
    const r = foldConsultation([
      ...lifecycle.slice(0, 3),
      esc(20, 'ng-nis', 'Impostor'),
      esc(21, 'ne-ppn', 'Permanence 24/7'),
      esc(22, 'ne-ppn', 'Later'),
    ])?.requests[0];
    expect([r?.escalatedAt, r?.escalatedTo]).toEqual([at(21), 'Permanence 24/7']);
  });

  it('carry the answer’s text when answered, and only then', () => {
    const answered = requestStatusInput.safeParse({ status: 'answered' });
    expect(answered.success ? [] : answered.error.issues.map((i) => i.path.join('.'))).toEqual(['answer']);
    expect(requestStatusInput.safeParse({ status: 'in_progress', answer: 'Yes' }).success).toBe(false);
    const r = foldConsultation([
      ...lifecycle.slice(0, 5),
      status(5, 'ne-ppn', 'answered', { answer: 'Records attached to the MLA reply.' }),
    ]);
    expect(r?.requests[0]?.answer).toBe('Records attached to the MLA reply.');
  });
});

describe('the contract and smuggled migrants', () => {
  it('has no field anywhere that could record a migrant as an offender or a suspect', () => {
    const names = new Set<string>();
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'properties' && v && typeof v === 'object') for (const p of Object.keys(v)) names.add(p);
          walk(v);
        }
      }
    };
    for (const schema of [alert, alertInput, consultationEvent, openConsultationInput, requestInput])
      walk(z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }));
    expect(names.size).toBeGreaterThan(40);
    expect([...names].filter((p) => /offend|suspect|criminal|illegal|culprit|accused/i.test(p))).toEqual([]);
  });
});
