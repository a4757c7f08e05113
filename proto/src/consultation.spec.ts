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
    expect(isOverdue({ deadline: '2026-12-31', status: 'in_progress' }, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    expect(isOverdue({ deadline: '2026-12-31', status: 'in_progress' }, new Date('2026-12-31T23:00:00Z'))).toBe(false);
    expect(isOverdue({ deadline: '2026-12-31', status: 'answered' }, new Date('2027-06-01T00:00:00Z'))).toBe(false);
    expect(isOverdue({ status: 'sent' }, new Date('2030-01-01T00:00:00Z'))).toBe(false);
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

  it('refuse a deadline in the past, naming it, and accept today', () => {
    const now = new Date('2026-11-30T23:30:00Z');
    expect(requestTimeErrors({ deadline: '2026-11-29' }, now)).toEqual([
      { path: 'deadline', rule: 'in_future', message: 'must not be in the past' },
    ]);
    expect(requestTimeErrors({ deadline: '2026-11-30' }, now)).toEqual([]);
    expect(requestTimeErrors({}, now)).toEqual([]);
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
