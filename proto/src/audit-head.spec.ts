import { CompactSign, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAlertSigner, type Signable } from './alert-signature.js';
import { AUDIT_HEAD_TYP, type AuditHead, type AuditHeadSigner, createAuditHeadSigner, verifyAuditHead } from './audit-head.js';
import type { Membership } from './membership.js';
import { auditHeadSubject, parseAlertSubject, parseAuditHeadSubject } from './subjects.js';
import { keyPair, type SpecKeyPair, signingMembership } from './testing/signing-members.js';

let italy: AuditHeadSigner;
let nigerKey: SpecKeyPair;
let italyKey: SpecKeyPair;
let membership: Membership;

const head: AuditHead = { agency: 'it-polfr', seq: '42', hash: 'a'.repeat(64), at: '2026-11-30T10:00:00.000Z' };
const NOW = new Date('2026-11-30T10:00:05Z');

beforeAll(async () => {
  italyKey = await keyPair('it-polfr-alerts-1');
  nigerKey = await keyPair('ne-ppn-alerts-1');
  italy = await createAuditHeadSigner(italyKey.priv);
  membership = signingMembership([
    { id: 'it-polfr', country: 'ITA', pub: italyKey.pub },
    { id: 'ne-ppn', country: 'ITA', pub: nigerKey.pub },
  ]);
});

/** A compact JWS over any payload with Italy's key, as a hostile holder of that key could write. */
async function signedByItaly(payload: unknown, typ: string | null = AUDIT_HEAD_TYP): Promise<string> {
  const key = await importJWK(italyKey.priv, 'EdDSA');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'EdDSA', kid: italyKey.priv.kid, ...(typ ? { typ } : {}) })
    .sign(key);
}

describe('signed audit heads', () => {
  it('verify for the agency whose key signed its own chain’s head', async () => {
    const jws = await italy.sign(head);
    expect(await verifyAuditHead(jws, 'it-polfr', membership, NOW)).toEqual({ ok: true, head, kid: 'it-polfr-alerts-1' });
  });

  it('are refused when another agency sends them, or when they name another agency’s chain', async () => {
    const jws = await italy.sign(head);
    expect(await verifyAuditHead(jws, 'ne-ppn', membership, NOW)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not publish/),
    });
    const niger = await createAuditHeadSigner(nigerKey.priv);
    expect(await verifyAuditHead(await niger.sign(head), 'ne-ppn', membership, NOW)).toMatchObject({
      ok: false,
      reason: "a head of agency it-polfr's chain sent by ne-ppn",
    });
  });

  it('are refused when a byte of the head changed after signing', async () => {
    const [h, payload, sig] = (await italy.sign(head)).split('.') as [string, string, string];
    const altered = Buffer.from(JSON.stringify({ ...head, seq: '43' })).toString('base64url');
    expect(await verifyAuditHead(`${h}.${altered}.${sig}`, 'it-polfr', membership, NOW)).toEqual({
      ok: false,
      reason: 'signature does not match the head',
    });
    expect(payload).not.toBe(altered);
  });

  it('carry their own typ, so no other document the agency key signs passes for a head', async () => {
    expect(await verifyAuditHead(await signedByItaly(head, null), 'it-polfr', membership, NOW)).toEqual({
      ok: false,
      reason: `typ is not ${AUDIT_HEAD_TYP}`,
    });
    // An alert's detached signature, made whole with its payload, is not a head either.
    const alertSigner = await createAlertSigner(italyKey.priv);
    const signed = await alertSigner.sign<AuditHead & Signable>({ ...head });
    const [h, , sig] = (signed.signature ?? '').split('.');
    const payload = Buffer.from(JSON.stringify(head)).toString('base64url');
    expect((await verifyAuditHead(`${h}.${payload}.${sig}`, 'it-polfr', membership, NOW)).ok).toBe(false);
  });

  it('are refused when the payload is not a head, or dated in the future', async () => {
    expect(await verifyAuditHead(await signedByItaly({ ...head, seq: '-1' }), 'it-polfr', membership, NOW)).toMatchObject({
      ok: false,
      reason: 'not an audit head: seq',
    });
    expect(await verifyAuditHead(await signedByItaly({ ...head, extra: 1 }), 'it-polfr', membership, NOW)).toMatchObject({ ok: false });
    expect(await verifyAuditHead(await signedByItaly({ ...head, at: '2026-11-30T11:00:00Z' }), 'it-polfr', membership, NOW)).toEqual({
      ok: false,
      reason: 'dated in the future',
    });
    expect(await verifyAuditHead('not.a jws', 'it-polfr', membership, NOW)).toEqual({ ok: false, reason: 'not a compact JWS' });
  });

  it('from an agency not (yet) in the membership are worth a retry', async () => {
    expect(await verifyAuditHead(await italy.sign(head), 'xx-new', membership, NOW)).toMatchObject({ ok: false, unknownSigner: true });
  });
});

describe('the audit head subject', () => {
  it('is in the recipient’s inbox and ends in the sender’s id', () => {
    const subject = auditHeadSubject('corridor', 'ne-ppn', 'it-polfr');
    expect(subject).toBe('corridor.inbox.ne-ppn.audit.it-polfr');
    expect(parseAuditHeadSubject('corridor', subject)).toEqual({ recipient: 'ne-ppn', sender: 'it-polfr' });
    expect(parseAlertSubject('corridor', subject)).toBeNull();
    expect(parseAuditHeadSubject('corridor', 'corridor.inbox.ne-ppn.audit.it-polfr.x')).toBeNull();
    expect(parseAuditHeadSubject('other', subject)).toBeNull();
  });
});
