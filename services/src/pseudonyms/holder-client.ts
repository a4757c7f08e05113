// Asking a key holder to evaluate a batch of blinded elements: over HTTP to its node's
// `/pseudonyms`, with a token this node delegates for the asking user to that node alone (the same
// trust path as every other call on a user's behalf: proto delegation-token.ts). When this node is
// itself a holder it evaluates in-process, under the same limits and audit.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import {
  type AccessClaims,
  agencyOf,
  base64urlBytes,
  base64urlEncode,
  type DelegationSigner,
  type EvaluationAnswer,
  type EvaluationRequest,
  evaluationAnswer,
  type HolderAnswer,
  type KeyHolder,
  type Membership,
  pseudonymServiceUrl,
} from '@corridor/proto';
import { pinnedServerIdentity, retirableAgent } from '@corridor/proto/graphql';

export interface HolderClient {
  /**
   * The holder's answer, with its proof unless `proof` is false, or an Error whose message says
   * briefly why not (never an address).
   */
  ask(asker: AccessClaims, holder: KeyHolder, epoch: number, blinded: Uint8Array[], proof?: boolean): Promise<HolderAnswer>;
}

export interface HolderClientDeps {
  self: string;
  membership: () => Membership;
  signer: DelegationSigner;
  /** This node's own evaluation, when it is a holder. */
  evaluateHere: (asker: AccessClaims, request: EvaluationRequest) => Promise<EvaluationAnswer>;
  /** A holder that has not answered within this (plus a little per element) is taken as not answering. */
  timeoutMs?: number;
  /** A holder that did not answer is not waited for again until this has passed: one probe then. */
  downForMs?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const TIMEOUT_PER_ELEMENT_MS = 10;
const DEFAULT_DOWN_FOR_MS = 10_000;
/** A delegated token is shown again while it has this long to live (the holder may be a little behind our clock). */
const TOKEN_REUSE_MARGIN_S = 30;
const TOKEN_CACHE_ENTRIES = 1000;

export function createHolderClient(deps: HolderClientDeps): HolderClient {
  const now = deps.now ?? Date.now;
  // A holder cut off costs its timeout once, not on every publish and check: while it is taken as
  // down, a call that cannot reach the threshold without it is answered at once (and a publish held).
  const downUntil = new Map<string, number>();
  const tokens = delegatedTokenCache(deps.signer);
  const connections = holderConnections();
  return {
    async ask(asker, holder, epoch, blinded, proof = true) {
      const request: EvaluationRequest = { epoch, blinded: blinded.map((b) => base64urlEncode(b)), ...(proof ? {} : { proof: false }) };
      if (holder.agency === deps.self) return decoded(await deps.evaluateHere(asker, request));
      const until = downUntil.get(holder.agency);
      if (until !== undefined && now() < until) throw new Error('did not answer in time');
      // Past its time, this call is the probe: the next ones wait for it only as long as it runs.
      if (until !== undefined) downUntil.set(holder.agency, now() + (deps.downForMs ?? DEFAULT_DOWN_FOR_MS));
      try {
        const answer = await overHttp(deps, tokens, connections, asker, holder, request);
        downUntil.delete(holder.agency);
        return decoded(answer);
      } catch (e) {
        if ((e as Error).message === 'did not answer in time')
          downUntil.set(holder.agency, now() + (deps.downForMs ?? DEFAULT_DOWN_FOR_MS));
        throw e;
      }
    },
  };
}

function decoded(answer: EvaluationAnswer): HolderAnswer {
  const evaluated = answer.evaluated.map(base64urlBytes);
  return answer.proof === undefined ? { evaluated } : { evaluated, proof: base64urlBytes(answer.proof) };
}

async function overHttp(
  deps: HolderClientDeps,
  tokens: DelegatedTokens,
  connections: HolderConnections,
  asker: AccessClaims,
  holder: KeyHolder,
  request: EvaluationRequest,
): Promise<EvaluationAnswer> {
  const token = await tokens.for(asker, holder.agency);
  // After the token's await: the membership's entry (address and pins) as it is now.
  const entry = agencyOf(deps.membership(), holder.agency);
  if (!entry) throw new Error('not a member any more');
  const body = JSON.stringify(request);
  const timeoutMs = (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + TIMEOUT_PER_ELEMENT_MS * request.blinded.length;
  const deadline = Date.now() + timeoutMs;
  const url = pseudonymServiceUrl(entry.nodeUrl);
  // Each attempt under the pins in force as it leaves: a retry never reuses a pool of older ones.
  const post = () =>
    postJson(
      url,
      connections.to(holder.agency, url, (agencyOf(deps.membership(), holder.agency) ?? entry).tlsPins),
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
      deadline - Date.now(),
    );
  let response: { status: number; json: unknown };
  try {
    response = await post().catch((e: unknown) => {
      // A kept-alive connection the holder closed as this request left: asked again once, on a new
      // one. (Had the holder read the request, the retry costs one more batch of its budget.)
      if (failureOf(e) === 'connection closed') return post();
      throw e;
    });
  } catch (e) {
    // Only a holder that let the call time out is taken as down: a refused connection costs nothing to try again.
    const why = failureOf(e);
    throw new Error(why === 'timed out' ? 'did not answer in time' : `did not answer (${why})`);
  }
  const answer = response.json as { error?: { code?: unknown } } | undefined;
  if (response.status !== 200)
    throw new Error(`refused: ${typeof answer?.error?.code === 'string' ? answer.error.code : `HTTP ${response.status}`}`);
  const parsed = evaluationAnswer.safeParse(answer);
  if (!parsed.success) throw new Error('answered something other than an evaluation');
  return parsed.data;
}

/** The most a holder's answer may be: a full batch of elements and a proof, with room; more is cut off as a failure. */
const MAX_ANSWER_BYTES = 1 << 20;

// node:http with kept-alive connections rather than fetch: a request costs about a fifth of the
// CPU (110-230 µs against 480-1,060 µs, client and a trivial server, measured side by side), and
// every publish asks every holder.

/** How a request reaches one holder: its kept-alive connections and, over TLS, the check of its certificate. */
type Connection = Pick<RequestOptions, 'agent' | 'checkServerIdentity'>;

interface HolderConnections {
  to(agency: string, url: string, pins: readonly string[] | undefined): Connection;
}

/**
 * Over TLS, the network's CA (Node's store and NODE_EXTRA_CA_CERTS) and, when the membership pins
 * the holder's keys (`tlsPins`), one of them, checked in the handshake before the delegated token
 * goes out: another member's certificate of the same CA answering at a holder's address gets
 * nothing, as at the gateway (pinnedServerIdentity). One pool of connections per holder and set
 * of pins, so a connection verified under one membership version's pins is never reused under
 * another's.
 */
function holderConnections(): HolderConnections {
  const plain = { agent: new HttpAgent({ keepAlive: true }) };
  const secure = new Map<string, { pins: string; connection: Connection; retire(): void }>();
  return {
    to(agency, url, pins) {
      if (!url.startsWith('https:')) {
        // A holder whose keys are pinned is asked over TLS or not at all, as the gateway does: in
        // plain text the token would go out to whoever answers.
        if (pins) throw Object.assign(new Error('listed at a plain http address while its keys are pinned'), { code: 'PINNED_PLAIN_HTTP' });
        return plain;
      }
      const key = JSON.stringify(pins ?? null);
      const known = secure.get(agency);
      if (known?.pins === key) return known.connection;
      // Under pins no longer in force: requests under way finish, no connection is kept after them.
      known?.retire();
      const { agent, retire } = retirableAgent({ keepAlive: true });
      const connection: Connection = { agent, ...(pins ? { checkServerIdentity: pinnedServerIdentity({ agency, pins }) } : {}) };
      secure.set(agency, { pins: key, connection, retire });
      return connection;
    },
  };
}

function postJson(
  url: string,
  via: Connection,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const options = {
      method: 'POST',
      ...via,
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
    };
    const req = (secure ? httpsRequest : httpRequest)(target, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) req.destroy(new Error('answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
      res.on('error', fail);
    });
    const fail = (e: unknown) => {
      clearTimeout(timer);
      reject(e);
    };
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })), Math.max(0, timeoutMs));
    req.on('error', fail);
    req.end(body);
  });
}

interface DelegatedTokens {
  for(asker: AccessClaims, holderAgency: string): Promise<string>;
}

/**
 * The token minted for a user and one holder, shown again to that holder until shortly before it
 * expires. Minting (a signature here) and verifying (a signature there, then the holder's cache of
 * verified tokens) once per call cost a bulk publish's batches and an alert's latency more than
 * the evaluation; a token still names one user and one holder alone, and lives at most 5 minutes.
 * Keyed by every claim the token carries, so a user whose roles or token changed gets a new one.
 */
function delegatedTokenCache(signer: DelegationSigner): DelegatedTokens {
  const cache = new Map<string, { token: string; expiresAt: number }>();
  return {
    async for(asker, holderAgency) {
      const now = Math.floor(Date.now() / 1000);
      const key = JSON.stringify([
        holderAgency,
        asker.sub,
        asker.agency,
        asker.exp,
        asker.name,
        asker.roles,
        asker.country,
        asker.networks,
      ]);
      const cached = cache.get(key);
      if (cached && cached.expiresAt - TOKEN_REUSE_MARGIN_S > now) return cached.token;
      const { token, expiresIn } = await signer.mint(asker, holderAgency, now);
      cache.delete(key);
      if (cache.size >= TOKEN_CACHE_ENTRIES) {
        for (const [k, v] of cache) if (v.expiresAt - TOKEN_REUSE_MARGIN_S <= now) cache.delete(k);
        // Still full of live tokens: the oldest goes (a Map keeps insertion order).
        if (cache.size >= TOKEN_CACHE_ENTRIES) cache.delete(cache.keys().next().value as string);
      }
      cache.set(key, { token, expiresAt: now + expiresIn });
      return token;
    },
  };
}

/** Why a request got no answer, in words for the log (never the address). */
function failureOf(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return 'timed out';
  const code = (e as { code?: unknown })?.code ?? (e as { cause?: { code?: unknown } })?.cause?.code;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'connection closed';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'CERT_NOT_PINNED') return 'certificate not pinned';
  if (code === 'PINNED_PLAIN_HTTP') return 'listed at plain http while its keys are pinned';
  return typeof code === 'string' ? code : 'unreachable';
}
