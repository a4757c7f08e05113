// Signed heads of a node's release audit (issue 11, part 5). A hash chain alone lets its owner
// drop the newest rows or recompute every hash after a change: nothing outside the node knows
// what the chain was. So each node signs the head of its chain (agency, sequence, hash, time) with
// its agency key and sends it to every partner, which keeps it, as Certificate Transparency's logs
// sign tree heads that monitors gossip (RFC 9162, section 4.10) and X-Road signs and time-stamps
// its message log. A chain that no longer contains a head a partner holds was rewritten or cut.
import { CompactSign, compactVerify, createLocalJWKSet, type JWK, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { ALERT_SIGNING_ALGORITHMS, importSigningKey, type SignatureVerdict } from './alert-signature.js';
import { agencyId, isoDateTime } from './fields.js';
import type { Membership } from './membership.js';

/**
 * The JWS `typ` of a head (RFC 8725, section 3.11: explicit typing), so that a head cannot be
 * taken for any other document the same key signs, nor another document for a head.
 */
export const AUDIT_HEAD_TYP = 'corridor-audit-head+jwt';

/** A head may be dated this far ahead of the receiver's clock, no further. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export const auditHead = z.strictObject({
  /** Whose chain: the signing agency. */
  agency: agencyId,
  /** The newest row's sequence number (a 64-bit counter, as a decimal string). */
  seq: z.string().regex(/^[1-9][0-9]{0,18}$/, 'must be a row number'),
  /** That row's chain hash (SHA-256, hex). */
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex'),
  /** When the head was signed. */
  at: isoDateTime,
});
export type AuditHead = z.infer<typeof auditHead>;

export interface AuditHeadSigner {
  /** A compact JWS of the head, typed AUDIT_HEAD_TYP, signed with the agency's alert-signing key. */
  sign(head: AuditHead): Promise<string>;
}

export async function createAuditHeadSigner(privateJwk: JWK): Promise<AuditHeadSigner> {
  const { alg, kid, key } = await importSigningKey(privateJwk);
  return {
    sign: (head) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(auditHead.parse(head))))
        .setProtectedHeader({ alg, kid, typ: AUDIT_HEAD_TYP })
        .sign(key),
  };
}

type AuditHeadVerdict = { ok: true; head: AuditHead; kid: string } | Extract<SignatureVerdict, { ok: false }>;

/**
 * Checks a head received from `sender`: a compact JWS of the right type, signed with one of the
 * alert-signing keys the membership lists for `sender`, over a head of `sender`'s own chain.
 */
export async function verifyAuditHead(jws: string, sender: string, membership: Membership, now = new Date()): Promise<AuditHeadVerdict> {
  const agency = membership.agencies.find((a) => a.id === sender);
  if (!agency) return { ok: false, reason: `sender ${sender} is not a member`, unknownSigner: true };
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(jws)) return { ok: false, reason: 'not a compact JWS' };
  let verified: Awaited<ReturnType<typeof compactVerify>>;
  try {
    verified = await compactVerify(jws, createLocalJWKSet(agency.alertSigningKeys), { algorithms: ALERT_SIGNING_ALGORITHMS });
  } catch (e) {
    if (e instanceof joseErrors.JWKSNoMatchingKey)
      return { ok: false, reason: `signed with a key agency ${sender} does not publish`, unknownSigner: true };
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature does not match the head' };
    if (e instanceof joseErrors.JOSEError) return { ok: false, reason: `signature not acceptable: ${e.message}` };
    throw e;
  }
  if (verified.protectedHeader.typ !== AUDIT_HEAD_TYP) return { ok: false, reason: `typ is not ${AUDIT_HEAD_TYP}` };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(verified.payload));
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = auditHead.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `not an audit head: ${parsed.error.issues.map((i) => i.path.join('.') || '(head)').join(', ')}` };
  const head = parsed.data;
  if (head.agency !== sender) return { ok: false, reason: `a head of agency ${head.agency}'s chain sent by ${sender}` };
  if (Date.parse(head.at) > now.getTime() + MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'dated in the future' };
  return { ok: true, head, kid: verified.protectedHeader.kid ?? '' };
}
