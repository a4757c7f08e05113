// For specs and tests that need "a membership with keys": a secretariat key pair and its trust
// anchor, and a valid membership whose agencies each have a token issuer and an alert-signing key
// of their own (fresh Ed25519 pairs), unless the caller gives an entry's parts. Not on proto's
// face: specs and tests of the whole only.
import type { JWK } from 'jose';
import type { Jwks } from '../fields.js';
import { type MemberAgency, type Membership, membership as membershipSchema } from '../membership.js';
import { signMembership } from '../membership-signature.js';
import { keyPair, type SpecKeyPair } from './signing-members.js';

/**
 * An agency of the membership: its id and country, and whatever of its entry the test fixes;
 * `issuer` names its token issuer while keeping the helper's key for it.
 */
export type AgencyInput = Pick<MemberAgency, 'id' | 'country'> & Partial<Omit<MemberAgency, 'id' | 'country'>> & { issuer?: string };

export interface MembershipWithKeys {
  membership: Membership;
  /** Signs the membership; its public half is `trust`. */
  secretariat: SpecKeyPair;
  trust: Jwks;
  /** Per agency, the pairs the helper made: its token issuer's (kid `<id>-idp-1`) and its alert signer's (kid `<id>-alerts-1`). */
  keys: Record<string, { issuer: SpecKeyPair; alerts: SpecKeyPair }>;
  /** The published file's text, `{ membership, signature }`, signed by `secretariat`. */
  signedText(document?: Membership): Promise<string>;
}

export async function membershipWithKeys(opts: {
  agencies: AgencyInput[];
  network?: Membership['network'];
  audience?: string;
  version?: number;
}): Promise<MembershipWithKeys> {
  const secretariat = await keyPair('secretariat-1');
  const keys: MembershipWithKeys['keys'] = {};
  const agencies = await Promise.all(
    opts.agencies.map(async ({ issuer, ...a }): Promise<MemberAgency> => {
      const own = { issuer: await keyPair(`${a.id}-idp-1`), alerts: await keyPair(`${a.id}-alerts-1`) };
      keys[a.id] = own;
      return {
        name: a.id,
        networks: [],
        nodeUrl: 'http://127.0.0.1:1/graphql',
        tokenIssuer: { issuer: issuer ?? `https://idp.${a.id}.invalid/`, jwks: { keys: [own.issuer.pub as never] } },
        alertSigningKeys: { keys: [own.alerts.pub as never] },
        ...a,
      };
    }),
  );
  const membership = membershipSchema.parse({
    network: opts.network ?? { id: 'test-net', name: 'Test network' },
    audience: opts.audience ?? 'corridor',
    version: opts.version ?? 1,
    agencies,
  });
  return {
    membership,
    secretariat,
    trust: { keys: [secretariat.pub as never] },
    keys,
    signedText: async (document = membership) => JSON.stringify(await signMembership(document, secretariat.priv as JWK)),
  };
}
