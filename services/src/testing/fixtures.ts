// For specs only: a member agency, a network key and inputs with fictitious identifiers.

import {
  type AlertInput,
  createAlertSigner,
  createAuditHeadSigner,
  type MemberAgency,
  type Membership,
  parseNetworkKeyring,
  type ReleasePolicy,
  releasePolicy,
} from '@corridor/proto';
import { createFeed } from '../alerts/feed.js';
import { ownAlertWriter, type PublishContext } from '../alerts/publish-alert.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { ProtectionNotifier } from '../consultations/protection.js';
import type { Db } from '../database.js';
import { localPseudonymizer } from '../pseudonyms/pseudonymizer.js';

// A key made for these specs only, never used anywhere else.
const ITALY_SIGNING_JWK = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: '1RddPP6q4qllhm0RjXlW8BFdcWJkL2PQVPc4NvKkHnQ',
  d: '13LD1PsdLjqo5a0f66x9K9hOQTgt7Icw3c-JKqegd-U',
  kid: 'it-polfr-alerts-spec',
  alg: 'EdDSA',
};
const { d: _, ...ITALY_PUBLIC_JWK } = ITALY_SIGNING_JWK;

export const ITALY: MemberAgency = {
  id: 'it-polfr',
  name: 'Polizia di Frontiera',
  country: 'ITA',
  networks: [],
  nodeUrl: 'http://127.0.0.1:1/graphql',
  tokenIssuer: { issuer: 'https://issuer.it-polfr.invalid/', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'k' }] } },
  alertSigningKeys: { keys: [ITALY_PUBLIC_JWK as MemberAgency['alertSigningKeys']['keys'][number]] },
};

export const italySigner = () => createAlertSigner(ITALY_SIGNING_JWK);
export const italyHeadSigner = () => createAuditHeadSigner(ITALY_SIGNING_JWK);

/** A network of Italy and Niger, as the inbox of Niger's node sees it. */
export const SPEC_MEMBERSHIP: Membership = {
  network: { id: 'spec-net', name: 'Spec network' },
  audience: 'corridor',
  version: 1,
  agencies: [
    ITALY,
    {
      ...ITALY,
      id: 'ne-ppn',
      name: 'Pôle judiciaire',
      country: 'NER',
      alertSigningKeys: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'n' }] },
    },
    {
      ...ITALY,
      id: 'ng-nis',
      name: 'Nigeria Immigration Service',
      country: 'NGA',
      alertSigningKeys: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'g' }] },
    },
  ],
};

/** Italy's policy in specs: alerts to every member, the case reference to prosecutors only. */
export const SPEC_POLICY: ReleasePolicy = releasePolicy.parse({
  agency: 'it-polfr',
  version: 1,
  rules: [
    { id: 'alerts-prosecutors', resource: 'alert', roles: ['prosecutor'] },
    { id: 'alerts-members', resource: 'alert', redact: ['caseReference'] },
    { id: 'directory-members', resource: 'directory_entry' },
  ],
});

export const NETWORK_KEY = parseNetworkKeyring(`1:${Buffer.alloc(32, 3).toString('base64url')}`);

export const RAW_DOCUMENT = 'B55512345';

/** Italy's GREEN route alert from Libya to Italy as an officer writes it, carrying one raw document number. */
const ROUTE_INPUT = {
  kind: 'route',
  tlp: 'GREEN',
  grading: { source: 'B', information: '2' },
  summary: 'Night departures from Zuwara',
  route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY' }, { country: 'ITA' }] },
  routeDetails: { transport: 'rubber_boat' },
  identifiers: [{ kind: 'travel_document', value: RAW_DOCUMENT, qualifier: 'NGA' }],
} satisfies AlertInput;

export function routeInput(over: Partial<AlertInput> = {}): AlertInput {
  return { ...ROUTE_INPUT, ...over } as AlertInput;
}

/**
 * Raises no notice: specs that publish count what they wrote themselves (statistics), and those
 * about notices make a notifier of their own.
 */
export const NO_PROTECTION_NOTICES: ProtectionNotifier = {
  forAlerts: async () => {},
  forConsultationEvents: async () => {},
  catchUp: async () => 0,
};

/** Italy's node publishing into a spec's database; override what the spec watches (feed, onQueued). */
export async function italyPublishing(db: Db, over: Partial<PublishContext> = {}): Promise<PublishContext> {
  return {
    db,
    feed: createFeed(),
    agency: ITALY,
    pseudonymizer: localPseudonymizer(NETWORK_KEY),
    subjectRoot: 'corridor',
    storeOwn: ownAlertWriter(db, over.protection ?? NO_PROTECTION_NOTICES),
    protection: NO_PROTECTION_NOTICES,
    membership: () => SPEC_MEMBERSHIP,
    policy: () => SPEC_POLICY,
    signer: await italySigner(),
    onQueued: () => {},
    ...over,
  };
}

/** Release audit record `i`: alert number `i` sent to Niger's node under the members' rule, but for `over`. */
export function auditRecord(i: number, over: Partial<AuditRecord> = {}): AuditRecord {
  return {
    channel: 'bus',
    agency: 'ne-ppn',
    subject: null,
    resource: 'alert',
    items: [`0192f1e2-0000-7000-8000-${String(i).padStart(12, '0')}@1`],
    rule: 'alerts-members',
    policyVersion: 1,
    ...over,
  };
}
