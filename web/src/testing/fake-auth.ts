// Stand-ins for the authentication specs: a token source whose renewal the spec decides, and a
// gateway's fetch that notes the Authorization header of every request in the order they came.
import type { TokenSource } from '../token-source';

/** A source starting with `first`; renewal gives `renewsTo` (with no known expiry), or fails when there is none. */
export function fakeTokenSource(first: string, { renewsTo, expiresAt = null }: { renewsTo?: string; expiresAt?: number | null } = {}) {
  let token = first;
  let expiry = expiresAt;
  const renewals = { count: 0 };
  const source: TokenSource = {
    token: () => token,
    expiresAt: () => expiry,
    renew: async () => {
      renewals.count++;
      if (renewsTo === undefined) return false;
      token = renewsTo;
      expiry = null;
      return true;
    },
    follow: () => () => {},
  };
  // As the provider's own renewal does, in the background.
  const renewElsewhere = (next: string) => {
    token = next;
  };
  return { source, renewals, renewElsewhere };
}

/** A fetch answering each request by its Authorization header; `seen` lists the headers in order. */
export function recordingFetch(answer: (authorization: string | null) => Response) {
  const seen: (string | null)[] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const authorization = new Headers(init?.headers).get('authorization');
    seen.push(authorization);
    return answer(authorization);
  };
  return { fetch, seen };
}

/** The gateway's refusal of a token, with the reason the console shows. */
export const refusal = (reason: string) =>
  Response.json({ errors: [{ message: 'refused', extensions: { code: 'UNAUTHENTICATED', reason } }] }, { status: 401 });
