// The pseudonym service as the signed membership declares it (issue 18): which agencies hold a
// share of the key of the oblivious epoch, each share's public key, how many must answer, and how
// many values each agency may have evaluated per minute and per day at every holder. Also the
// wire form of one evaluation, which a requesting node POSTs to `<holder node>/pseudonyms`.
import { z } from 'zod';
import { agencyId } from '../fields.js';
import { base64urlBytes, base64urlEncode } from '../pseudonym.js';
import type { KeyHolder } from './oblivious-pseudonym.js';
import { elementFrom } from './ristretto-oprf.js';
import { shareKeysAgree } from './threshold-key.js';

/** Most blinded values in one request: a bulk publish of 1,000 alerts with 5 identifiers each, and room. */
export const MAX_BLINDED_PER_REQUEST = 8192;

const BASE64URL_32 = /^[A-Za-z0-9_-]{43}$/;

/** A ristretto255 element, 32 bytes base64url, that decodes and is not the identity. */
const element = z
  .string()
  .regex(BASE64URL_32, 'must be a ristretto255 element: 43 base64url characters')
  .refine((s) => {
    try {
      elementFrom(base64urlBytes(s));
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid ristretto255 element (canonical encoding, not the identity)');

const evaluationLimits = z.strictObject({
  /** Values (not requests) one agency may have evaluated per minute at each key holder. */
  perMinute: z.number().int().min(1).max(10_000_000),
  /** And per day (a rolling 24 hours). */
  perDay: z.number().int().min(1).max(100_000_000),
});
export type EvaluationLimits = z.infer<typeof evaluationLimits>;

export const pseudonymService = z
  .strictObject({
    /** The key epoch its pseudonyms carry; HMAC epochs still in use are numbered below it. */
    epoch: z.number().int().min(1),
    /** How many key holders must answer for a pseudonym: t of the n listed. */
    threshold: z.number().int().min(1),
    /** k·G, the key the shares interpolate to. */
    publicKey: element,
    holders: z
      .array(
        z.strictObject({
          agency: agencyId,
          /** The share's x-coordinate, 1…255, as dealt. */
          index: z.number().int().min(1).max(255),
          /** k_i·G: each answer's proof is checked against it, so a wrong share is named. */
          publicKey: element,
        }),
      )
      .min(1),
    /** For every requesting agency, at every holder. */
    limits: evaluationLimits,
    /** Other limits for some agencies (a hub that publishes for many, say), by agency id. */
    agencyLimits: z.record(agencyId, evaluationLimits).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.threshold > s.holders.length)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `cannot exceed the ${s.holders.length} key holders listed` });
    const agencies = new Set<string>();
    const indices = new Set<number>();
    s.holders.forEach((h, i) => {
      if (agencies.has(h.agency)) ctx.addIssue({ code: 'custom', path: ['holders', i, 'agency'], message: `${h.agency} is listed twice` });
      if (indices.has(h.index))
        ctx.addIssue({ code: 'custom', path: ['holders', i, 'index'], message: `share ${h.index} is listed twice` });
      agencies.add(h.agency);
      indices.add(h.index);
    });
    if (!keyHoldersAgree(s))
      ctx.addIssue({
        code: 'custom',
        path: ['holders'],
        message: 'the share keys do not interpolate to publicKey: the holders would give different pseudonyms',
      });
  });
export type PseudonymService = z.infer<typeof pseudonymService>;

function keyHoldersAgree(s: { publicKey: string; threshold: number; holders: { index: number; publicKey: string }[] }): boolean {
  try {
    return shareKeysAgree(
      base64urlBytes(s.publicKey),
      s.threshold,
      s.holders.map((h) => ({ index: h.index, publicKey: base64urlBytes(h.publicKey) })),
    );
  } catch {
    return false;
  }
}

export function keyHoldersOf(s: PseudonymService): KeyHolder[] {
  return s.holders.map((h) => ({ agency: h.agency, index: h.index, publicKey: base64urlBytes(h.publicKey) }));
}

export function limitsFor(s: PseudonymService, agency: string): EvaluationLimits {
  return s.agencyLimits?.[agency] ?? s.limits;
}

/** Where a key holder's node evaluates: beside its GraphQL endpoint (…/graphql → …/pseudonyms). */
export function pseudonymServiceUrl(nodeUrl: string): string {
  return new URL('pseudonyms', nodeUrl).toString();
}

export const evaluationRequest = z.strictObject({
  epoch: z.number().int().min(1),
  blinded: z
    .array(z.string().regex(BASE64URL_32, 'must be a blinded element: 43 base64url characters'))
    .min(1)
    .max(MAX_BLINDED_PER_REQUEST),
  /**
   * false: answer the elements alone. A requester asks so when it can check every answer against
   * the other holders' (enough of them are expected to answer), and asks again with a proof only
   * when they disagree or too few answer. Absent means true, as before the field existed.
   */
  proof: z.boolean().optional(),
});
export type EvaluationRequest = z.infer<typeof evaluationRequest>;

export const evaluationAnswer = z.strictObject({
  evaluated: z.array(z.string().regex(BASE64URL_32)),
  /** c ‖ s, 64 bytes; absent when the request said `proof: false`. */
  proof: z
    .string()
    .regex(/^[A-Za-z0-9_-]{86}$/)
    .optional(),
});
export type EvaluationAnswer = z.infer<typeof evaluationAnswer>;

export const encodeBytes = base64urlEncode;
