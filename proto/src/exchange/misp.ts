// An alert as a MISP event, for a MISP feed (MISP's "feed" format: manifest.json listing the events,
// one <uuid>.json per event). The event's uuid is the alert's own id (a UUID already unique in the
// network), so a MISP that pulls again updates the event, and a node finds the alert it names. Same content rules as stix.ts: the released copy, TLP:CLEAR or GREEN only, no
// identifier values or pseudonyms, no case reference.
import type { Alert } from '../alert.js';
import type { CountryCode } from '../codes.js';
import { ALPHA2 } from '../identifiers/country-alpha2.js';
import { exportText } from './export-text.js';
import { agencyIdentityId, exchangeUuid, isExportable, reportName } from './stix.js';

export interface MispTag {
  name: string;
  colour: string;
}

export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  object_relation?: string;
  to_ids: false;
  disable_correlation: boolean;
  timestamp: string;
  comment?: string;
}

export interface MispEvent {
  uuid: string;
  info: string;
  date: string;
  threat_level_id: string;
  analysis: string;
  published: true;
  timestamp: string;
  publish_timestamp: string;
  Orgc: { name: string; uuid: string };
  Tag: MispTag[];
  Attribute: MispAttribute[];
  Object: {
    uuid: string;
    name: string;
    'meta-category': string;
    description: string;
    template_uuid: string;
    template_version: string;
    timestamp: string;
    Attribute: MispAttribute[];
  }[];
}

/** One line of manifest.json, keyed there by the event's uuid. */
export type MispManifestEntry = Pick<MispEvent, 'info' | 'date' | 'threat_level_id' | 'analysis' | 'timestamp' | 'Orgc' | 'Tag'>;

// MISP's own TLP tags (misp-taxonomies "tlp"), with the colours MISP gives them.
const TLP_TAG: Record<'CLEAR' | 'GREEN', MispTag> = {
  CLEAR: { name: 'tlp:clear', colour: '#ffffff' },
  GREEN: { name: 'tlp:green', colour: '#33ff00' },
};

// misp-objects "geolocation" (template version 3); its uuid is written so in MISP's own tree.
const GEOLOCATION_TEMPLATE = { uuid: 'fdd30d5f-6752-45ed-bef2-25e8ce4d8a3', version: '3' };

const uuidOf = (stixId: string) => stixId.slice(stixId.indexOf('--') + 2);

/** The event for one released alert; `modified` is when the node stored this revision. */
export function alertToMispEvent(a: Alert, modified: string, publisher: { name: string }): MispEvent {
  if (!isExportable(a)) throw new Error(`alert ${a.id} is TLP:${a.tlp}: never exported`);
  const eventUuid = a.id;
  const timestamp = String(Math.floor(Math.max(Date.parse(modified), Date.parse(a.createdAt)) / 1000));
  // Attribute uuids are v5 too (stable re-export): derived from the event's, by role.
  const attribute = (role: string, type: string, category: string, value: string, extra: Partial<MispAttribute> = {}): MispAttribute => ({
    uuid: exchangeUuid(`alert:${a.id}:misp:${role}`),
    type,
    category,
    value,
    to_ids: false,
    disable_correlation: type === 'text' || type === 'float',
    timestamp,
    ...extra,
  });
  const tags: MispTag[] = [
    TLP_TAG[a.tlp],
    { name: `corridor:kind="${a.kind}"`, colour: '#0b5394' },
    ...(a.route ? [{ name: `corridor:route="${a.route.region}"`, colour: '#0b5394' }] : []),
    ...(a.status === 'withdrawn' ? [{ name: 'corridor:status="withdrawn"', colour: '#999999' }] : []),
  ];
  const text = exportText(a);
  const attributes: MispAttribute[] = [
    ...(text.summary
      ? [attribute('summary', 'text', 'Other', text.summary, { comment: 'Summary, as the publishing agency wrote it' })]
      : []),
    attribute('grading', 'text', 'Other', `${a.grading.source}${a.grading.information}`, { comment: '4x4 grading (source, information)' }),
  ];
  if (a.kind === 'route') {
    const d = a.routeDetails;
    attributes.push(attribute('transport', 'text', 'Other', d.transport, { comment: 'Means of transport' }));
    if (d.concealment) attributes.push(attribute('concealment', 'text', 'Other', d.concealment, { comment: 'Concealment method' }));
    for (const p of d.communicationPlatforms)
      attributes.push(attribute(`platform:${p}`, 'text', 'Other', p, { comment: 'Smugglers’ communication platform' }));
    if (d.priceObserved)
      attributes.push(
        attribute('price', 'text', 'Financial fraud', `${d.priceObserved.amount} ${d.priceObserved.currency}`, {
          comment: 'Price observed',
        }),
      );
    if (d.migrantCount !== undefined)
      attributes.push(attribute('migrants', 'counter', 'Other', String(d.migrantCount), { comment: 'Number of migrants' }));
  } else {
    const d = a.documentFraud;
    attributes.push(
      attribute('document', 'text', 'Other', `${d.fraudType} ${d.documentType} of ${d.issuingState}`, {
        comment: 'Fraud type, document type, issuing state (ICAO 9303)',
      }),
    );
    for (const f of d.featuresAffected)
      attributes.push(attribute(`feature:${f}`, 'text', 'Other', f, { comment: 'Document feature affected' }));
    attributes.push(attribute('detected', 'text', 'Other', d.detectedAt.place, { comment: 'Where the document was detected' }));
  }
  for (const k of new Set(a.identifiers.map((i) => i.kind)))
    attributes.push(
      attribute(`identifier-kind:${k}`, 'text', 'Other', k, { comment: 'An identifier of this kind is held by the publishing agency' }),
    );
  const objects = (a.route?.waypoints ?? []).map((w, i) => {
    const at = (rel: string, type: string, value: string) =>
      attribute(`waypoint:${i}:${rel}`, type, 'Other', value, { object_relation: rel, disable_correlation: rel !== 'country' });
    return {
      uuid: exchangeUuid(`alert:${a.id}:misp:waypoint:${i}`),
      name: 'geolocation',
      'meta-category': 'misc',
      description: `Waypoint ${i + 1} of ${a.route?.waypoints.length}${w.mode ? ` (${w.mode})` : ''}`,
      template_uuid: GEOLOCATION_TEMPLATE.uuid,
      template_version: GEOLOCATION_TEMPLATE.version,
      timestamp,
      Attribute: [
        at('country', 'text', ALPHA2[w.country as CountryCode] ?? w.country),
        ...(text.places[i] ? [at('city', 'text', text.places[i] as string)] : []),
        ...(w.latitude !== undefined && w.longitude !== undefined && text.places[i] === w.place
          ? [at('latitude', 'float', String(w.latitude)), at('longitude', 'float', String(w.longitude))]
          : []),
        at('text', 'text', `Waypoint ${i + 1}${w.mode ? `, by ${w.mode}` : ''}`),
      ],
    };
  });
  return {
    uuid: eventUuid,
    info: reportName(a),
    date: a.createdAt.slice(0, 10),
    // 4 is "undefined": Corridor grades its sources (4x4), not a threat level.
    threat_level_id: '4',
    // 2 is "completed": what an agency publishes is its assessment, not a draft.
    analysis: '2',
    published: true,
    timestamp,
    publish_timestamp: timestamp,
    Orgc: { name: publisher.name, uuid: uuidOf(agencyIdentityId(a.origin.agency)) },
    Tag: tags,
    Attribute: attributes,
    Object: objects,
  };
}

export function mispManifestEntry(e: MispEvent): MispManifestEntry {
  return {
    info: e.info,
    date: e.date,
    threat_level_id: e.threat_level_id,
    analysis: e.analysis,
    timestamp: e.timestamp,
    Orgc: e.Orgc,
    Tag: e.Tag,
  };
}
