// The network's membership document for a run on one machine: who belongs, where each node
// answers, which keys sign its users' tokens and its alerts. Validated with proto before any
// process reads it, so a mistake here fails at launch rather than as a 401 later, and signed with
// the run's secretariat key, as the nodes and the gateway accept nothing else.
import {
  type Jwks,
  type MemberAgency,
  type Membership,
  memberAgency,
  membership as membershipSchema,
  parseOrThrow,
  signMembership,
} from '@corridor/proto';
import type { JWK } from 'jose';
import type { DevIssuer } from './dev-token-issuer.js';
import { DEV_CONSOLE_CLIENT_ID, issuerFor, oidcIssuerFor } from './dev-token-issuer.js';
import type { AgencySpec } from './network.js';

export const DEMO_NETWORK = { id: 'central-med-demo', name: 'Central Mediterranean route (demonstration network)' };
/** The network's audience: a URI, as OAuth resource indicators (RFC 8707) must be. */
export const AUDIENCE = 'urn:corridor:central-med-demo';

export interface MemberInput {
  agency: AgencySpec;
  issuer: DevIssuer;
  /** The running issuer's URL: the member lists its JWKS address there. Without it, its keys inline. */
  issuerUrl?: string | undefined;
  alertSigningKeys: Jwks;
  /** The public keys with which the agency's node signs delegated tokens for its users. */
  delegationKeys?: Jwks | undefined;
  nodeUrl: string;
  /** The keys of its node's and its leaf's certificates (`pin-sha256`), when the network runs TLS. */
  tlsPins?: string[] | undefined;
}

/** One agency's entry. With an issuer URL the verifiers fetch its token keys, as from an OpenID Connect provider. */
export function buildMember({
  agency: a,
  issuer,
  issuerUrl,
  alertSigningKeys,
  delegationKeys,
  nodeUrl,
  tlsPins,
}: MemberInput): MemberAgency {
  return parseOrThrow(
    memberAgency,
    {
      id: a.id,
      name: a.name,
      country: a.country,
      networks: a.networks ?? [],
      nodeUrl,
      tokenIssuer: issuerUrl
        ? // The issuer is the agency's OpenID provider at the running issuer, which the console signs in at.
          { issuer: oidcIssuerFor(issuerUrl, a.id), jwksUri: `${issuerUrl}${issuer.jwksPath(a.id)}`, clientId: DEV_CONSOLE_CLIENT_ID }
        : { issuer: issuerFor(a.id), jwks: issuer.jwks(a.id) },
      alertSigningKeys,
      ...(delegationKeys ? { delegationKeys } : {}),
      ...(tlsPins ? { tlsPins } : {}),
    },
    `membership entry of ${a.id}`,
  );
}

export function buildMembership(input: {
  agencies: AgencySpec[];
  issuer: DevIssuer;
  issuerUrl?: string;
  alertSigningKeys: Record<string, Jwks>;
  /** Without them an agency's users can reach their own node only (as in specs of the issuer alone). */
  delegationKeys?: Record<string, Jwks>;
  nodeUrls: Record<string, string>;
  /** Each agency's certificate pins, when the network runs TLS. */
  tlsPins?: Record<string, string[] | undefined> | undefined;
  /** The network CA's fingerprint, when the bus runs over TLS: the membership pins it. */
  natsCaFingerprints?: string[] | undefined;
  /** The network's statutory answer times (proto answer-times.ts); absent: Directive 2023/977's. */
  answerTimes?: Membership['answerTimes'];
  networkRecords?: Membership['networks'];
  liaisonPosts?: Membership['liaisonPosts'];
}): Membership {
  return parseOrThrow(
    membershipSchema,
    {
      network: DEMO_NETWORK,
      audience: AUDIENCE,
      version: 1,
      ...(input.natsCaFingerprints ? { natsCaFingerprints: input.natsCaFingerprints } : {}),
      ...(input.answerTimes ? { answerTimes: input.answerTimes } : {}),
      ...(input.networkRecords ? { networks: input.networkRecords } : {}),
      ...(input.liaisonPosts ? { liaisonPosts: input.liaisonPosts } : {}),
      agencies: input.agencies.map((a) =>
        buildMember({
          agency: a,
          issuer: input.issuer,
          issuerUrl: input.issuerUrl,
          alertSigningKeys: input.alertSigningKeys[a.id] as Jwks,
          delegationKeys: input.delegationKeys?.[a.id],
          nodeUrl: input.nodeUrls[a.id] as string,
          tlsPins: input.tlsPins?.[a.id],
        }),
      ),
    },
    'membership document',
  );
}

/** The signed file's text: `{ membership, signature }`. */
export async function signedMembershipText(document: Membership, secretariatKey: JWK): Promise<string> {
  return `${JSON.stringify(await signMembership(document, secretariatKey), null, 2)}\n`;
}
