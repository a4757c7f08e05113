import type { JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Jwks } from './fields.js';
import type { Membership } from './membership.js';
import { checkSuccessor, MembershipError, openSignedMembership, parseTrustAnchor, signMembership } from './membership-signature.js';
import { membershipWithKeys } from './testing/membership-with-keys.js';
import { refusalReason } from './testing/refusal-reason.js';
import { keyPair } from './testing/signing-members.js';

let secretariat: JWK;
let impostor: JWK;
let trust: Jwks;
let DOCUMENT: Membership;

const agencyKey = {
  kty: 'OKP',
  crv: 'Ed25519',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
  kid: 'it-polfr-1',
  alg: 'EdDSA',
} as const;

beforeAll(async () => {
  const world = await membershipWithKeys({
    network: { id: 'central-med', name: 'Central Mediterranean' },
    version: 3,
    agencies: [
      {
        id: 'it-polfr',
        name: 'Polizia di Frontiera',
        country: 'ITA',
        networks: ['liaison-central-med'],
        nodeUrl: 'http://127.0.0.1:4101/graphql',
        tokenIssuer: { issuer: 'https://issuer.it-polfr.invalid/', jwksUri: 'https://issuer.it-polfr.invalid/jwks.json' },
        alertSigningKeys: { keys: [agencyKey] },
      },
    ],
  });
  DOCUMENT = world.membership;
  secretariat = world.secretariat.priv;
  impostor = { ...(await keyPair('x')).priv, kid: world.secretariat.priv.kid };
  trust = parseTrustAnchor(JSON.stringify(world.trust));
});

const reasonOf = (text: string) => refusalReason(() => openSignedMembership(text, trust), MembershipError);

describe('signed membership document', () => {
  it('opens a document signed by the secretariat, whatever the order and spacing of its JSON', async () => {
    const signed = await signMembership(DOCUMENT, secretariat);
    expect(signed.signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const reordered = { signature: signed.signature, membership: Object.fromEntries(Object.entries(signed.membership).reverse()) };
    expect(await openSignedMembership(JSON.stringify(reordered, null, 4), trust)).toEqual(DOCUMENT);
  });

  it('refuses a document changed after signing, naming the signature', async () => {
    const signed = await signMembership(DOCUMENT, secretariat);
    const extraKey = { ...agencyKey, kid: 'mallory' };
    const tampered = structuredClone(signed);
    tampered.membership.agencies[0]?.alertSigningKeys.keys.push(extraKey);
    await expect(openSignedMembership(JSON.stringify(tampered), trust)).rejects.toMatchObject({
      reason: 'bad_signature',
      message: expect.stringContaining('does not match the document'),
    });
    expect(await reasonOf(JSON.stringify({ ...signed, membership: { ...signed.membership, version: 4 } }))).toBe('bad_signature');
  });

  it('refuses a document signed by a key the trust anchor does not hold, even under the right kid', async () => {
    expect(await reasonOf(JSON.stringify(await signMembership(DOCUMENT, impostor)))).toBe('bad_signature');
    const unknownKid = await signMembership(DOCUMENT, { ...impostor, kid: 'someone' });
    await expect(openSignedMembership(JSON.stringify(unknownKid), trust)).rejects.toThrow(/trust anchor does not hold/);
  });

  it('refuses what is not a signed document: not JSON, unsigned, a signature that is not detached', async () => {
    expect(await reasonOf('{ not json')).toBe('not_json');
    expect(await reasonOf(JSON.stringify(DOCUMENT))).toBe('not_signed');
    const signed = await signMembership(DOCUMENT, secretariat);
    expect(await reasonOf(JSON.stringify({ ...signed, signature: 'abc' }))).toBe('not_signed');
  });

  it('refuses a validly signed document that does not validate, naming the field', async () => {
    // Signed by the real key without going through signMembership's own check.
    const { CompactSign, importJWK } = await import('jose');
    const canonicalize = (await import('canonicalize')).default as unknown as (v: unknown) => string;
    const bad = { ...DOCUMENT, agencies: [{ ...DOCUMENT.agencies[0], country: 'XXX' }] };
    const jws = await new CompactSign(new TextEncoder().encode(canonicalize(bad)))
      .setProtectedHeader({ alg: 'EdDSA', kid: 'secretariat-1', typ: 'corridor-membership+jws' })
      .sign(await importJWK(secretariat, 'EdDSA'));
    const [h, , s] = jws.split('.');
    await expect(openSignedMembership(JSON.stringify({ membership: bad, signature: `${h}..${s}` }), trust)).rejects.toMatchObject({
      reason: 'invalid',
      message: expect.stringContaining('agencies.0.country'),
    });
  });

  it('will not sign a document that does not validate', async () => {
    const bad = { ...DOCUMENT, agencies: [{ ...DOCUMENT.agencies[0], tokenIssuer: { issuer: 'x' } }] } as unknown as Membership;
    await expect(signMembership(bad, secretariat)).rejects.toMatchObject({
      reason: 'invalid',
      message: expect.stringContaining('jwksUri'),
    });
  });

  it('takes only a newer version of the same network', () => {
    expect(() => checkSuccessor(DOCUMENT, { ...DOCUMENT, version: 4 })).not.toThrow();
    expect(() => checkSuccessor(DOCUMENT, { ...DOCUMENT, version: 3 })).toThrow(expect.objectContaining({ reason: 'rollback' }));
    expect(() => checkSuccessor(DOCUMENT, { ...DOCUMENT, version: 2 })).toThrow(/version 2 is not newer than the version in force \(3\)/);
    expect(() => checkSuccessor(DOCUMENT, { ...DOCUMENT, version: 9, network: { id: 'other-net', name: 'x' } })).toThrow(
      expect.objectContaining({ reason: 'other_network' }),
    );
  });

  it('reads a trust anchor only as a JWKS of public keys', async () => {
    expect(() => parseTrustAnchor('nope')).toThrow(/JWKS in JSON/);
    expect(() => parseTrustAnchor(JSON.stringify({ keys: [secretariat] }))).toThrow(/private key/);
    expect(() => parseTrustAnchor(JSON.stringify({ keys: [] }))).toThrow(/not a JWKS/);
  });
});

describe('membership schema: token issuer keys', () => {
  it('takes inline keys or an address, exactly one, and an https address unless on this machine', async () => {
    const { membership } = await import('./membership.js');
    const withIssuer = (tokenIssuer: unknown) => ({ ...DOCUMENT, agencies: [{ ...DOCUMENT.agencies[0], tokenIssuer }] });
    expect(membership.safeParse(withIssuer({ issuer: 'i', jwks: { keys: [agencyKey] } })).success).toBe(true);
    expect(membership.safeParse(withIssuer({ issuer: 'i', jwksUri: 'http://127.0.0.1:4100/agencies/x/jwks.json' })).success).toBe(true);
    expect(membership.safeParse(withIssuer({ issuer: 'i' })).success).toBe(false);
    expect(membership.safeParse(withIssuer({ issuer: 'i', jwks: { keys: [agencyKey] }, jwksUri: 'https://a.invalid/j' })).success).toBe(
      false,
    );
    const plain = membership.safeParse(withIssuer({ issuer: 'i', jwksUri: 'http://issuer.example.org/jwks.json' }));
    expect(plain.error?.issues[0]?.message).toMatch(/https/);
  });

  it('refuses two agencies with one token issuer', async () => {
    const { membership } = await import('./membership.js');
    const twin = { ...DOCUMENT.agencies[0], id: 'it-gdf' };
    const result = membership.safeParse({ ...DOCUMENT, agencies: [DOCUMENT.agencies[0], twin] });
    expect(result.error?.issues.map((i) => i.message)).toContain('another agency already uses this issuer');
  });
});
