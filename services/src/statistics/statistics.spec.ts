import {
  type Alert,
  type AlertInput,
  type ConsultationEvent,
  newId,
  type RequestType,
  type StatisticsReport,
  type StatisticsTable,
  statisticsToCsv,
  ValidationError,
} from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withdrawAlert } from '../alerts/alert-lifecycle.js';
import { storeReceivedAlerts } from '../alerts/alert-store.js';
import { publishAlert } from '../alerts/publish-alert.js';
import { keepEvents as keepConsultationEvents } from '../consultations/consultation-store.js';
import type { Db } from '../database.js';
import { italyPublishing, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { agencyStatistics } from './statistics.js';

const scratch = useMigratedScratchDatabase();
const NOW = new Date('2027-01-15T09:00:00Z');
const stats = (over: { from?: string; to?: string; threshold?: number } = {}) =>
  agencyStatistics(scratch.database.db, { agency: 'it-polfr', threshold: 5, now: NOW, ...over });
const rowsOf = (r: StatisticsReport, name: string) => (r.tables.find((t) => t.name === name) as StatisticsTable).rows;

async function publishAt(db: Db, at: string, input = routeInput()): Promise<Alert> {
  return publishAlert(await italyPublishing(db, { now: () => new Date(at) }), input);
}

/** A consultation from `from` to `to` with one request, sent at `sentAt` and answered (or refused) if told. */
function requestThread(o: {
  from: string;
  to: string;
  type: RequestType;
  sentAt?: string;
  answer?: { status: 'answered' | 'refused'; at: string };
}): ConsultationEvent[] {
  const consultationId = newId();
  const requestId = newId();
  const opened = o.sentAt ? new Date(Date.parse(o.sentAt) - 3_600_000).toISOString() : '2026-11-01T08:00:00.000Z';
  const base = (from: string, at: string) => ({
    id: newId(),
    consultationId,
    from,
    to: from === o.from ? o.to : o.from,
    at,
    author: 'Spec',
  });
  const events: ConsultationEvent[] = [
    { ...base(o.from, opened), type: 'opened', subject: 'Zuwara crossings', body: 'Can we talk?', protection: [] },
    {
      ...base(o.from, opened),
      type: 'request',
      requestId,
      requestType: o.type,
      summary: 'Records of the boat’s organisers',
      sendingAuthority: { agency: o.from, name: 'Central authority' },
      receivingAuthority: { agency: o.to, name: 'Central authority' },
      reference: 'REF-1',
    },
  ];
  if (o.sentAt) events.push({ ...base(o.from, o.sentAt), type: 'request_status', requestId, status: 'sent' });
  if (o.answer) events.push({ ...base(o.to, o.answer.at), type: 'request_status', requestId, status: o.answer.status });
  return events;
}

// Stored as the node keeps them (a thread that went over the bus), so the statistics read real rows.
async function keepEvents(db: Db, events: ConsultationEvent[]) {
  await db.$transaction((tx) => keepConsultationEvents(tx, events, true));
}

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;

beforeAll(async () => {
  const db = scratch.database.db;
  const central: Alert[] = [];
  for (let i = 0; i < 6; i++) central.push(await publishAt(db, day(10 + i)));
  // Withdrawn, but it was issued: still one of November's alerts.
  await withdrawAlert(await italyPublishing(db, { now: () => new Date(day(20)) }), (central[0] as Alert).id, {
    reason: 'The route was closed',
  });
  for (let i = 0; i < 2; i++)
    await publishAt(db, day(12), routeInput({ route: { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] } }));
  const { route: _r, routeDetails: _d, ...common } = routeInput() as AlertInput & { routeDetails?: unknown };
  await publishAt(db, '2026-12-02T10:00:00.000Z', {
    ...common,
    kind: 'document_fraud',
    documentFraud: {
      documentType: 'passport',
      issuingState: 'NGA',
      fraudType: 'counterfeit',
      detectedAt: { place: 'airport', location: 'Roma Fiumicino' },
    },
  } as AlertInput);
  // Five of Niger's alerts held here, from October.
  await storeReceivedAlerts(
    db,
    Array.from({ length: 5 }, () => ({
      ...(central[1] as Alert),
      id: newId(),
      origin: { agency: 'ne-ppn', country: 'NER' },
      createdAt: '2026-10-05T10:00:00.000Z',
    })),
  );

  // Italy sends six MLA requests in November, five answered after 2, 4, 6, 8 and 10 days; it
  // receives two extradition requests from Niger and refuses both; one draft never goes out.
  for (let i = 0; i < 5; i++)
    await keepEvents(
      db,
      requestThread({
        from: 'it-polfr',
        to: 'ne-ppn',
        type: 'mla',
        sentAt: day(1),
        answer: { status: 'answered', at: day(1 + 2 * (i + 1)) },
      }),
    );
  await keepEvents(db, requestThread({ from: 'it-polfr', to: 'ne-ppn', type: 'mla', sentAt: day(3) }));
  for (let i = 0; i < 2; i++)
    await keepEvents(
      db,
      requestThread({ from: 'ne-ppn', to: 'it-polfr', type: 'extradition', sentAt: day(4), answer: { status: 'refused', at: day(9) } }),
    );
  await keepEvents(db, requestThread({ from: 'it-polfr', to: 'ne-ppn', type: 'joint_investigation_team' }));
  await keepEvents(db, requestThread({ from: 'it-polfr', to: 'ng-nis', type: 'mla', sentAt: '2026-12-01T10:00:00.000Z' }));

  // Five notices of unaccompanied children in Italy in November, one of which also flags a child.
  await db.protectionNotice.createMany({
    data: Array.from({ length: 5 }, (_, i) => ({
      id: newId(),
      source: 'alert',
      sourceId: newId(),
      originAgency: 'it-polfr',
      country: 'ITA',
      flags: i === 0 ? ['unaccompanied_child', 'child'] : ['unaccompanied_child'],
      contacts: [],
      at: new Date(day(10 + i)),
    })),
  });
});

describe('alerts', () => {
  it('counts the agency’s published and received alerts by kind, route and month, hiding the small ones', async () => {
    expect(rowsOf(await stats(), 'alerts')).toEqual([
      { by: { direction: 'published', kind: 'document_fraud', region: 'none', month: '2026-12' }, count: null, suppressed: true },
      { by: { direction: 'published', kind: 'route', region: 'central-mediterranean', month: '2026-11' }, count: 6, suppressed: false },
      { by: { direction: 'published', kind: 'route', region: 'western-balkans', month: '2026-11' }, count: null, suppressed: true },
      { by: { direction: 'received', kind: 'route', region: 'central-mediterranean', month: '2026-10' }, count: 5, suppressed: false },
    ]);
  });

  it('reports whole months of the period asked, both ends included', async () => {
    const november = await stats({ from: '2026-11', to: '2026-11' });
    expect(november.period).toEqual({ from: '2026-11', to: '2026-11' });
    expect(rowsOf(november, 'alerts').map((r) => r.by.month)).toEqual(['2026-11', '2026-11']);
    expect(rowsOf(await stats({ to: '2026-10' }), 'alerts').map((r) => r.by.direction)).toEqual(['received']);
  });

  it('hides what the agency’s own threshold hides', async () => {
    const strict = await stats({ threshold: 7 });
    expect(rowsOf(strict, 'alerts').every((r) => r.suppressed)).toBe(true);
    expect(statisticsToCsv(strict)).not.toMatch(/,6,|,5,/);
  });
});

describe('requests', () => {
  it('counts requests sent and received by type and status, leaving out drafts and other months', async () => {
    expect(rowsOf(await stats({ to: '2026-11' }), 'requests')).toEqual([
      { by: { direction: 'received', requestType: 'extradition', status: 'refused' }, count: null, suppressed: true },
      { by: { direction: 'sent', requestType: 'mla', status: 'answered' }, count: 5, suppressed: false },
      { by: { direction: 'sent', requestType: 'mla', status: 'sent' }, count: null, suppressed: true },
    ]);
  });

  it('gives the median days to answer where enough requests were answered, and nothing where too few were', async () => {
    expect(rowsOf(await stats(), 'time_to_answer')).toEqual([
      { by: { direction: 'received', requestType: 'extradition' }, count: null, suppressed: true, medianDays: null },
      { by: { direction: 'sent', requestType: 'mla' }, count: 5, suppressed: false, medianDays: 6 },
    ]);
  });
});

describe('protection notices', () => {
  it('counts each need flagged by month and country', async () => {
    expect(rowsOf(await stats(), 'protection_notices')).toEqual([
      { by: { month: '2026-11', flag: 'child', country: 'ITA' }, count: null, suppressed: true },
      { by: { month: '2026-11', flag: 'unaccompanied_child', country: 'ITA' }, count: 5, suppressed: false },
    ]);
  });
});

it('refuses a period that is not whole months in order, naming the field', async () => {
  await expect(stats({ from: '2026-11-01' })).rejects.toMatchObject({ fieldErrors: [{ path: 'from' }] });
  const late = stats({ from: '2026-12', to: '2026-11' });
  await expect(late).rejects.toBeInstanceOf(ValidationError);
  await expect(late).rejects.toMatchObject({ fieldErrors: [{ path: 'to' }] });
});
