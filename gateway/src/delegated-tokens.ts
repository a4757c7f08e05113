// For each node other than the caller's own, the gateway sends a token delegated to that node alone,
// obtained from the caller's own agency node by RFC 8693 token exchange; the user's token goes to
// their own node only. The gateway holds no signing key: it can pass on what a node issued, never
// mint. Tokens are cached per (user token, target node) until shortly before they expire, so a
// fan-out costs one exchange per node every few minutes, and concurrent requests share one exchange.
import { createHash } from 'node:crypto';
import {
  ACCESS_TOKEN_TYPE,
  bearerToken,
  JWT_TOKEN_TYPE,
  type Membership,
  nodeUrn,
  OperatorError,
  TOKEN_EXCHANGE_GRANT,
  tokenExchangeUrl,
} from '@corridor/proto';

export interface Caller {
  /** The caller's Authorization header, as verified by the gateway. */
  authorization: string;
  agency: string;
}

export interface DelegatedTokens {
  /** The Authorization header to send to `target`'s node on the caller's behalf. */
  authorizationFor(caller: Caller, target: string): Promise<string>;
  /** Cached (and pending) tokens: bounded by maxEntries. */
  size(): number;
}

export interface DelegatedTokensOptions {
  membership: () => Membership;
  /** An exchange that does not answer within this fails (the target shows as not answering). */
  timeoutMs: number;
  maxEntries?: number;
  /** Asked again this long before expiry, so a token never expires on its way to the node. */
  refreshMarginS?: number;
  /**
   * How an agency's node is reached: the caller's token goes to its own node only through the
   * connection that checks that node's pins (node-clients.ts). The global fetch when none is given.
   */
  fetchFor?: (agency: string) => typeof fetch | undefined;
}

// Its message can carry a node's address or transport error: the operator's to read, in the log.
export class TokenExchangeError extends OperatorError {
  readonly code = 'TOKEN_EXCHANGE_FAILED' as const;
  override name = 'TokenExchangeError';
}

interface Entry {
  header: Promise<string>;
  /** Known once the exchange answered; until then the pending exchange is shared. */
  usableUntil?: number;
}

export function createDelegatedTokens(opts: DelegatedTokensOptions): DelegatedTokens {
  const maxEntries = opts.maxEntries ?? 10_000;
  const marginMs = (opts.refreshMarginS ?? 30) * 1000;
  const cache = new Map<string, Entry>();

  const exchange = async (caller: Caller, target: string): Promise<{ header: string; expiresInS: number }> => {
    const own = opts.membership().agencies.find((a) => a.id === caller.agency);
    if (!own) throw new TokenExchangeError(`agency ${caller.agency} has no node to exchange the caller's token`);
    const body = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: bearerToken(caller.authorization) ?? '',
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: JWT_TOKEN_TYPE,
      audience: nodeUrn(target),
    });
    const send = opts.fetchFor ? opts.fetchFor(caller.agency) : fetch;
    if (!send) throw new TokenExchangeError(`agency ${caller.agency} has no node to exchange the caller's token`);
    let response: Response;
    try {
      response = await send(tokenExchangeUrl(own.nodeUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
    } catch (e) {
      throw new TokenExchangeError(`token exchange at agency ${caller.agency}'s node failed: ${(e as Error).message}`);
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok) {
      const reason = typeof answer.error_description === 'string' ? answer.error_description : `HTTP ${response.status}`;
      throw new TokenExchangeError(
        `agency ${caller.agency}'s node refused the token exchange (${String(answer.error ?? 'error')}): ${reason}`,
      );
    }
    const { access_token: token, expires_in: expiresIn } = answer;
    if (typeof token !== 'string' || typeof expiresIn !== 'number' || !(expiresIn > 0))
      throw new TokenExchangeError(`agency ${caller.agency}'s node answered the token exchange without a token and its lifetime`);
    return { header: `Bearer ${token}`, expiresInS: expiresIn };
  };

  return {
    authorizationFor(caller, target) {
      if (target === caller.agency) return Promise.resolve(caller.authorization);
      // The cache holds a hash of the user's token, not the token.
      const key = `${createHash('sha256').update(caller.authorization).digest('base64url')} ${target}`;
      const now = Date.now();
      const known = cache.get(key);
      if (known && (known.usableUntil === undefined || known.usableUntil > now)) return known.header;
      if (known) cache.delete(key);
      const entry: Entry = {
        header: exchange(caller, target).then(
          ({ header, expiresInS }) => {
            // A short-lived token (the user's own expires soon) is used for at most half its life.
            entry.usableUntil = Date.now() + Math.max(0, expiresInS * 1000 - Math.min(marginMs, (expiresInS * 1000) / 2));
            return header;
          },
          (e: unknown) => {
            // A failed exchange is not remembered: the next request asks again.
            if (cache.get(key) === entry) cache.delete(key);
            throw e;
          },
        ),
      };
      // Bounded: the oldest entry goes first (Map keeps insertion order).
      while (cache.size >= maxEntries) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      cache.set(key, entry);
      return entry.header;
    },
    size: () => cache.size,
  };
}
