// Demonstration data for the central Mediterranean route. Every name, number and address here is
// fictitious: phone numbers are in ranges reserved for fiction or unassigned, e-mail addresses are
// at example.org.
import type { AlertInput, DirectoryEntryInput } from '@corridor/proto';
import { aroundTheClock, demoDirectory, desk, email, hoursIn, MONDAY_TO_FRIDAY, person, phone } from './demo-entries.js';
import type { UserSpec } from './dev-token-issuer.js';
import type { AgencySpec } from './network.js';
import { bySea, centralMediterranean, overland } from './route-parts.js';

export const DEMO_AGENCIES: AgencySpec[] = [
  { id: 'it-polfr', name: 'Polizia di Frontiera — Lampedusa border police unit', country: 'ITA', networks: ['liaison-central-med'] },
  { id: 'ne-ppn', name: 'Pôle judiciaire spécialisé — prosecutor’s office, Niamey', country: 'NER', networks: ['wacap'] },
  { id: 'ng-nis', name: 'Nigeria Immigration Service', country: 'NGA', networks: ['wacap', 'liaison-central-med'] },
];

export const DEMO_USERS: UserSpec[] = [
  { id: 'giulia.russo', name: 'Giulia Russo', agency: 'it-polfr', roles: ['border_officer'] },
  { id: 'aissata.moussa', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] },
  { id: 'chinedu.okafor', name: 'Chinedu Okafor', agency: 'ng-nis', roles: ['border_officer', 'liaison_officer'] },
  { id: 'ibrahim.sani', name: 'Ibrahim Sani', agency: 'ne-ppn', roles: ['investigator'] },
  // Formal requests go between prosecutors and central authorities: Italy's is the Ministry of
  // Justice's international cooperation office, which the border police's node serves in the demo.
  { id: 'paolo.ferri', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['central_authority'] },
  // Administrators keep their agency's directory and read its release audit.
  { id: 'elena.conti', name: 'Elena Conti', agency: 'it-polfr', roles: ['administrator'] },
  { id: 'moussa.issoufou', name: 'Moussa Issoufou', agency: 'ne-ppn', roles: ['administrator'] },
  { id: 'ngozi.eze', name: 'Ngozi Eze', agency: 'ng-nis', roles: ['administrator'] },
];

export const DEMO_DIRECTORY: Record<string, DirectoryEntryInput[]> = demoDirectory(DEMO_AGENCIES, {
  'it-polfr': [
    desk('Sala operativa — Lampedusa', {
      title: '24/7 operations room, border police',
      roles: ['border_control'],
      competences: ['informal_contact'],
      networks: ['liaison-central-med'],
      covers: ['ITA', 'LBY', 'TUN'],
      languages: ['it', 'en', 'fr'],
      availability: aroundTheClock('Europe/Rome'),
      channels: [phone('+39 0922 000 111', 'operations room'), email('sala.lampedusa@it-polfr.example.org')],
      lastVerified: '2026-10-12',
      // Italy's 24/7 single point of contact (issue 17): first where urgency matters.
      spoc: true,
    }),
    person('Marco Bellini', {
      title: 'Immigration liaison officer',
      roles: ['liaison_officer'],
      competences: ['informal_contact'],
      networks: ['liaison-central-med'],
      postedIn: 'NER',
      covers: ['NER', 'LBY', 'TCD'],
      routes: ['central-mediterranean'],
      languages: ['it', 'fr', 'en'],
      availability: hoursIn('Africa/Niamey', '08:00', '17:00'),
      channels: [phone('+227 20 72 01 02'), { type: 'secure_messaging', value: 'marco.bellini (Corridor secure chat)' }],
      lastVerified: '2026-09-30',
    }),
    person('Elena Ferraro', {
      title: 'Document examiner, Agrigento',
      roles: ['border_control'],
      competences: ['document_examination'],
      languages: ['it', 'en'],
      availability: hoursIn('Europe/Rome', '07:30', '15:30'),
      channels: [email('documenti.agrigento@it-polfr.example.org')],
      lastVerified: '2026-03-02',
      notes: 'Compares suspect documents against reference specimens; send images with personal fields masked.',
    }),
    desk('Ministero della Giustizia — Ufficio II, cooperazione internazionale', {
      title: 'Central authority for mutual legal assistance and extradition (Italy)',
      roles: ['central_authority_mla'],
      competences: ['mla', 'extradition'],
      networks: ['liaison-central-med'],
      covers: ['ITA'],
      languages: ['it', 'en', 'fr'],
      availability: hoursIn('Europe/Rome', '09:00', '17:00'),
      channels: [phone('+39 06 000 0220'), email('ufficio2.cooperazione@it-polfr.example.org')],
      lastVerified: '2026-11-16',
      notes: 'Formal requests in Italian, English or French; an informal consultation first is welcome.',
    }),
    desk('Child protection focal point — Lampedusa hotspot', {
      roles: ['protection'],
      languages: ['it', 'en', 'fr', 'ar'],
      availability: aroundTheClock('Europe/Rome'),
      channels: [phone('+39 0922 000 199')],
      lastVerified: '2026-11-02',
      notes: 'Unaccompanied and separated children arriving by sea: call before disembarkation where possible.',
    }),
  ],
  'ne-ppn': [
    person('Aïssata Moussa', {
      title: 'Procureure, pôle judiciaire spécialisé',
      roles: ['prosecutor', 'network_focal_point'],
      competences: ['mla', 'joint_investigation_team', 'informal_contact'],
      networks: ['wacap'],
      covers: ['NER'],
      routes: ['central-mediterranean'],
      languages: ['fr', 'ha', 'en'],
      availability: {
        always: false,
        timeZone: 'Africa/Niamey',
        hours: [
          { days: ['mon', 'tue', 'wed', 'thu'], from: '08:00', to: '16:30' },
          { days: ['fri'], from: '08:00', to: '12:30' },
        ],
        absences: [{ from: '2026-12-21', to: '2027-01-04', note: 'annual leave' }],
      },
      channels: [phone('+227 20 72 02 01'), email('a.moussa@ne-ppn.example.org')],
      lastVerified: '2026-10-20',
    }),
    desk('Autorité centrale — entraide judiciaire', {
      title: 'Central authority for mutual legal assistance and extradition',
      roles: ['central_authority_mla'],
      competences: ['mla', 'extradition'],
      networks: ['wacap'],
      covers: ['NER'],
      languages: ['fr', 'en'],
      availability: hoursIn('Africa/Niamey', '08:00', '17:00'),
      channels: [email('entraide@ne-ppn.example.org'), { type: 'fax', value: '+227 20 72 02 99' }],
      lastVerified: '2025-12-15',
      notes: 'Formal requests in French; informal contact first is welcome.',
    }),
    person('Ibrahim Sani', {
      title: 'Investigating officer, Agadez antenna',
      roles: ['police_investigation'],
      competences: ['financial_investigation'],
      covers: ['NER', 'LBY'],
      languages: ['fr', 'ha', 'ar'],
      availability: hoursIn('Africa/Niamey', '07:00', '14:00', [...MONDAY_TO_FRIDAY, 'sat']),
      channels: [phone('+227 20 72 02 03')],
      lastVerified: '2026-08-08',
    }),
    person('Fanny Lefèvre', {
      title: 'Liaison magistrate (posted from France)',
      roles: ['liaison_magistrate'],
      competences: ['mla', 'extradition', 'informal_contact'],
      networks: ['wacap'],
      postedIn: 'NER',
      covers: ['NER', 'TCD', 'MLI'],
      languages: ['fr', 'en'],
      availability: hoursIn('Africa/Niamey', '09:00', '18:00'),
      channels: [email('magistrat.liaison@ne-ppn.example.org')],
      lastVerified: '2026-11-10',
    }),
  ],
  'ng-nis': [
    desk('NIS Document Fraud Desk — Lagos airport', {
      title: 'Forensic document examination',
      roles: ['immigration', 'border_control'],
      competences: ['document_examination', 'informal_contact'],
      networks: ['liaison-central-med'],
      covers: ['NGA'],
      languages: ['en', 'yo', 'ha'],
      availability: aroundTheClock('Africa/Lagos'),
      channels: [phone('+234 201 280 0101'), email('docfraud.lagos@ng-nis.example.org')],
      lastVerified: '2026-10-28',
    }),
    person('Chinedu Okafor', {
      title: 'Immigration liaison officer',
      roles: ['liaison_officer', 'immigration'],
      competences: ['informal_contact'],
      networks: ['liaison-central-med', 'wacap'],
      postedIn: 'ITA',
      covers: ['ITA', 'NGA'],
      languages: ['en', 'it'],
      availability: hoursIn('Europe/Rome', '09:00', '17:00'),
      channels: [phone('+39 06 000 0303'), email('c.okafor@ng-nis.example.org')],
      lastVerified: '2026-07-19',
    }),
    desk('Anti-smuggling unit — Abuja headquarters', {
      roles: ['police_investigation', 'network_focal_point'],
      competences: ['joint_investigation_team', 'financial_investigation'],
      networks: ['wacap'],
      covers: ['NGA', 'NER'],
      languages: ['en', 'ha', 'yo'],
      availability: hoursIn('Africa/Lagos', '08:00', '16:00'),
      channels: [email('ants@ng-nis.example.org')],
      lastVerified: '2026-05-05',
    }),
    person('Ngozi Eze', {
      title: 'Victim and child protection officer',
      roles: ['protection'],
      covers: ['NGA'],
      languages: ['en', 'yo'],
      availability: hoursIn('Africa/Lagos', '08:00', '16:00'),
      channels: [phone('+234 209 461 0404')],
      lastVerified: '2026-09-09',
    }),
  ],
});

// Distributes over the alert kinds, so that each keeps the fields of its own kind.
type WithTlpOptional<T> = T extends unknown ? Omit<T, 'tlp'> & Partial<Pick<T, 'tlp' & keyof T>> : never;

/** `input` as `user` publishes it: GREEN, for the whole network to read, unless it says otherwise. */
const publishedBy = (user: string, input: WithTlpOptional<AlertInput>) => ({
  user,
  input: { tlp: 'GREEN', ...input } satisfies AlertInput,
});

/** Alerts published through the gateway, each by a user of its originating agency. */
export const DEMO_ALERTS: { user: string; input: AlertInput }[] = [
  publishedBy('giulia.russo', {
    kind: 'route',
    grading: { source: 'B', information: '2' },
    summary:
      'Departures from Zuwara by night in overloaded rubber boats; passengers report transit through Agadez and Sabha, three weeks in Libya.',
    // Released only to prosecutors of agencies sharing a network with Italy (standard policy).
    caseReference: 'AG-2026-0417',
    route: centralMediterranean(
      overland('NER', 'Agadez', [16.97, 7.99]),
      overland('LBY', 'Sabha', [27.04, 14.43]),
      overland('LBY', 'Zuwara', [32.93, 12.08]),
      bySea('ITA', 'Lampedusa', [35.5, 12.6]),
    ),
    routeDetails: {
      transport: 'rubber_boat',
      concealment: 'none',
      communicationPlatforms: ['facebook', 'whatsapp'],
      priceObserved: { amount: 1800, currency: 'EUR' },
      migrantCount: 48,
      vulnerablePersons: { children: 6, unaccompaniedMinors: 4 },
    },
    identifiers: [
      { kind: 'phone', value: '+218 91 000 4455' },
      { kind: 'social_handle', value: '@zuwara_crossings', qualifier: 'facebook' },
    ],
  }),
  publishedBy('ibrahim.sani', {
    kind: 'route',
    grading: { source: 'A', information: '3' },
    summary: 'Pick-ups leaving Agadez northbound at dawn avoiding checkpoints, convoys of 4-5 vehicles, 25-30 passengers each.',
    route: centralMediterranean(
      overland('NER', 'Agadez', [16.97, 7.99]),
      overland('NER', 'Séguédine', [20.2, 12.98]),
      overland('LBY', 'Sabha', [27.04, 14.43]),
    ),
    routeDetails: {
      transport: 'pickup',
      communicationPlatforms: ['whatsapp'],
      priceObserved: { amount: 350000, currency: 'XOF' },
      migrantCount: 130,
    },
    identifiers: [
      { kind: 'vehicle_plate', value: 'AG 4471 NE', qualifier: 'NER' },
      { kind: 'phone', value: '+227 96 00 00 42' },
    ],
  }),
  publishedBy('giulia.russo', {
    kind: 'document_fraud',
    grading: { source: 'A', information: '1' },
    summary:
      'Counterfeit Nigerian passport detected at arrival from Lagos: photo page reprinted, MRZ check digit wrong, laminate without the diffractive feature.',
    documentFraud: {
      documentType: 'passport',
      issuingState: 'NGA',
      fraudType: 'counterfeit',
      featuresAffected: ['biodata_page', 'mrz', 'laminate'],
      detectedAt: { place: 'airport', location: 'Roma Fiumicino', flight: 'AZ869' },
    },
    identifiers: [
      { kind: 'travel_document', value: 'A09990001', qualifier: 'NGA' },
      { kind: 'phone', value: '+234 803 000 0177' },
    ],
  }),
  publishedBy('giulia.russo', {
    kind: 'document_fraud',
    tlp: 'AMBER',
    recipients: ['ng-nis'],
    // The permit's holder may be a victim: not for court without Italy's leave (Request permission in the demo).
    handlingCode: 'H1',
    evidence: { use: 'with_permission' },
    grading: { source: 'B', information: '2' },
    summary:
      'Impostor using a genuine Italian residence permit of a look-alike; the holder of the permit may be a victim of identity theft.',
    documentFraud: {
      documentType: 'residence_permit',
      issuingState: 'ITA',
      fraudType: 'impostor',
      featuresAffected: ['photo_substitution'],
      detectedAt: { place: 'airport', location: 'Roma Fiumicino' },
    },
    identifiers: [
      { kind: 'travel_document', value: 'I0A123456', qualifier: 'ITA' },
      { kind: 'person', value: 'Kelechi Nwosu', qualifier: '1991-04-17' },
    ],
  }),
  publishedBy('chinedu.okafor', {
    kind: 'document_fraud',
    grading: { source: 'B', information: '3' },
    summary: 'Birth certificates obtained fraudulently from a local registry and used as breeder documents for genuine passports.',
    documentFraud: {
      documentType: 'breeder_document',
      issuingState: 'NGA',
      fraudType: 'fraudulently_obtained_genuine',
      featuresAffected: [],
      detectedAt: { place: 'consulate', location: 'Passport office, Benin City' },
    },
  }),
  publishedBy('aissata.moussa', {
    kind: 'route',
    tlp: 'RED',
    grading: { source: 'A', information: '2' },
    summary: 'Ongoing judicial investigation into a transport network; not to be shared outside the office.',
    route: centralMediterranean(overland('NER', 'Niamey', [13.51, 2.11]), overland('NER', 'Agadez', [16.97, 7.99])),
    routeDetails: { transport: 'bus', communicationPlatforms: ['telegram'] },
  }),
];
