// Field schemas reused across the contract's documents.
import { z } from 'zod';
import { COUNTRY_CODES, type CountryCode, ISSUING_STATE_CODES, type IssuingStateCode } from './codes.js';

/** An enum of codes whose error names what kind of code was expected, not the whole list. */
export function code<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: `must be ${what}` });
}

export const countryCode = code(COUNTRY_CODES as [CountryCode, ...CountryCode[]], 'an ISO 3166-1 alpha-3 country code, e.g. ITA, NER, NGA');

export const issuingStateCode = code(
  ISSUING_STATE_CODES as [IssuingStateCode, ...IssuingStateCode[]],
  'an ICAO 9303 issuing-state code, as printed on the document, e.g. NGA, ITA, D for Germany',
);

/** Agency ids are NATS subject tokens: lower-case letters, digits and hyphens. */
export const agencyId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be an agency id: 2–40 lower-case letters, digits or hyphens, starting with a letter');

export const networkId = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'must be a network id: 2–40 lower-case letters, digits or hyphens');

/** True for a UUID: lets a store answer "none" for an id no row can have, instead of a database error. */
export const isUuid = (value: string): boolean => z.uuid().safeParse(value).success;

export const isoDateTime = z.iso.datetime({ offset: true });
export const isoDate = z.iso.date();

/** A detached JWS (RFC 7515, appendix F): header and signature with the payload left out. */
export const detachedJws = z.string().regex(/^[A-Za-z0-9_-]+\.\.[A-Za-z0-9_-]+$/, 'must be a detached JWS');

/** An Ed25519 or P-256 public key as a JWK (RFC 7517); private parts are refused. */
export const publicJwk = z
  .looseObject({
    kty: z.enum(['OKP', 'EC']),
    crv: z.enum(['Ed25519', 'P-256']),
    x: z.string().min(1),
    y: z.string().optional(),
    kid: z.string().min(1, 'every key needs a key id (kid)'),
    alg: z.enum(['EdDSA', 'ES256']).optional(),
  })
  .refine((k) => !('d' in k), { message: 'must be a public key: a private key (d) must never be published' });
export type PublicJwk = z.infer<typeof publicJwk>;

export const jwks = z.object({ keys: z.array(publicJwk).min(1) });
export type Jwks = z.infer<typeof jwks>;

/** Time-ordered UUIDs (RFC 9562 v7): ids sort by creation, which keeps merged lists stable. */
export { v7 as newId } from 'uuid';
