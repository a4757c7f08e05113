// HTTPS between the gateway and the nodes: a server that speaks TLS when given a certificate, and
// a fetch that trusts one CA only (the network's). Its pin check and retirable agent also serve a
// node's calls to key holders (services holder-client.ts). Node 20's global fetch cannot be given a CA
// without undici as a dependency; node:https can, and streams answers as SSE needs.
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { Agent, type AgentOptions, createServer as createHttpsServer, request } from 'node:https';
import { Readable } from 'node:stream';
import tls, { type PeerCertificate } from 'node:tls';
import { tlsPinOf } from './tls-pin.js';

/** A server's certificate and key files; both or neither. */
export interface ServerTlsFiles {
  certFile: string;
  keyFile: string;
}

/**
 * The server's certificate and key from CORRIDOR_TLS_CERT and CORRIDOR_TLS_KEY (settings
 * `http.tls.*`); neither set means plain HTTP. `fail` makes the caller's typed error for a variable.
 */
export function serverTlsFrom(
  env: Record<string, string | undefined>,
  fail: (variable: string, problem: string) => Error,
): ServerTlsFiles | undefined {
  const certFile = env.CORRIDOR_TLS_CERT?.trim() || undefined;
  const keyFile = env.CORRIDOR_TLS_KEY?.trim() || undefined;
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw fail('CORRIDOR_TLS_CERT', 'a key needs its certificate');
  if (keyFile === undefined) throw fail('CORRIDOR_TLS_KEY', 'a certificate needs its key');
  if (!existsSync(certFile)) throw fail('CORRIDOR_TLS_CERT', 'no such file');
  if (!existsSync(keyFile)) throw fail('CORRIDOR_TLS_KEY', 'no such file');
  return { certFile, keyFile };
}

/** HTTPS with the given certificate, plain HTTP without one (the demo and most tests). */
export function createWebServer(handler: RequestListener, tls: ServerTlsFiles | undefined): Server {
  if (!tls) return createHttpServer(handler);
  // https.Server extends tls.Server, not http.Server, but answers every call the callers make.
  const server: Server = createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, handler);
  return server;
}

/** Whose certificate a fetch accepts beyond the CA's signature: the keys its membership entry pins. */
export interface TlsPinning {
  /** The agency whose node is asked, to name it when it is refused. */
  agency: string;
  /** Its `tlsPins` (membership.ts): `pin-sha256` of each key it may present. */
  pins: readonly string[];
}

/** A peer presented a certificate of the network's CA, naming the address, on a key its member does not list. */
export class CertificateNotPinnedError extends Error {
  readonly code = 'CERT_NOT_PINNED';
  constructor(
    readonly agency: string,
    readonly pin: string,
  ) {
    super(`agency ${agency}'s certificate not pinned: the server presented a key (pin-sha256 ${pin}) its membership entry does not list`);
    this.name = 'CertificateNotPinnedError';
  }
}

/**
 * The handshake's check of a member's node: the certificate names the address asked (Node's own
 * check), and its key is one of the pins. A TLS client option, so it runs before any byte of a
 * request (its Authorization header) goes out. Shared by the gateway's calls to nodes (caFetch)
 * and a node's calls to key holders.
 */
export function pinnedServerIdentity(pinning: TlsPinning): (host: string, cert: PeerCertificate) => Error | undefined {
  return (host, cert) => {
    const wrongName = tls.checkServerIdentity(host, cert);
    if (wrongName) return wrongName;
    const pin = tlsPinOf(cert.raw);
    return pinning.pins.includes(pin) ? undefined : new CertificateNotPinnedError(pinning.agency, pin);
  };
}

/**
 * A kept-alive https Agent that can be retired when the pins it verified its connections under
 * are no longer in force: requests under way finish (a feed keeps streaming), and their
 * connections are then closed, not kept; idle ones are closed at once.
 */
export function retirableAgent(options: AgentOptions): { agent: Agent; retire(): void } {
  const agent = new Agent(options);
  let retired = false;
  // Runs after the agent's own listener has pooled the socket; destroying it leaves the pool too.
  agent.on('free', (socket: { destroy(): void }) => {
    if (retired) socket.destroy();
  });
  return {
    agent,
    retire() {
      retired = true;
      for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    },
  };
}

/** caFetch's fetch; `close` stops reusing its kept-alive connections (when its pins change). */
export type CaFetch = typeof fetch & { close(): void };

/**
 * A fetch that reaches https:// addresses only, accepting a server certificate only when the CA in
 * `caFile` (the system's CAs without one) signed it, it names the address asked, and (with
 * `pinning`) its key is one of the pins.
 * All three are checked in the handshake, before any byte of the request (its Authorization header)
 * goes out; plain http:// is refused before connecting. Each fetch keeps its own connections: a
 * connection verified under one set of pins is never lent to a fetch with another.
 */
export function caFetch(caFile: string | undefined, pinning?: TlsPinning): CaFetch {
  // Without a CA file, the system's CAs (Node's bundled roots): the pins then do the work.
  const ca = caFile === undefined ? undefined : readFileSync(caFile);
  // Kept alive and reused: one TLS handshake per node, not one per query. An idle connection is
  // closed after 4 s, before Node's servers close theirs (5 s): a request sent on a connection the
  // server is closing would fail. A stream (SSE) may idle longer.
  const { agent, retire } = retirableAgent({ keepAlive: true, timeout: 4_000 });
  const checkServerIdentity = pinning ? pinnedServerIdentity(pinning) : undefined;
  const send = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (url.protocol !== 'https:') throw new TypeError(`${url.origin}: only https:// is trusted here`);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        url,
        {
          method: req.method,
          headers: Object.fromEntries(req.headers),
          ...(ca ? { ca } : {}),
          agent,
          ...(checkServerIdentity ? { checkServerIdentity } : {}),
          signal: req.signal,
        },
        (incoming) => {
          const status = incoming.statusCode ?? 502;
          const noBody = status === 204 || status === 304 || req.method === 'HEAD';
          resolve(
            new Response(noBody ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), {
              status,
              statusText: incoming.statusMessage ?? '',
              headers: headersOf(incoming.headers),
            }),
          );
        },
      );
      outgoing.on('error', reject);
      // `req.signal` follows the caller's signal only while `req` lives (undici holds its own
      // controller weakly): without this, an abort after a garbage collection never reaches the
      // socket, and a feed closed by its reader streams on.
      outgoing.on('close', () => void req);
      outgoing.end(body);
    });
  };
  return Object.assign(send, {
    close: retire,
  });
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}
