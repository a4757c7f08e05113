import { type Alert, createAlertSigner, type Membership, verifyAlertSignature } from '@corridor/proto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { toWireAlert } from './alerts/publish-alert.js';
import { nodeSignatures } from './signature-engine.js';
import { ITALY, NETWORK_KEY, routeInput, SPEC_MEMBERSHIP } from './testing/fixtures.js';

async function pair(alg: 'EdDSA' | 'ES256', kid: string): Promise<{ priv: JWK; pub: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { priv: { ...(await exportJWK(privateKey)), kid, alg }, pub: { ...(await exportJWK(publicKey)), kid, alg } };
}

function membershipWith(keys: JWK[]): Membership {
  return {
    ...SPEC_MEMBERSHIP,
    agencies: SPEC_MEMBERSHIP.agencies.map((a) =>
      a.id === ITALY.id ? { ...a, alertSigningKeys: { keys: keys as Membership['agencies'][number]['alertSigningKeys']['keys'] } } : a,
    ),
  };
}

const alert = toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date('2026-11-30T10:00:00Z'));
let ed: { priv: JWK; pub: JWK };
let ec: { priv: JWK; pub: JWK };
let other: { priv: JWK; pub: JWK };

beforeAll(async () => {
  ed = await pair('EdDSA', 'it-polfr-alerts-1');
  ec = await pair('ES256', 'it-polfr-alerts-2');
  other = await pair('EdDSA', 'it-polfr-alerts-1');
});

/** The verdicts on `doc` with Node's engine and with jose alone: they must be the same. */
async function bothVerdicts(doc: Alert, membership: Membership) {
  return [await verifyAlertSignature(doc, membership, nodeSignatures), await verifyAlertSignature(doc, membership)];
}

describe("Node's signature engine", () => {
  it('makes the very JWS jose makes with an Ed25519 key (deterministic signatures)', async () => {
    const native = await (await createAlertSigner(ed.priv, nodeSignatures)).sign(alert);
    const jose = await (await createAlertSigner(ed.priv)).sign(alert);
    expect(native.signature).toBe(jose.signature);
  });

  it('makes ES256 signatures that jose accepts, and accepts those jose makes', async () => {
    const membership = membershipWith([ed.pub, ec.pub]);
    const native = await (await createAlertSigner(ec.priv, nodeSignatures)).sign(alert);
    const jose = await (await createAlertSigner(ec.priv)).sign(alert);
    expect(await verifyAlertSignature(native, membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-2' });
    expect(await verifyAlertSignature(jose, membership, nodeSignatures)).toEqual({ ok: true, kid: 'it-polfr-alerts-2' });
  });

  it('gives every refusal the verdict and reason jose gives', async () => {
    const membership = membershipWith([ed.pub]);
    const signed = await (await createAlertSigner(ed.priv, nodeSignatures)).sign(alert);
    const impostor = await (await createAlertSigner(other.priv, nodeSignatures)).sign(alert);
    const unknownKid = await (await createAlertSigner({ ...ed.priv, kid: 'it-polfr-alerts-9' }, nodeSignatures)).sign(alert);
    const [header, , sig] = (signed.signature as string).split('.');
    const cases: Alert[] = [
      { ...signed, tlp: 'CLEAR' },
      impostor,
      unknownKid,
      { ...signed, signature: `${header}..${sig?.slice(2)}` },
      { ...signed, signature: `${btoa('{"alg":"none","kid":"it-polfr-alerts-1"}').replace(/=+$/, '')}..${sig}` },
      { ...signed, signature: `e30..${sig}` },
    ];
    for (const doc of cases) {
      const [native, jose] = await bothVerdicts(doc, membership);
      expect(native).toMatchObject({ ok: false });
      expect(native).toEqual(jose);
    }
    // An ES256 key published under the kid the Ed25519 signature names is no key for it.
    const [native, jose] = await bothVerdicts(signed, membershipWith([{ ...ec.pub, kid: 'it-polfr-alerts-1' }]));
    expect(native).toMatchObject({ ok: false });
    expect(native).toEqual(jose);
  });

  it('accepts what jose accepts', async () => {
    const signed = await (await createAlertSigner(ed.priv)).sign(alert);
    const [native, jose] = await bothVerdicts(signed, membershipWith([ec.pub, ed.pub]));
    expect(native).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
    expect(native).toEqual(jose);
  });
});
