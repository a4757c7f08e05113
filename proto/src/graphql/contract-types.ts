// The GraphQL shapes of the contract's documents, declared once for every server of the network
// (the agency node and the gateway both serve them). Codes travel as strings validated by the
// zod schemas: GraphQL enum names cannot hold `AMBER+STRICT`.
// For the global PothosSchemaTypes namespace.
import '@pothos/core';
import type { Alert } from '../alert.js';
import { signatureKeyId } from '../alert-signature.js';
import type { DirectoryEntry } from '../directory.js';
import { defineActivityTypes } from './activity-types.js';
import {
  defineConsultationTypes,
  type EvidenceMarkingFields,
  HANDLING_CODE_DESCRIPTION,
  type RequestFields,
} from './consultation-types.js';
import type { ContractBuilder } from './contract-builder.js';
import { defineReleasePreviewTypes } from './release-preview-types.js';

/** An audit row as the node answers it (seq as a string: it is a 64-bit counter). */
export interface AuditEntryView {
  seq: string;
  at: string;
  channel: string;
  agency: string;
  subject: string | null;
  resource: string;
  items: string[];
  rule: string;
  policyVersion: number;
  hash: string;
}

/** Another agency's alert that shares a pseudonym with this one, as this node knows it. */
export interface AlertCorrelationView {
  alertId: string;
  agency: string;
  kinds: string[];
}

/** An alert as a node answers its own users: with the correlations it knows of. */
export type AlertWithCorrelations = Alert & { correlations?: AlertCorrelationView[] };

/**
 * What the Alert type reads of an alert. A node serves proto Alerts; the gateway serves a node's
 * answer, read back over GraphQL, where codes are strings and an absent value is null. Both fit,
 * so neither side casts.
 */
export interface AlertFields {
  id: string;
  kind: string;
  origin: { agency: string; country: string };
  tlp: string;
  recipients: string[];
  createdAt: string;
  validUntil: string | null;
  grading: { source: string; information: string };
  route?: {
    region: string;
    waypoints: { country: string; place?: string | null; mode?: string | null; latitude?: number | null; longitude?: number | null }[];
  } | null;
  summary: string;
  summaryLanguage?: string | null;
  identifiers: { kind: string; pseudonym: string; epoch: number }[];
  revision: number;
  status: string;
  signature?: string | null;
  caseReference?: string | null;
  protection?: string[];
  redacted?: string[];
  changes?: string[] | null;
  withdrawalReason?: string | null;
  heldBecause?: string | null;
  handlingCode?: string | null;
  handlingConditions?: string | null;
  evidence?: EvidenceMarkingFields | null;
  correlations?: AlertCorrelationView[];
  /** The kind's details, under the names proto and AlertInput give them: one of the two is set. */
  routeDetails?: RouteDetailsFields | null;
  documentFraud?: DocumentFraudFields | null;
}

/** What the RouteDetails type reads: proto's RouteDetails, or a node's answer read back (codes as strings, absent as null). */
export interface RouteDetailsFields {
  transport: string;
  concealment?: string | null;
  communicationPlatforms: string[];
  priceObserved?: { amount: number; currency: string } | null;
  migrantCount?: number | null;
  vulnerablePersons?: { children?: number | null; unaccompaniedMinors?: number | null; pregnantWomen?: number | null } | null;
  window?: { from: string; to: string } | null;
}

/** What the DocumentFraudDetails type reads, as RouteDetailsFields. */
export interface DocumentFraudFields {
  documentType: string;
  issuingState: string;
  fraudType: string;
  featuresAffected: string[];
  detectedAt: { place: string; location?: string | null; flight?: string | null };
}

/** What the RouteSubscription type reads: proto's RouteSubscription, or a node's answer read back. */
export interface RouteSubscriptionFields {
  kinds: string[];
  regions: string[];
  countries: string[];
  minimumGrading?: AlertFields['grading'] | null;
}

export interface HitAlertView {
  id: string;
  revision: number;
  kind: string;
  createdAt: string;
  matched: string[];
  /** What the checker may do with it (proto handling.ts); absent on alerts signed before, read as H0. */
  handlingCode?: string | null;
}

export interface HitAnswerView {
  agency: string;
  hit: boolean;
  alerts: HitAlertView[];
  contact: DirectoryEntryFields | null;
}

/**
 * A directory entry as a node answers it: what its release policy let through, and whether the
 * agency has left it unconfirmed past its re-verification period.
 */
export type DirectoryEntryView = DirectoryEntry & { redacted?: string[]; stale?: boolean };

/**
 * What the DirectoryEntry type reads of an entry: a node's DirectoryEntryView, and at the gateway
 * a node's answer read back over GraphQL (codes as strings, absent values as null).
 */
export interface DirectoryEntryFields {
  id: string;
  agency: string;
  country: string;
  kind: string;
  name: string;
  title?: string | null;
  roles: string[];
  competences: string[];
  networks: string[];
  postedIn?: string | null;
  covers: string[];
  languages: string[];
  availability: {
    always: boolean;
    timeZone: string;
    hours: { days: string[]; from: string; to: string }[];
    absences: { from: string; to: string; note?: string | null }[];
  };
  channels: { type: string; value: string; label?: string | null }[];
  routes: string[];
  notes?: string | null;
  lastVerified: string;
  verifiedBy?: string | null;
  retiredAt?: string | null;
  spoc?: boolean | null;
  redacted?: string[];
  stale?: boolean;
}

/** One directory search answered by one node, or merged by the gateway: the best first. */
export interface DirectoryPageView {
  entries: DirectoryEntryView[];
  /** How many entries matched, of which `entries` are the best ranked. */
  total: number;
}

/** A refused CSV import: every problem, by row of the file (the header is row 1) and column. */
interface ImportProblemView {
  row: number;
  field: string;
  message: string;
}

export interface DirectoryImportView {
  applied: boolean;
  created: number;
  updated: number;
  /** Rows equal to the entry they name: left as they were, with their verification. */
  unchanged: number;
  problems: ImportProblemView[];
}

/** One change to a directory entry, as a node answers it: who, when, what kind. */
export interface DirectoryChangeView {
  seq: string;
  change: string;
  subject: string;
  name: string | null;
  at: string;
}

/** A tracked request as the answering agency sees it. */
export interface RequestEntryView {
  request: RequestFields;
  consultationId: string;
  subject: string;
  /** `sent` or `received`, from the answering agency's side. */
  direction: string;
  overdue: boolean;
}

/**
 * A GraphQL input object with its null fields left out: GraphQL says null where proto's schemas
 * expect a field to be absent.
 */
export function withoutNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

export interface AuditVerificationView {
  ok: boolean;
  checked: number;
  brokenAt: string | null;
  problem: string | null;
  /** Each head of this chain that a partner holds, compared with the chain. */
  partners: AuditPartnerHeadView[];
  /** What the heads show: truncation, rewrite, equivocation, each naming the partners that hold the evidence. */
  problems: AuditProblemView[];
  /** Partners that did not answer, whose heads were therefore not compared. */
  unanswered: string[];
}

/** What the purge removed (services retention/purge.ts): for the data-protection officer, no personal data. */
export interface PurgeReportView {
  from: string;
  to: string;
  /** The retention document in force when asked, and its periods (proto retention.ts). */
  retentionVersion: number;
  periods: { kind: string; period: string }[];
  counts: { kind: string; count: number }[];
  items: PurgedItemView[];
  /** More items were purged in the period than listed (the counts hold them all). */
  truncated: boolean;
}

export interface PurgedItemView {
  kind: string;
  itemId: string;
  originAgency: string | null;
  own: boolean;
  revisions: number;
  lapsedAt: string | null;
  purgedAt: string;
  rule: string;
  retentionVersion: number;
  hash: string;
}

/** A signed head of an agency's audit chain as a partner holds it (proto audit-head.ts). */
export interface AuditHeadHeldView {
  /** The partner holding the head. */
  holder: string;
  /** Whose chain. */
  agency: string;
  seq: string;
  hash: string;
  at: string;
  receivedAt: string;
  /** The compact JWS the agency signed: the evidence itself. */
  jws: string;
}

export interface AuditPartnerHeadView {
  agency: string;
  seq: string;
  hash: string;
  at: string;
  ok: boolean;
  problem: string | null;
}

export type AuditProblemKind = 'truncation' | 'rewrite' | 'equivocation' | 'forged-head' | 'uncovered';

export interface AuditProblemView {
  kind: AuditProblemKind;
  seq: string;
  /** The partners whose heads show it. */
  agencies: string[];
  message: string;
}

/** What the AuditProblem type reads: a node's finding, or (at the gateway) its answer with the kind as a string. */
type AuditProblemFields = Omit<AuditProblemView, 'kind'> & { kind: string };
type AuditVerificationFields = Omit<AuditVerificationView, 'problems'> & { problems: AuditProblemFields[] };

/** Adds the contract's object types to a server's Pothos builder (its input types: contract-inputs.ts). */
export function defineContractTypes<Context extends object, AuthScopes extends object = Record<never, never>>(
  builder: ContractBuilder<Context, AuthScopes>,
) {
  type Route = NonNullable<AlertFields['route']>;

  const Origin = builder.objectRef<AlertFields['origin']>('Origin').implement({
    fields: (t) => ({ agency: t.exposeString('agency'), country: t.exposeString('country') }),
  });
  const Grading = builder.objectRef<AlertFields['grading']>('Grading').implement({
    fields: (t) => ({ source: t.exposeString('source'), information: t.exposeString('information') }),
  });
  const WaypointRef = builder.objectRef<Route['waypoints'][number]>('Waypoint').implement({
    fields: (t) => ({
      country: t.exposeString('country'),
      place: t.exposeString('place', { nullable: true }),
      mode: t.exposeString('mode', { nullable: true }),
      latitude: t.exposeFloat('latitude', {
        nullable: true,
        description: 'WGS84 decimal degrees, to 0.01° (about 1 km); null where the origin gave none (a map uses the country).',
      }),
      longitude: t.exposeFloat('longitude', { nullable: true, description: 'WGS84 decimal degrees, to 0.01°; null with latitude.' }),
    }),
  });
  const Route = builder.objectRef<Route>('Route').implement({
    fields: (t) => ({ region: t.exposeString('region'), waypoints: t.field({ type: [WaypointRef], resolve: (r) => r.waypoints }) }),
  });
  const Pseudonym = builder.objectRef<AlertFields['identifiers'][number]>('Pseudonym').implement({
    fields: (t) => ({ kind: t.exposeString('kind'), pseudonym: t.exposeString('pseudonym'), epoch: t.exposeInt('epoch') }),
  });

  type Vulnerable = NonNullable<RouteDetailsFields['vulnerablePersons']>;
  const Price = builder.objectRef<NonNullable<RouteDetailsFields['priceObserved']>>('Price').implement({
    fields: (t) => ({ amount: t.exposeFloat('amount'), currency: t.exposeString('currency') }),
  });
  const VulnerablePersons = builder.objectRef<Vulnerable>('VulnerablePersons').implement({
    description: 'How many vulnerable persons were seen: a need for protection, never a suspicion.',
    fields: (t) => ({
      children: t.exposeInt('children', { nullable: true }),
      unaccompaniedMinors: t.exposeInt('unaccompaniedMinors', { nullable: true }),
      pregnantWomen: t.exposeInt('pregnantWomen', { nullable: true }),
    }),
  });
  const TimeWindow = builder.objectRef<NonNullable<RouteDetailsFields['window']>>('TimeWindow').implement({
    fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to') }),
  });
  const RouteDetailsRef = builder.objectRef<RouteDetailsFields>('RouteDetails').implement({
    description: 'What was seen on a route (proto routeDetails).',
    fields: (t) => ({
      transport: t.exposeString('transport'),
      concealment: t.exposeString('concealment', { nullable: true }),
      communicationPlatforms: t.exposeStringList('communicationPlatforms'),
      priceObserved: t.field({ type: Price, nullable: true, resolve: (d) => d.priceObserved ?? null }),
      migrantCount: t.exposeInt('migrantCount', { nullable: true }),
      vulnerablePersons: t.field({ type: VulnerablePersons, nullable: true, resolve: (d) => d.vulnerablePersons ?? null }),
      window: t.field({ type: TimeWindow, nullable: true, resolve: (d) => d.window ?? null }),
    }),
  });
  const Detection = builder.objectRef<DocumentFraudFields['detectedAt']>('Detection').implement({
    fields: (t) => ({
      place: t.exposeString('place'),
      location: t.exposeString('location', { nullable: true }),
      flight: t.exposeString('flight', { nullable: true }),
    }),
  });
  const DocumentFraudRef = builder.objectRef<DocumentFraudFields>('DocumentFraudDetails').implement({
    description: 'A fraudulent document and where it was detected (proto documentFraud).',
    fields: (t) => ({
      documentType: t.exposeString('documentType'),
      issuingState: t.exposeString('issuingState'),
      fraudType: t.exposeString('fraudType'),
      featuresAffected: t.exposeStringList('featuresAffected'),
      detectedAt: t.field({ type: Detection, resolve: (d) => d.detectedAt }),
    }),
  });

  const CorrelationRef = builder.objectRef<AlertCorrelationView>('AlertCorrelation').implement({
    description: 'Another agency’s alert sharing an identifier with this one (the same document, person, phone or vessel).',
    fields: (t) => ({
      alertId: t.exposeID('alertId'),
      agency: t.exposeString('agency'),
      kinds: t.exposeStringList('kinds', { description: 'The kinds of identifier they share.' }),
    }),
  });

  const EvidenceMarkingRef = builder.objectRef<EvidenceMarkingFields>('EvidenceMarking').implement({
    description: 'Whether the item may be used as evidence in judicial proceedings, on what legal basis, and who decided; signed with it.',
    fields: (t) => ({
      use: t.exposeString('use', { description: 'permitted, with_permission (ask the owner) or not_permitted' }),
      legalBasis: t.exposeString('legalBasis', { nullable: true }),
      decidedBy: t.exposeString('decidedBy', { description: 'Who decided, as the owner vouches.' }),
    }),
  });

  const AlertRef = builder.objectRef<AlertFields>('Alert').implement({
    fields: (t) => ({
      correlations: t.field({
        type: [CorrelationRef],
        description: 'Correlation notices: for the agency’s own users only, empty otherwise.',
        resolve: (a) => a.correlations ?? [],
      }),
      id: t.exposeID('id'),
      kind: t.exposeString('kind'),
      origin: t.field({ type: Origin, resolve: (a) => a.origin }),
      tlp: t.exposeString('tlp'),
      recipients: t.exposeStringList('recipients'),
      createdAt: t.exposeString('createdAt'),
      validUntil: t.string({ nullable: true, resolve: (a) => a.validUntil }),
      grading: t.field({ type: Grading, resolve: (a) => a.grading }),
      route: t.field({ type: Route, nullable: true, resolve: (a) => a.route ?? null }),
      summary: t.exposeString('summary'),
      summaryLanguage: t.string({
        nullable: true,
        description: 'The language of the summary (ISO 639-1), as its publisher stated it; null on alerts published before it was stated.',
        resolve: (a) => a.summaryLanguage ?? null,
      }),
      identifiers: t.field({ type: [Pseudonym], resolve: (a) => a.identifiers }),
      revision: t.exposeInt('revision'),
      status: t.exposeString('status'),
      expired: t.boolean({
        description: 'True once validUntil has passed: the alert stays readable but no longer holds.',
        resolve: (a) => a.validUntil !== null && Date.parse(a.validUntil) <= Date.now(),
      }),
      signature: t.string({
        nullable: true,
        description: 'Detached JWS of the origin agency over the canonical alert (RFC 7515, RFC 8785).',
        resolve: (a) => a.signature ?? null,
      }),
      signingKey: t.string({
        nullable: true,
        description:
          'Key id of the origin agency key that signed the alert; a node stores a partner alert only once this signature verified.',
        resolve: (a) => signatureKeyId(a.signature),
      }),
      caseReference: t.string({
        nullable: true,
        description: 'The origin agency’s case reference, where its release policy lets the caller see it.',
        resolve: (a) => a.caseReference ?? null,
      }),
      protection: t.stringList({
        description: 'Vulnerable persons flagged (proto PROTECTION_FLAGS): a need for protection, never a suspicion.',
        resolve: (a) => a.protection ?? [],
      }),
      redacted: t.stringList({
        description: 'Fields the origin agency’s release policy withheld from this copy (ask the owner for them).',
        resolve: (a) => a.redacted ?? [],
      }),
      changes: t.stringList({
        description: 'On an amendment: the fields it changed from the revision before, by path (e.g. routeDetails.migrantCount).',
        resolve: (a) => a.changes ?? [],
      }),
      withdrawalReason: t.string({
        nullable: true,
        description: 'On a withdrawal: why the alert no longer holds, as the origin agency wrote it.',
        resolve: (a) => a.withdrawalReason ?? null,
      }),
      heldBecause: t.string({
        nullable: true,
        description:
          'Only in the answer to a publish: the alert is held at the publishing node, not sent yet, and why (too few key holders of the pseudonym service answered). It goes out, with these id and time, once they answer.',
        resolve: (a) => a.heldBecause ?? null,
      }),
      handlingCode: t.string({ description: HANDLING_CODE_DESCRIPTION, resolve: (a) => a.handlingCode ?? 'H0' }),
      handlingConditions: t.string({
        nullable: true,
        description: 'With H3: the restrictions, in words.',
        resolve: (a) => a.handlingConditions ?? null,
      }),
      evidence: t.field({
        type: EvidenceMarkingRef,
        nullable: true,
        description: 'The owner’s evidence marking; null when it stated none (ask the owner).',
        resolve: (a) => a.evidence ?? null,
      }),
      // Two fields named as in proto and AlertInput, rather than one union: what a client reads is
      // what it sends back to amend, and the release policy's withheld paths name real fields.
      routeDetails: t.field({
        type: RouteDetailsRef,
        nullable: true,
        description: 'What was seen on the route: set for a route alert, null otherwise.',
        resolve: (a) => a.routeDetails ?? null,
      }),
      documentFraud: t.field({
        type: DocumentFraudRef,
        nullable: true,
        description: 'The fraudulent document: set for a document-fraud alert, null otherwise.',
        resolve: (a) => a.documentFraud ?? null,
      }),
    }),
  });

  type Hours = DirectoryEntryFields['availability']['hours'][number];
  const HoursRef = builder.objectRef<Hours>('Hours').implement({
    fields: (t) => ({ days: t.exposeStringList('days'), from: t.exposeString('from'), to: t.exposeString('to') }),
  });
  type Absence = DirectoryEntryFields['availability']['absences'][number];
  const AbsenceRef = builder.objectRef<Absence>('Absence').implement({
    description: 'Days away, inclusive, as dates in the contact’s time zone.',
    fields: (t) => ({ from: t.exposeString('from'), to: t.exposeString('to'), note: t.exposeString('note', { nullable: true }) }),
  });
  const Availability = builder.objectRef<DirectoryEntryFields['availability']>('Availability').implement({
    fields: (t) => ({
      always: t.exposeBoolean('always'),
      timeZone: t.exposeString('timeZone'),
      hours: t.field({ type: [HoursRef], resolve: (a) => a.hours }),
      absences: t.field({ type: [AbsenceRef], resolve: (a) => a.absences }),
    }),
  });
  const Channel = builder.objectRef<DirectoryEntryFields['channels'][number]>('Channel').implement({
    fields: (t) => ({ type: t.exposeString('type'), value: t.exposeString('value'), label: t.exposeString('label', { nullable: true }) }),
  });

  const DirectoryEntryRef = builder.objectRef<DirectoryEntryFields>('DirectoryEntry').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      agency: t.exposeString('agency'),
      country: t.exposeString('country'),
      kind: t.exposeString('kind'),
      name: t.exposeString('name'),
      title: t.exposeString('title', { nullable: true }),
      roles: t.exposeStringList('roles'),
      competences: t.exposeStringList('competences'),
      networks: t.exposeStringList('networks'),
      postedIn: t.exposeString('postedIn', { nullable: true }),
      covers: t.exposeStringList('covers'),
      languages: t.exposeStringList('languages'),
      availability: t.field({ type: Availability, resolve: (e) => e.availability }),
      channels: t.field({ type: [Channel], resolve: (e) => e.channels }),
      routes: t.exposeStringList('routes'),
      notes: t.exposeString('notes', { nullable: true }),
      lastVerified: t.exposeString('lastVerified'),
      verifiedBy: t.exposeString('verifiedBy', { nullable: true }),
      retiredAt: t.exposeString('retiredAt', { nullable: true }),
      spoc: t.boolean({
        description: 'The agency’s 24/7 single point of contact (at most one entry per agency, designated by its administrator).',
        resolve: (e) => e.spoc ?? false,
      }),
      stale: t.boolean({
        description: 'Not confirmed by its agency within the agency’s re-verification period (180 days by default).',
        resolve: (e) => e.stale ?? false,
      }),
      redacted: t.stringList({
        description: 'Fields the owning agency’s release policy withheld from the caller.',
        resolve: (e) => e.redacted ?? [],
      }),
    }),
  });

  const DirectoryPageRef = builder.objectRef<DirectoryPageView>('DirectoryPage').implement({
    fields: (t) => ({
      entries: t.field({ type: [DirectoryEntryRef], resolve: (p) => p.entries }),
      total: t.exposeInt('total', { description: 'How many entries matched; `entries` holds the best ranked of them.' }),
    }),
  });

  const ImportProblemRef = builder.objectRef<ImportProblemView>('ImportProblem').implement({
    fields: (t) => ({ row: t.exposeInt('row'), field: t.exposeString('field'), message: t.exposeString('message') }),
  });
  const DirectoryImportRef = builder.objectRef<DirectoryImportView>('DirectoryImport').implement({
    description: 'The outcome of a CSV import: applied whole, or refused whole with every problem.',
    fields: (t) => ({
      applied: t.exposeBoolean('applied'),
      created: t.exposeInt('created'),
      updated: t.exposeInt('updated'),
      unchanged: t.exposeInt('unchanged', {
        description: 'Rows equal to the entry they name, left as they were (last verified included).',
      }),
      problems: t.field({ type: [ImportProblemRef], resolve: (r) => r.problems }),
    }),
  });

  const DirectoryFilterInput = builder.inputType('DirectoryFilterInput', {
    fields: (t) => ({
      country: t.string({ required: false }),
      role: t.string({ required: false }),
      competence: t.string({ required: false }),
      language: t.string({ required: false }),
      network: t.string({ required: false, description: "A recorded network's member agencies; else entries tagged with it." }),
      liaisonPost: t.string({ required: false, description: 'The officers of this liaison post.' }),
      ids: t.idList({ required: false, description: 'Only these entries (at most 50).' }),
      route: t.string({ required: false }),
      always: t.boolean({ required: false, description: 'Only 24/7 desks.' }),
      reachableNow: t.boolean({ required: false, description: 'Only contacts reachable now: in their hours and not away.' }),
      text: t.string({ required: false }),
      speaks: t.stringList({ required: false, description: 'The asking user’s languages: who speaks them ranks first.' }),
      limit: t.int({ required: false, description: 'How many of the best-ranked entries to return (1–200, 50 by default).' }),
    }),
  });

  const RouteSubscriptionRef = builder.objectRef<RouteSubscriptionFields>('RouteSubscription').implement({
    description: 'Which alerts an officer follows (proto routeSubscription): empty lists mean any.',
    fields: (t) => ({
      kinds: t.exposeStringList('kinds'),
      regions: t.exposeStringList('regions'),
      countries: t.exposeStringList('countries', {
        description: 'Matches an alert whose origin, any waypoint or document issuer is one of these.',
      }),
      minimumGrading: t.field({
        type: Grading,
        nullable: true,
        description: 'The weakest grading still worth a notice.',
        resolve: (s) => s.minimumGrading ?? null,
      }),
    }),
  });

  const SubscribedAlertRef = builder.objectRef<{ alert: AlertFields; read: boolean }>('SubscribedAlert').implement({
    description: 'An alert matching the officer’s route subscription, and whether they have read it.',
    fields: (t) => ({ alert: t.field({ type: AlertRef, resolve: (s) => s.alert }), read: t.exposeBoolean('read') }),
  });

  const AuditEntryRef = builder.objectRef<AuditEntryView>('AuditEntry').implement({
    description: 'One release of the agency’s data to another agency, as its node recorded it (hash-chained).',
    fields: (t) => ({
      seq: t.exposeString('seq'),
      at: t.exposeString('at'),
      channel: t.exposeString('channel', {
        description:
          'query (an answer to a user), bus (sent to a node), check (a hit / no-hit answer) or received (a permission asked or answered by a partner, kept here)',
      }),
      agency: t.exposeString('agency', { description: 'The agency that received the data.' }),
      subject: t.exposeString('subject', { nullable: true, description: 'The user who asked; null for an alert sent to a node.' }),
      resource: t.exposeString('resource'),
      items: t.exposeStringList('items'),
      rule: t.exposeString('rule', { description: 'The release-policy rule that allowed it.' }),
      policyVersion: t.exposeInt('policyVersion'),
      hash: t.exposeString('hash'),
    }),
  });

  const AuditPartnerHeadRef = builder.objectRef<AuditPartnerHeadView>('AuditPartnerHead').implement({
    description: 'A signed head of the chain that a partner holds, and whether the chain still contains it.',
    fields: (t) => ({
      agency: t.exposeString('agency', { description: 'The partner holding the head.' }),
      seq: t.exposeString('seq'),
      hash: t.exposeString('hash'),
      at: t.exposeString('at', { description: 'When the head was signed.' }),
      ok: t.exposeBoolean('ok'),
      problem: t.exposeString('problem', { nullable: true }),
    }),
  });

  const AuditProblemRef = builder.objectRef<AuditProblemFields>('AuditProblem').implement({
    description: 'What the heads partners hold show about the chain.',
    fields: (t) => ({
      kind: t.exposeString('kind', {
        description:
          'truncation (rows deleted after a head a partner holds), rewrite (a held head’s hash is not in the chain), equivocation (partners hold different hashes for one row), forged-head (a head not signed by this agency), uncovered (a partner holds no head of rows written long enough ago: heads are not reaching it)',
      }),
      seq: t.exposeString('seq'),
      agencies: t.exposeStringList('agencies', { description: 'The partners whose heads show it.' }),
      message: t.exposeString('message'),
    }),
  });

  const AuditVerificationRef = builder.objectRef<AuditVerificationFields>('AuditVerification').implement({
    fields: (t) => ({
      ok: t.exposeBoolean('ok', { description: 'The chain verifies and every head partners hold is in it.' }),
      checked: t.exposeInt('checked', { description: 'Rows whose chain was recomputed.' }),
      brokenAt: t.exposeString('brokenAt', { nullable: true, description: 'The first row that does not verify.' }),
      problem: t.exposeString('problem', { nullable: true }),
      partners: t.field({ type: [AuditPartnerHeadRef], resolve: (v) => v.partners }),
      problems: t.field({ type: [AuditProblemRef], resolve: (v) => v.problems }),
      unanswered: t.exposeStringList('unanswered', { description: 'Partners that did not answer: their heads were not compared.' }),
    }),
  });

  const AuditHeadHeldRef = builder.objectRef<AuditHeadHeldView>('AuditHeadHeld').implement({
    description: 'A signed head of an agency’s audit chain, as a partner node holds it.',
    fields: (t) => ({
      holder: t.exposeString('holder'),
      agency: t.exposeString('agency'),
      seq: t.exposeString('seq'),
      hash: t.exposeString('hash'),
      at: t.exposeString('at'),
      receivedAt: t.exposeString('receivedAt'),
      jws: t.exposeString('jws', { description: 'The compact JWS (typ corridor-audit-head+jwt) the agency signed.' }),
    }),
  });

  const PurgedItemRef = builder.objectRef<PurgedItemView>('PurgedItem').implement({
    description: 'An item the retention document removed at this node, and the tombstone left in its place.',
    fields: (t) => ({
      kind: t.exposeString('kind', { description: 'route_alert, document_fraud_alert, dead_letter, consultation or held_publication' }),
      itemId: t.exposeString('itemId', {
        description: 'The alert, consultation or held publication id, or quarantine:<row> for a dead letter.',
      }),
      originAgency: t.exposeString('originAgency', {
        nullable: true,
        description: 'The agency that published the alert, or opened the consultation.',
      }),
      own: t.exposeBoolean('own', { description: 'This agency published it (else a partner’s copy held here).' }),
      revisions: t.exposeInt('revisions', { description: 'Revisions removed with it (a consultation: its events).' }),
      lapsedAt: t.exposeString('lapsedAt', {
        nullable: true,
        description:
          'When it expired or was withdrawn (a dead letter or held publication: when it was kept; a consultation: its last event).',
      }),
      purgedAt: t.exposeString('purgedAt'),
      rule: t.exposeString('rule', { description: 'retention:<kind>:<period>, as the retention document said.' }),
      retentionVersion: t.exposeInt('retentionVersion'),
      hash: t.exposeString('hash', { description: 'SHA-256 of the canonical JSON of what was removed (the tombstone).' }),
    }),
  });

  const PurgeReportRef = builder.objectRef<PurgeReportView>('PurgeReport').implement({
    description: 'What the node purged in a period under its retention document: counts per kind, items and tombstone hashes.',
    fields: (t) => ({
      from: t.exposeString('from'),
      to: t.exposeString('to'),
      retentionVersion: t.exposeInt('retentionVersion', { description: 'The retention document in force now (0: the defaults).' }),
      periods: t.field({
        type: [
          builder.objectRef<{ kind: string; period: string }>('RetentionPeriod').implement({
            fields: (f) => ({ kind: f.exposeString('kind'), period: f.exposeString('period', { description: 'ISO 8601 duration' }) }),
          }),
        ],
        resolve: (r) => r.periods,
      }),
      counts: t.field({
        type: [
          builder.objectRef<{ kind: string; count: number }>('PurgeCount').implement({
            fields: (f) => ({ kind: f.exposeString('kind'), count: f.exposeInt('count') }),
          }),
        ],
        resolve: (r) => r.counts,
      }),
      items: t.field({ type: [PurgedItemRef], resolve: (r) => r.items }),
      truncated: t.exposeBoolean('truncated'),
    }),
  });

  const AuditHeadInput = builder.inputType('AuditHeadInput', {
    description: 'A head a partner holds, passed back to the agency’s own node to compare with its chain.',
    fields: (t) => ({ holder: t.string({ required: true }), jws: t.string({ required: true }) }),
  });

  const HitAlertRef = builder.objectRef<HitAlertView>('HitAlert').implement({
    description: 'An alert of the answering agency that carries one of the pseudonyms asked about.',
    fields: (t) => ({
      id: t.exposeID('id'),
      revision: t.exposeInt('revision'),
      kind: t.exposeString('kind'),
      createdAt: t.exposeString('createdAt'),
      matched: t.exposeStringList('matched', { description: 'The identifier kinds that matched.' }),
      handlingCode: t.string({ description: HANDLING_CODE_DESCRIPTION, resolve: (h) => h.handlingCode ?? 'H0' }),
    }),
  });

  const HitAnswerRef = builder.objectRef<HitAnswerView>('HitAnswer').implement({
    description: 'One agency’s answer to a hit / no-hit check: never a raw value, only references and whom to ask.',
    fields: (t) => ({
      agency: t.exposeString('agency'),
      hit: t.exposeBoolean('hit'),
      alerts: t.field({ type: [HitAlertRef], resolve: (h) => h.alerts }),
      contact: t.field({ type: DirectoryEntryRef, nullable: true, resolve: (h) => h.contact }),
    }),
  });

  const DirectoryChangeRef = builder.objectRef<DirectoryChangeView>('DirectoryChange').implement({
    description: 'One change to a directory entry: who, when, and what kind.',
    fields: (t) => ({
      seq: t.exposeString('seq'),
      change: t.exposeString('change'),
      subject: t.exposeString('subject'),
      name: t.exposeString('name', { nullable: true }),
      at: t.exposeString('at'),
    }),
  });

  const consultationTypes = defineConsultationTypes(builder, EvidenceMarkingRef);
  const RequestEntryRef = builder.objectRef<RequestEntryView>('RequestEntry').implement({
    description: 'A tracked request the agency sent or received, with the consultation it came from.',
    fields: (t) => ({
      request: t.field({ type: consultationTypes.RequestRef, resolve: (r) => r.request }),
      consultationId: t.exposeString('consultationId'),
      subject: t.exposeString('subject'),
      direction: t.exposeString('direction', { description: 'sent or received, as the agency sees it' }),
      overdue: t.exposeBoolean('overdue'),
    }),
  });

  return {
    AlertRef,
    AuditEntryRef,
    AuditHeadHeldRef,
    AuditHeadInput,
    AuditVerificationRef,
    DirectoryChangeRef,
    DirectoryEntryRef,
    DirectoryFilterInput,
    DirectoryImportRef,
    DirectoryPageRef,
    HitAnswerRef,
    PseudonymRef: Pseudonym,
    PurgeReportRef,
    RequestEntryRef,
    ...consultationTypes,
    RouteSubscriptionRef,
    SubscribedAlertRef,
    ...defineActivityTypes(builder),
    ...defineReleasePreviewTypes(builder),
  };
}
