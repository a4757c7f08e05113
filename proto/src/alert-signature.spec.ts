import { beforeAll, describe, expect, it } from 'vitest';
import { type Alert, alert as alertSchema } from './alert.js';
import { type AlertSigner, createAlertSigner, verifyAlertSignature } from './alert-signature.js';
import type { Membership } from './membership.js';
import { storedRouteAlert } from './testing/alerts.js';
import { keyPair, signingMembership } from './testing/signing-members.js';

let signer: AlertSigner;
let impostor: AlertSigner;
let membership: Membership;

const alert: Alert = storedRouteAlert({ createdAt: '2026-11-24T10:00:00.000Z', summary: 'Night departures from Zuwara' });

beforeAll(async () => {
  const italy = await keyPair('it-polfr-alerts-1');
  const niger = await keyPair('ne-ppn-alerts-1');
  signer = await createAlertSigner(italy.priv);
  impostor = await createAlertSigner({ ...niger.priv, kid: 'it-polfr-alerts-1' });
  membership = signingMembership([
    { id: 'it-polfr', country: 'ITA', pub: italy.pub },
    { id: 'ne-ppn', country: 'NER', pub: niger.pub },
  ]);
});

describe('alert signatures', () => {
  it('verify for the origin agency, whatever the order of the JSON keys', async () => {
    const signed = await signer.sign(alert);
    expect(signed.signature).toMatch(/^[\w-]+\.\.[\w-]+$/);
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse()))) as Alert;
    expect(await verifyAlertSignature(reordered, membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
  });

  it('fail when any field was changed after signing', async () => {
    const signed = await signer.sign(alert);
    expect(await verifyAlertSignature({ ...signed, tlp: 'CLEAR' }, membership)).toEqual({
      ok: false,
      reason: 'signature does not match the alert',
    });
  });

  it('cover the language of the summary, and still verify alerts signed before it was stated', async () => {
    const stated: Alert = await signer.sign({ ...alert, summaryLanguage: 'fr' as const });
    expect(await verifyAlertSignature(stated, membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
    expect((await verifyAlertSignature({ ...stated, summaryLanguage: 'it' as const }, membership)).ok).toBe(false);
    // An alert of before: no such field at all, as it was signed and stored.
    const older = await signer.sign(alert);
    expect(older).not.toHaveProperty('summaryLanguage');
    expect(await verifyAlertSignature(alertSchema.parse(older), membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
  });

  it('cover the handling code and the evidence marking, so a receiver cannot claim it was told otherwise', async () => {
    const marked: Alert = await signer.sign({
      ...alert,
      handlingCode: 'H1' as const,
      evidence: { use: 'with_permission' as const, decidedBy: 'Giulia Russo, prosecutor' },
    });
    expect(await verifyAlertSignature(marked, membership)).toEqual({ ok: true, kid: 'it-polfr-alerts-1' });
    expect((await verifyAlertSignature({ ...marked, handlingCode: 'H0' as const }, membership)).ok).toBe(false);
    expect(
      (await verifyAlertSignature({ ...marked, evidence: { use: 'permitted', decidedBy: 'Giulia Russo, prosecutor' } }, membership)).ok,
    ).toBe(false);
    const { handlingCode: _, ...unmarked } = marked;
    expect((await verifyAlertSignature(unmarked as Alert, membership)).ok).toBe(false);
  });

  it('fail when another agency signs in the origin agency’s name', async () => {
    expect((await verifyAlertSignature(await impostor.sign(alert), membership)).ok).toBe(false);
    const claimedByNiger = await signer.sign({ ...alert, origin: { agency: 'ne-ppn', country: 'NER' } } as Alert);
    expect(await verifyAlertSignature(claimedByNiger, membership)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not publish|does not match/),
    });
  });

  it('fail for an unsigned alert', async () => {
    expect(await verifyAlertSignature(alert, membership)).toEqual({ ok: false, reason: 'unsigned alert' });
  });
});
