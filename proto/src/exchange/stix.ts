// An alert as STIX 2.1 objects (OASIS STIX 2.1, cs02): a `report` per alert, a `location` per
// waypoint, Corridor's own fields in a property extension of the report. Ids are UUIDv5 under
// Corridor's namespace, so the same alert exported twice, by any node, has the same ids and a
// consumer (MISP, OpenCTI) updates rather than duplicates. What goes in is what the release policy
// released (the caller hands it the released copy); identifiers go out as their kinds only, never
// their values or pseudonyms (THREAT-MODEL.md, "STIX, TAXII and MISP"), and no case reference.
import { v5 } from 'uuid';
import type { Alert } from '../alert.js';
import { ALERT_KIND_LABELS, COUNTRY_NAMES, type CountryCode, ROUTE_REGION_LABELS } from '../codes.js';
import { ALPHA2 } from '../identifiers/country-alpha2.js';
import extensionSchema from './corridor-extension.schema.json' with { type: 'json' };
import extensionDefinition from './corridor-extension-definition.json' with { type: 'json' };
import { exportText } from './export-text.js';

/** Fixed once: every Corridor id in STIX is a UUIDv5 under it. Changing it would re-key every export. */
export const CORRIDOR_STIX_NAMESPACE = '4ddab436-8976-5108-9c07-a7e15ed92c44';

/** Corridor's extension definition (a property extension of `report`), as published with the project. */
export const CORRIDOR_EXTENSION_DEFINITION = extensionDefinition;
export const CORRIDOR_EXTENSION_ID = 'extension-definition--7b62b93b-18bb-550c-8bd6-0910a686db44';
/** The JSON schema of the extension's properties (draft 2020-12), served beside the definition. */
export const CORRIDOR_EXTENSION_SCHEMA = extensionSchema;
const PROJECT_IDENTITY_ID = 'identity--b5cd3c71-c613-5c76-8c5b-c0a380795047';

/** The STIX media type of objects in a TAXII 2.1 collection. */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/** Only these leave a node as STIX or MISP: TLP 2.0 says CLEAR and GREEN may go to a community's tools. */
export const EXPORTABLE_TLP = ['CLEAR', 'GREEN'] as const;
export type ExportableTlp = (typeof EXPORTABLE_TLP)[number];

export function isExportable(a: Pick<Alert, 'tlp'>): a is Pick<Alert, 'tlp'> & { tlp: ExportableTlp } {
  return (EXPORTABLE_TLP as readonly string[]).includes(a.tlp);
}

export type StixObject = { type: string; id: string; spec_version: '2.1' } & Record<string, unknown>;

// The TLP 2.0 marking definitions as OASIS publishes them (standard ids, TLP 2.0 extension).
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP_MARKING: Record<ExportableTlp, StixObject> = {
  CLEAR: tlpMarking('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'clear'),
  GREEN: tlpMarking('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'green'),
};

function tlpMarking(id: string, level: string): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level } },
  };
}

export function tlpMarkingId(tlp: ExportableTlp): string {
  return TLP_MARKING[tlp].id;
}

/** A deterministic STIX id: `<type>--<UUIDv5 of name under Corridor's namespace>`. */
export function stixId(type: string, name: string): string {
  return `${type}--${v5(name, CORRIDOR_STIX_NAMESPACE)}`;
}

/** A deterministic UUIDv5 under Corridor's namespace, for what is not a STIX object (MISP attributes). */
export function exchangeUuid(name: string): string {
  return v5(name, CORRIDOR_STIX_NAMESPACE);
}

export function agencyIdentityId(agency: string): string {
  return stixId('identity', `agency:${agency}`);
}

export function alertReportId(alertId: string): string {
  return stixId('report', `alert:${alertId}`);
}

/** The location of an alert's waypoint, by its index on the route. */
export function alertLocationId(alertId: string, waypoint: number): string {
  return stixId('location', `alert:${alertId}:waypoint:${waypoint}`);
}

/**
 * When the shared objects (identities, extension, markings) count as added to a collection: before
 * any alert, so that a client walking a collection from the start takes them first, once.
 */
export const EXCHANGE_EPOCH = CORRIDOR_EXTENSION_DEFINITION.created;

/**
 * What every export shares and that reports point at: Corridor as the extension's author, the
 * exporting agency's identity, the extension definition and the two TLP 2.0 markings.
 */
export function sharedStixObjects(agency: { id: string; name: string }): StixObject[] {
  return [
    {
      type: 'identity',
      spec_version: '2.1',
      id: PROJECT_IDENTITY_ID,
      created: EXCHANGE_EPOCH,
      modified: EXCHANGE_EPOCH,
      name: 'Corridor',
      description: 'The open-source network through which agencies along migrant-smuggling routes share alerts.',
      identity_class: 'organization',
    },
    {
      type: 'identity',
      spec_version: '2.1',
      id: agencyIdentityId(agency.id),
      created: EXCHANGE_EPOCH,
      modified: EXCHANGE_EPOCH,
      name: agency.name,
      identity_class: 'organization',
      sectors: ['government-national'],
      external_references: [{ source_name: 'corridor', external_id: agency.id }],
    },
    CORRIDOR_EXTENSION_DEFINITION as StixObject,
    TLP_MARKING.CLEAR,
    TLP_MARKING.GREEN,
  ];
}

/**
 * The report and locations of one released alert. `modified` is when the node stored this
 * revision (the report's version); `created` is the alert's. Throws on an alert that TLP keeps
 * inside the network: the caller filters, this is the second lock.
 */
export function alertToStix(a: Alert, modified: string): StixObject[] {
  if (!isExportable(a)) throw new Error(`alert ${a.id} is TLP:${a.tlp}: never exported`);
  const marking = [TLP_MARKING[a.tlp].id];
  const createdBy = agencyIdentityId(a.origin.agency);
  const created = stixTime(a.createdAt);
  // A version is never older than the object (STIX: modified >= created).
  const version = { created, modified: Date.parse(modified) > Date.parse(created) ? stixTime(modified) : created };
  const waypoints = a.route?.waypoints ?? [];
  const text = exportText(a);
  const locations: StixObject[] = waypoints.map((w, i) => ({
    type: 'location',
    spec_version: '2.1',
    id: alertLocationId(a.id, i),
    created_by_ref: createdBy,
    ...version,
    name: text.places[i] ?? countryName(w.country),
    country: ALPHA2[w.country as CountryCode] ?? w.country,
    ...(w.latitude !== undefined && w.longitude !== undefined && text.places[i] === w.place
      ? // 0.01° (proto COORDINATE_DECIMALS) is about 1 km. Withheld with a refused place name, as the policy's route.places would.
        { latitude: w.latitude, longitude: w.longitude, precision: 1000 }
      : {}),
    object_marking_refs: marking,
  }));
  const kinds = [...new Set(a.identifiers.map((i) => i.kind))];
  const ext: Record<string, unknown> = {
    extension_type: 'property-extension',
    alert_id: a.id,
    kind: a.kind,
    revision: a.revision,
    status: a.status,
    origin_agency: a.origin.agency,
    origin_country: a.origin.country,
    ...(a.validUntil ? { valid_until: stixTime(a.validUntil) } : {}),
    grading: { source: a.grading.source, information: a.grading.information },
    ...(a.route
      ? {
          route: {
            region: a.route.region,
            waypoints: waypoints.map((w, i) => ({
              location_ref: locations[i]?.id,
              country: w.country,
              ...(w.mode ? { mode: w.mode } : {}),
            })),
          },
        }
      : {}),
    ...(a.kind === 'route' ? { route_details: routeDetails(a.routeDetails) } : {}),
    ...(a.kind === 'document_fraud' ? { document_fraud: documentFraud(a.documentFraud, text.detectionLocation) } : {}),
    ...nonEmpty('protection', a.protection),
    // What the receiver may do with it travels with it into the analyst's tool (handling.ts).
    handling_code: a.handlingCode ?? 'H0',
    ...(a.handlingConditions ? { handling_conditions: a.handlingConditions } : {}),
    ...(a.evidence
      ? {
          evidence: {
            use: a.evidence.use,
            ...(a.evidence.legalBasis ? { legal_basis: a.evidence.legalBasis } : {}),
            decided_by: a.evidence.decidedBy,
          },
        }
      : {}),
    ...nonEmpty('identifier_kinds', kinds),
    ...nonEmpty('changes', a.changes),
    ...nonEmpty('redacted', [...new Set([...(a.redacted ?? []), ...text.withheld])]),
  };
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: alertReportId(a.id),
    created_by_ref: createdBy,
    ...version,
    name: reportName(a),
    ...(text.summary ? { description: text.summary } : {}),
    ...(a.summaryLanguage ? { lang: a.summaryLanguage } : {}),
    report_types: ['threat-report'],
    published: created,
    // A report needs at least one reference: a document-fraud alert without a route names its publisher.
    object_refs: locations.length > 0 ? locations.map((l) => l.id) : [createdBy],
    labels: [`corridor-${a.kind.replace('_', '-')}`],
    ...(a.status === 'withdrawn' ? { revoked: true } : {}),
    object_marking_refs: marking,
    extensions: { [CORRIDOR_EXTENSION_ID]: ext },
  };
  return [report, ...locations];
}

/** A title an analyst reads in a list: kind, route or document, origin. Built from codes only. */
export function reportName(a: Alert): string {
  const kind = ALERT_KIND_LABELS[a.kind];
  if (a.kind === 'document_fraud') {
    const d = a.documentFraud;
    return `Corridor ${kind.toLowerCase()}: ${d.fraudType.replaceAll('_', ' ')} ${d.documentType.replaceAll('_', ' ')} of ${d.issuingState} (${a.origin.agency})`;
  }
  const path = a.route.waypoints.map((w) => w.country).join(' → ');
  return `Corridor ${kind.toLowerCase()}: ${ROUTE_REGION_LABELS[a.route.region]}, ${path} (${a.origin.agency})`;
}

function routeDetails(d: Extract<Alert, { kind: 'route' }>['routeDetails']): Record<string, unknown> {
  return {
    transport: d.transport,
    ...(d.concealment ? { concealment: d.concealment } : {}),
    ...nonEmpty('communication_platforms', d.communicationPlatforms),
    ...(d.priceObserved ? { price_observed: { amount: d.priceObserved.amount, currency: d.priceObserved.currency } } : {}),
    ...(d.migrantCount !== undefined ? { migrant_count: d.migrantCount } : {}),
    ...(d.vulnerablePersons && Object.keys(d.vulnerablePersons).length > 0
      ? {
          vulnerable_persons: {
            ...(d.vulnerablePersons.children !== undefined ? { children: d.vulnerablePersons.children } : {}),
            ...(d.vulnerablePersons.unaccompaniedMinors !== undefined
              ? { unaccompanied_minors: d.vulnerablePersons.unaccompaniedMinors }
              : {}),
            ...(d.vulnerablePersons.pregnantWomen !== undefined ? { pregnant_women: d.vulnerablePersons.pregnantWomen } : {}),
          },
        }
      : {}),
    ...(d.window ? { window_from: d.window.from, window_to: d.window.to } : {}),
  };
}

function documentFraud(
  d: Extract<Alert, { kind: 'document_fraud' }>['documentFraud'],
  location: string | undefined,
): Record<string, unknown> {
  return {
    document_type: d.documentType,
    issuing_state: d.issuingState,
    fraud_type: d.fraudType,
    ...nonEmpty('features_affected', d.featuresAffected),
    detected_at: {
      place: d.detectedAt.place,
      ...(location ? { location } : {}),
      ...(d.detectedAt.flight ? { flight: d.detectedAt.flight } : {}),
    },
  };
}

/** STIX lists have at least one item (properties.json): an empty one is left out. */
function nonEmpty(key: string, list: readonly string[] | undefined): Record<string, string[]> {
  return list && list.length > 0 ? { [key]: [...list] } : {};
}

/** STIX timestamps are UTC to the millisecond at least (core.json); an alert's may say less. */
function stixTime(iso: string): string {
  return new Date(iso).toISOString();
}

function countryName(code: string): string {
  return COUNTRY_NAMES[code as CountryCode] ?? code;
}
