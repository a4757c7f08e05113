// Test data: a few directory entries per agency and alerts full of (fictitious) identifiers whose
// raw values must never leave the originating node.
import { bySea, centralMediterranean, overland } from '@corridor/deploy';
import { type AlertInput, type DirectoryEntryInput, newId } from '@corridor/proto';

/** A directory entry of `agency`: a person reached by e-mail on weekdays, but for `over`. */
export function directoryEntryOf(
  agency: string,
  country: DirectoryEntryInput['country'],
  over: Partial<DirectoryEntryInput>,
): DirectoryEntryInput {
  return {
    id: newId(),
    agency,
    country,
    kind: 'person',
    name: 'Contact',
    roles: ['border_control'],
    languages: ['en'],
    availability: {
      always: false,
      timeZone: 'Europe/Rome',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00' }],
    },
    channels: [{ type: 'email', value: `desk@${agency}.example.org` }],
    lastVerified: '2026-10-01',
    ...over,
  };
}

export function testDirectory(): Record<string, DirectoryEntryInput[]> {
  return {
    'it-polfr': [
      directoryEntryOf('it-polfr', 'ITA', {
        name: 'Sala operativa Lampedusa',
        kind: 'desk',
        roles: ['border_control'],
        languages: ['it', 'en'],
        availability: { always: true, timeZone: 'Europe/Rome', hours: [] },
      }),
      directoryEntryOf('it-polfr', 'ITA', {
        name: 'Marco Bellini',
        roles: ['liaison_officer'],
        languages: ['it', 'fr'],
        postedIn: 'NER',
        covers: ['NER', 'LBY'],
      }),
    ],
    'ne-ppn': [
      directoryEntryOf('ne-ppn', 'NER', {
        name: 'Aïssata Moussa',
        roles: ['prosecutor', 'central_authority_mla'],
        competences: ['mla', 'extradition'],
        languages: ['fr', 'ha'],
        availability: {
          always: false,
          timeZone: 'Africa/Niamey',
          hours: [{ days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:00' }],
        },
      }),
    ],
    'ng-nis': [
      directoryEntryOf('ng-nis', 'NGA', {
        name: 'NIS Document Fraud Desk',
        kind: 'desk',
        roles: ['immigration'],
        competences: ['document_examination'],
        languages: ['en', 'yo'],
        availability: { always: true, timeZone: 'Africa/Lagos', hours: [] },
      }),
    ],
  };
}

/** Fictitious identifiers; tests assert that none of them is ever seen outside its node. */
export const RAW = {
  documentNumber: 'A07319842',
  holderName: 'Blessing Adebayo Okonkwo',
  phone: '+234 803 555 0147',
  handle: '@lampedusa_express',
};

/** A GREEN alert of `fields`, made afresh at each call (tests change what they get), with `over` in place. */
function greenAlert(fields: Partial<AlertInput>): (over?: Partial<AlertInput>) => AlertInput {
  return (over = {}) => ({ tlp: 'GREEN', ...structuredClone(fields), ...over }) as AlertInput;
}

export const documentFraudAlert = greenAlert({
  kind: 'document_fraud',
  grading: { source: 'A', information: '2' },
  summary: 'Counterfeit Nigerian passport presented on arrival, photo substituted, MRZ check digits wrong',
  documentFraud: {
    documentType: 'passport',
    issuingState: 'NGA',
    fraudType: 'counterfeit',
    featuresAffected: ['photo_substitution', 'mrz'],
    detectedAt: { place: 'airport', location: 'Roma Fiumicino', flight: 'AZ869' },
  },
  identifiers: [
    { kind: 'travel_document', value: RAW.documentNumber, qualifier: 'NGA' },
    { kind: 'person', value: RAW.holderName, qualifier: '1994-03-12' },
    { kind: 'phone', value: RAW.phone },
  ],
});

export const routeAlert = greenAlert({
  kind: 'route',
  grading: { source: 'B', information: '3' },
  summary: 'Rubber boats leaving Zuwara at night with 40-50 people, price 1,500 EUR per person',
  route: centralMediterranean(overland('NER', 'Agadez'), overland('LBY', 'Zuwara'), bySea('ITA', 'Lampedusa')),
  routeDetails: {
    transport: 'rubber_boat',
    communicationPlatforms: ['telegram'],
    priceObserved: { amount: 1500, currency: 'EUR' },
    migrantCount: 45,
  },
  identifiers: [{ kind: 'social_handle', value: RAW.handle, qualifier: 'telegram' }],
});

/** Every field of an alert's details, both kinds: what `details` held as one JSON object. */
export const ALERT_DETAILS = `routeDetails { transport concealment communicationPlatforms priceObserved { amount currency } migrantCount
    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to } }
  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }`;

export const ALERT_FIELDS = `id kind tlp recipients createdAt summary revision status
  origin { agency country } grading { source information }
  route { region waypoints { country place mode } } identifiers { kind pseudonym epoch } ${ALERT_DETAILS}`;

/** Replaces the caller's route subscription with `$f`, answering every field of it. */
export const SET_SUBSCRIPTION =
  'mutation($f: RouteSubscriptionInput!) { setSubscription(filter: $f) { kinds regions countries minimumGrading { source information } } }';
