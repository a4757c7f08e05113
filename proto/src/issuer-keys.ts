// Where the verifiers find an agency's token-signing keys: inline in the membership, at the JWKS
// address it lists, or at the `jwks_uri` its provider's OpenID discovery document names. Remote
// keys and discovery documents are cached; a fetch is never repeated faster than the cooldown,
// so a flood of tokens naming made-up key ids costs the provider at most one fetch per interval.
import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { OperatorError } from './errors.js';
import { jwksUri as jwksAddress, type MemberAgency, type Membership, type tokenSigningJwks } from './membership.js';

export interface JwksFetchOptions {
  /**
   * After a fetch, how long a token naming an unknown key id is refused without fetching again.
   * A rotated key is picked up by the first token that names it, one fetch per issuer; a flood
   * of tokens with made-up key ids costs the issuer at most one fetch per this interval. A
   * discovery document that could not be read is not asked for again within it either.
   */
  refetchCooldownMs: number;
  /** Keys (and discovery documents) older than this are fetched again before use. */
  cacheMaxAgeMs: number;
  /** A JWKS or discovery address that does not answer within this fails the token (keys_unavailable). */
  timeoutMs: number;
}

export const JWKS_FETCH_DEFAULTS: JwksFetchOptions = { refetchCooldownMs: 1000, cacheMaxAgeMs: 10 * 60_000, timeoutMs: 3000 };

/** Thrown by a key lookup that could not reach the issuer's keys (not the token's fault). */
export class KeysUnavailable extends OperatorError {
  readonly code = 'KEYS_UNAVAILABLE' as const;
  override name = 'KeysUnavailable';
}

/** OpenID Connect Discovery 1.0 §4: the configuration document sits under the issuer's own path. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
}

const MAX_DISCOVERY_CHARS = 100_000;

const discoveryDocument = z.looseObject({ issuer: z.string(), jwks_uri: jwksAddress });

type Entry = { jwksUri: string; fetchedAt: number } | { failedAt: number; problem: string };

/**
 * Reads `jwks_uri` from the provider's discovery document. The document must name the issuer
 * exactly as the membership does (Discovery §4.3): otherwise a provider could point verifiers at
 * another agency's keys. Redirects are not followed, for the same reason.
 */
function discovery(options: JwksFetchOptions) {
  const entries = new Map<string, Entry>();
  const pending = new Map<string, Promise<string>>();
  const fetchOnce = async (issuer: string): Promise<string> => {
    const url = discoveryUrl(issuer);
    try {
      const res = await fetch(url, {
        redirect: 'error',
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'application/json' },
      });
      if (!res.ok) throw new Error(`${url} answered ${res.status}`);
      // A provider's document is a few kilobytes: anything much larger is refused unparsed (the
      // fetch timeout bounds how long reading it may take).
      const text = await res.text();
      if (text.length > MAX_DISCOVERY_CHARS) throw new Error(`${url} answered more than ${MAX_DISCOVERY_CHARS} characters`);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error(`${url} did not answer JSON`);
      }
      const parsed = discoveryDocument.safeParse(json);
      if (!parsed.success)
        throw new Error(
          `${url} is not a usable discovery document (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`,
        );
      if (parsed.data.issuer !== issuer)
        throw new Error(`${url} names another issuer (${JSON.stringify(parsed.data.issuer.slice(0, 80))})`);
      entries.set(issuer, { jwksUri: parsed.data.jwks_uri, fetchedAt: Date.now() });
      return parsed.data.jwks_uri;
    } catch (e) {
      const problem = e instanceof Error ? e.message : String(e);
      const known = entries.get(issuer);
      // A provider briefly down keeps its last known address; only a never-read one fails.
      if (known && 'jwksUri' in known) return known.jwksUri;
      entries.set(issuer, { failedAt: Date.now(), problem });
      throw new KeysUnavailable(`the OpenID discovery document of ${issuer} could not be read: ${problem}`);
    }
  };
  return {
    async jwksUriOf(issuer: string): Promise<string> {
      const known = entries.get(issuer);
      const now = Date.now();
      if (known && 'jwksUri' in known && now - known.fetchedAt < options.cacheMaxAgeMs) return known.jwksUri;
      if (known && 'failedAt' in known && now - known.failedAt < options.refetchCooldownMs)
        throw new KeysUnavailable(`the OpenID discovery document of ${issuer} could not be read: ${known.problem}`);
      let inFlight = pending.get(issuer);
      if (!inFlight) {
        inFlight = fetchOnce(issuer).finally(() => pending.delete(issuer));
        pending.set(issuer, inFlight);
      }
      return inFlight;
    },
    forgetAllBut(issuers: Set<string>) {
      for (const issuer of entries.keys()) if (!issuers.has(issuer)) entries.delete(issuer);
    },
  };
}

type InlineJwks = z.infer<typeof tokenSigningJwks>;

/**
 * The key lookup for each issuer: inline keys as listed, or one cached remote key set per JWKS
 * address (jose's: fetched when missing or older than the cache age, and fetched once more when a
 * token names a key id it does not hold, unless it was fetched within the cooldown).
 */
export function issuerKeys(fetchOptions: JwksFetchOptions) {
  const local = new WeakMap<InlineJwks, JWTVerifyGetKey>();
  const remote = new Map<string, JWTVerifyGetKey>();
  const discovered = discovery(fetchOptions);
  let prunedAt = -1;

  const remoteSet = (agency: MemberAgency, uri: string): JWTVerifyGetKey => {
    let set = remote.get(uri);
    if (!set) {
      const fetched = createRemoteJWKSet(new URL(uri), {
        cooldownDuration: fetchOptions.refetchCooldownMs,
        cacheMaxAge: fetchOptions.cacheMaxAgeMs,
        timeoutDuration: fetchOptions.timeoutMs,
      });
      set = async (header, input) => {
        try {
          return await fetched(header, input);
        } catch (e) {
          if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSMultipleMatchingKeys) throw e;
          throw new KeysUnavailable(`agency ${agency.id}'s token keys could not be fetched from ${uri}: ${(e as Error).message}`);
        }
      };
      remote.set(uri, set);
    }
    return set;
  };

  return {
    /** The lookup for a token of this agency; `jwtVerify` calls it with the token's header. */
    of(agency: MemberAgency, membership: Membership): JWTVerifyGetKey {
      const { jwks, jwksUri, issuer } = agency.tokenIssuer;
      if (jwks) {
        const known = local.get(jwks);
        if (known) return known;
        const set = createLocalJWKSet(jwks);
        local.set(jwks, set);
        return set;
      }
      if (prunedAt !== membership.version) {
        // An address or issuer no longer in the membership is forgotten with its keys.
        const listed = new Set(membership.agencies.map((a) => a.tokenIssuer.jwksUri));
        discovered.forgetAllBut(new Set(membership.agencies.map((a) => a.tokenIssuer.issuer)));
        for (const uri of remote.keys()) if (!listed.has(uri)) remote.delete(uri);
        prunedAt = membership.version;
      }
      if (jwksUri) return remoteSet(agency, jwksUri);
      return async (header, input) => {
        const uri = await discovered.jwksUriOf(issuer);
        // A discovered address is dropped with the others at the next membership version, and read again.
        return remoteSet(agency, uri)(header, input);
      };
    },
  };
}
