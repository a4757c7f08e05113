// The GraphQL shapes of consultations, tracked requests, protection notices and the statistics
// report (proto consultation.ts, statistics.ts), declared once for every server of the network
// like the rest of the contract's types. Each shape is typed by what both servers hand it: a
// node's proto state, and at the gateway a node's answer read back over GraphQL, where codes are
// strings and an absent field is null. Both fit, so neither side casts.
// For the global PothosSchemaTypes namespace.
import type { ObjectRef } from '@pothos/core';
import type { StatisticsAnswer, StatisticsFigureAnswer } from '../statistics-answer.js';
import type { ContractBuilder } from './contract-builder.js';

export const HANDLING_CODE_DESCRIPTION =
  'H0 (no restriction beyond the law), H1 (not as evidence without the owner’s permission), H2 (not passed on or acted on without it), H3 (other restrictions, in handlingConditions); H0 for items signed before it existed.';

/** An evidence marking (proto handling.ts), as proto holds it or as a node answers it. */
export interface EvidenceMarkingFields {
  use: string;
  legalBasis?: string | null;
  decidedBy: string;
}

interface AuthorityFields {
  agency: string;
  entryId?: string | null;
  name: string;
}

interface RequestChangeFields {
  at: string;
  agency: string;
  author: string;
  status: string;
  note?: string | null;
}

/** What the Request type reads of a request: proto RequestState, or its GraphQL answer. */
export interface RequestFields {
  id: string;
  consultationId: string;
  requestType: string;
  summary: string;
  sendingAuthority: AuthorityFields;
  receivingAuthority: AuthorityFields;
  senderReference: string;
  receiverReference?: string | null;
  urgent: boolean;
  directlyAccessible: boolean;
  deadline?: string | null;
  warnAt?: string | null;
  status: string;
  sentAt?: string | null;
  answeredAt?: string | null;
  answer?: string | null;
  reason?: string | null;
  escalatedAt?: string | null;
  escalatedTo?: string | null;
  history: RequestChangeFields[];
}

interface ConsultationMessageFields {
  id: string;
  from: string;
  author: string;
  at: string;
  body: string;
  protection: string[];
  seenIn?: string | null;
  handlingCode?: string | null;
  handlingConditions?: string | null;
  evidence?: EvidenceMarkingFields | null;
}

/** A permission asked in a consultation (proto PermissionState), or its GraphQL answer. */
interface PermissionFields {
  id: string;
  alertId: string;
  purpose: string;
  passTo?: string | null;
  reason: string;
  askedBy: string;
  askedByAuthor: string;
  askedAt: string;
  status: string;
  answeredBy?: string | null;
  answeredAt?: string | null;
  legalBasis?: string | null;
  note?: string | null;
}

/** What the Consultation type reads: proto ConsultationState, or its GraphQL answer. */
export interface ConsultationFields {
  id: string;
  openedBy: string;
  counterpart: string;
  subject: string;
  about?: { alertId?: string | null; entryId?: string | null } | null;
  openedAt: string;
  lastAt: string;
  protection: string[];
  messages: ConsultationMessageFields[];
  requests: RequestFields[];
  permissions: PermissionFields[];
}

/** What the ProtectionNotice type reads: a node's notice, or its GraphQL answer. */
export interface ProtectionNoticeFields {
  id: string;
  source: string;
  sourceId: string;
  originAgency: string;
  country: string;
  flags: string[];
  contacts: { entryId: string; name: string }[];
  at: string;
}

/** Adds Consultation, Request, ProtectionNotice and StatisticsReport (and their parts) to a server's builder. */
export function defineConsultationTypes<Context extends object, AuthScopes extends object>(
  builder: ContractBuilder<Context, AuthScopes>,
  EvidenceMarkingRef: ObjectRef<
    PothosSchemaTypes.ExtendDefaultTypes<{ Context: Context; AuthScopes: AuthScopes; DefaultFieldNullability: false }>,
    EvidenceMarkingFields
  >,
) {
  const AuthorityRef = builder.objectRef<AuthorityFields>('Authority').implement({
    description: 'A central authority or other contact from the directory, by its name when the request was made.',
    fields: (t) => ({
      agency: t.exposeString('agency'),
      entryId: t.exposeString('entryId', { nullable: true, description: 'Its directory entry, when it was chosen from the directory.' }),
      name: t.exposeString('name'),
    }),
  });

  const RequestChangeRef = builder.objectRef<RequestChangeFields>('RequestChange').implement({
    description: 'One status change of a request, kept even when it could not apply (its note says why).',
    fields: (t) => ({
      at: t.exposeString('at'),
      agency: t.exposeString('agency'),
      author: t.exposeString('author'),
      status: t.exposeString('status'),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  const RequestRef = builder.objectRef<RequestFields>('Request').implement({
    description: 'A formal request tracked with a consultation (proto RequestState), as both sides fold it.',
    fields: (t) => ({
      id: t.exposeID('id'),
      consultationId: t.exposeID('consultationId'),
      requestType: t.exposeString('requestType', { description: 'mla, extradition, joint_investigation_team or information_request' }),
      summary: t.exposeString('summary'),
      sendingAuthority: t.field({ type: AuthorityRef, resolve: (r) => r.sendingAuthority }),
      receivingAuthority: t.field({ type: AuthorityRef, resolve: (r) => r.receivingAuthority }),
      senderReference: t.exposeString('senderReference'),
      receiverReference: t.exposeString('receiverReference', { nullable: true }),
      urgent: t.exposeBoolean('urgent'),
      directlyAccessible: t.exposeBoolean('directlyAccessible', {
        description: 'Whether the information asked is directly accessible to the requested side (Directive 2023/977 Art. 5(1)(a)).',
      }),
      deadline: t.exposeString('deadline', {
        nullable: true,
        description:
          'When it falls due: an ISO 8601 instant, from the network’s table of answer times or set by the sending agency (dates of older requests are read as the end of that day, UTC).',
      }),
      warnAt: t.exposeString('warnAt', {
        nullable: true,
        description: 'When 75 % of the time from the sending to the deadline has passed.',
      }),
      status: t.exposeString('status'),
      sentAt: t.exposeString('sentAt', { nullable: true }),
      answeredAt: t.exposeString('answeredAt', { nullable: true }),
      answer: t.exposeString('answer', {
        nullable: true,
        description: 'What the receiving authority answered, as text (case documents go through the formal channel).',
      }),
      reason: t.exposeString('reason', {
        nullable: true,
        description: 'The ground of a refusal or of a request for clarification (Directive 2023/977 Art. 6), e.g. not_available.',
      }),
      escalatedAt: t.exposeString('escalatedAt', {
        nullable: true,
        description: 'When the unanswered request was escalated to the receiving agency’s single point of contact.',
      }),
      escalatedTo: t.exposeString('escalatedTo', { nullable: true, description: 'That single point of contact, by name.' }),
      history: t.field({ type: [RequestChangeRef], resolve: (r) => r.history }),
    }),
  });

  const ConsultationAboutRef = builder.objectRef<NonNullable<ConsultationFields['about']>>('ConsultationAbout').implement({
    description: 'What a consultation was opened from.',
    fields: (t) => ({
      alertId: t.exposeID('alertId', { nullable: true }),
      entryId: t.exposeID('entryId', { nullable: true }),
    }),
  });

  const ConsultationMessageRef = builder.objectRef<ConsultationMessageFields>('ConsultationMessage').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      from: t.exposeString('from', { description: 'The agency that wrote it.' }),
      author: t.exposeString('author'),
      at: t.exposeString('at'),
      body: t.exposeString('body'),
      protection: t.exposeStringList('protection'),
      seenIn: t.exposeString('seenIn', { nullable: true, description: 'With protection flags: the country where the person was seen.' }),
      handlingCode: t.string({ description: HANDLING_CODE_DESCRIPTION, resolve: (m) => m.handlingCode ?? 'H0' }),
      handlingConditions: t.exposeString('handlingConditions', { nullable: true, description: 'With H3: the restrictions, in words.' }),
      evidence: t.field({
        type: EvidenceMarkingRef,
        nullable: true,
        description: 'The writer’s evidence marking; null when it stated none (ask the writer).',
        resolve: (m) => m.evidence ?? null,
      }),
    }),
  });

  const PermissionRef = builder.objectRef<PermissionFields>('Permission').implement({
    description:
      'A receiver asking an alert’s owner for leave to use it as evidence, pass it on or act on it, and the owner’s answer (proto PermissionState).',
    fields: (t) => ({
      id: t.exposeID('id'),
      alertId: t.exposeID('alertId'),
      purpose: t.exposeString('purpose', { description: 'evidence, pass_on or act' }),
      passTo: t.exposeString('passTo', { nullable: true, description: 'With pass_on: the agency it would go to.' }),
      reason: t.exposeString('reason'),
      askedBy: t.exposeString('askedBy', { description: 'The agency asking.' }),
      askedByAuthor: t.exposeString('askedByAuthor'),
      askedAt: t.exposeString('askedAt'),
      status: t.exposeString('status', { description: 'asked, granted or refused' }),
      answeredBy: t.exposeString('answeredBy', { nullable: true, description: 'Who decided, at the owner.' }),
      answeredAt: t.exposeString('answeredAt', { nullable: true }),
      legalBasis: t.exposeString('legalBasis', { nullable: true }),
      note: t.exposeString('note', { nullable: true }),
    }),
  });

  const ConsultationRef = builder.objectRef<ConsultationFields>('Consultation').implement({
    description: 'A thread between two agencies (proto ConsultationState), folded from its signed events.',
    fields: (t) => ({
      id: t.exposeID('id'),
      openedBy: t.exposeString('openedBy'),
      counterpart: t.exposeString('counterpart'),
      subject: t.exposeString('subject'),
      about: t.field({ type: ConsultationAboutRef, nullable: true, resolve: (c) => c.about ?? null }),
      openedAt: t.exposeString('openedAt'),
      lastAt: t.exposeString('lastAt'),
      protection: t.exposeStringList('protection', { description: 'Every protection need flagged in the thread.' }),
      messages: t.field({ type: [ConsultationMessageRef], resolve: (c) => c.messages }),
      requests: t.field({ type: [RequestRef], resolve: (c) => c.requests }),
      permissions: t.field({ type: [PermissionRef], resolve: (c) => c.permissions }),
    }),
  });

  const ProtectionContactRef = builder.objectRef<ProtectionNoticeFields['contacts'][number]>('ProtectionContact').implement({
    fields: (t) => ({ entryId: t.exposeID('entryId'), name: t.exposeString('name') }),
  });

  const ProtectionNoticeRef = builder.objectRef<ProtectionNoticeFields>('ProtectionNotice').implement({
    description: 'A need for protection raised here: the need, the place, whom it was brought to; never a person.',
    fields: (t) => ({
      id: t.exposeID('id'),
      source: t.exposeString('source', { description: 'alert or consultation' }),
      sourceId: t.exposeID('sourceId'),
      originAgency: t.exposeString('originAgency'),
      country: t.exposeString('country'),
      flags: t.exposeStringList('flags'),
      contacts: t.field({
        type: [ProtectionContactRef],
        description: 'The protection contacts this agency’s directory lists for the country; empty when none is.',
        resolve: (n) => n.contacts,
      }),
      at: t.exposeString('at'),
    }),
  });

  return { ConsultationRef, ProtectionNoticeRef, RequestRef, StatisticsReportRef: defineStatisticsTypes(builder) };
}

function defineStatisticsTypes<Context extends object, AuthScopes extends object>(builder: ContractBuilder<Context, AuthScopes>) {
  const StatisticsByRef = builder.objectRef<StatisticsFigureAnswer['by']>('StatisticsBy').implement({
    description: 'A figure’s place in its table: the dimensions it keeps (a total adds up the others, null here).',
    fields: (t) => ({
      direction: t.exposeString('direction', { nullable: true }),
      kind: t.exposeString('kind', { nullable: true }),
      region: t.exposeString('region', { nullable: true }),
      requestType: t.exposeString('requestType', { nullable: true }),
      status: t.exposeString('status', { nullable: true }),
      flag: t.exposeString('flag', { nullable: true }),
      country: t.exposeString('country', { nullable: true }),
      month: t.exposeString('month', { nullable: true }),
    }),
  });

  const StatisticsFigureRef = builder.objectRef<StatisticsFigureAnswer>('StatisticsFigure').implement({
    fields: (t) => ({
      by: t.field({ type: StatisticsByRef, resolve: (f) => f.by }),
      count: t.exposeInt('count', { nullable: true, description: 'Null when suppressed.' }),
      suppressed: t.exposeBoolean('suppressed'),
      medianDays: t.exposeFloat('medianDays', {
        nullable: true,
        description: 'time_to_answer only: median days from sending to the answer; null when suppressed.',
      }),
    }),
  });

  type Table = StatisticsAnswer['tables'][number];
  const StatisticsTableRef = builder.objectRef<Table>('StatisticsTable').implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      dimensions: t.exposeStringList('dimensions'),
      rows: t.field({ type: [StatisticsFigureRef], resolve: (x) => x.rows }),
      totals: t.field({ type: [StatisticsFigureRef], resolve: (x) => x.totals }),
    }),
  });

  const StatisticsPeriodRef = builder.objectRef<StatisticsAnswer['period']>('StatisticsPeriod').implement({
    description: 'The months reported, both included, `YYYY-MM`; null where the period is open.',
    fields: (t) => ({ from: t.exposeString('from', { nullable: true }), to: t.exposeString('to', { nullable: true }) }),
  });

  return builder.objectRef<StatisticsAnswer>('StatisticsReport').implement({
    description: 'An agency’s figures for reporting (proto statisticsReport), small counts already suppressed.',
    fields: (t) => ({
      format: t.exposeString('format'),
      agency: t.exposeString('agency'),
      period: t.field({ type: StatisticsPeriodRef, resolve: (r) => r.period }),
      generatedAt: t.exposeString('generatedAt'),
      threshold: t.exposeInt('threshold', { description: 'Counts below it are suppressed.' }),
      notes: t.exposeStringList('notes'),
      tables: t.field({ type: [StatisticsTableRef], resolve: (r) => r.tables }),
    }),
  });
}
