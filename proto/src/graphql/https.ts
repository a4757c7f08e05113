// HTTPS between the gateway and the nodes: a server that speaks TLS when given a certificate, and
// a fetch that trusts one CA only (the network's). Node 20's global fetch cannot be given a CA
// without undici as a dependency; node:https can, and streams answers as SSE needs.
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import { Agent, createServer as createHttpsServer, request } from 'node:https';
import { Readable } from 'node:stream';

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

/**
 * A fetch that reaches https:// addresses only, accepting a server certificate only when the CA in
 * `caFile` signed it and it names the address asked. Plain http:// is refused before any byte goes out.
 * Connections are kept alive and reused: one TLS handshake per node, not one per query.
 */
export function caFetch(caFile: string): typeof fetch {
  // An idle connection is closed after 4 s, before Node's servers close theirs (5 s): a request
  // sent on a connection the server is closing would fail. A stream (SSE) may idle longer.
  const agent = new Agent({ ca: readFileSync(caFile), keepAlive: true, timeout: 4_000 });
  return async (input, init) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (url.protocol !== 'https:') throw new TypeError(`${url.origin}: only https:// is trusted here`);
    const body = req.body ? Buffer.from(await req.arrayBuffer()) : undefined;
    return new Promise<Response>((resolve, reject) => {
      const outgoing = request(
        url,
        { method: req.method, headers: Object.fromEntries(req.headers), agent, signal: req.signal },
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
      outgoing.end(body);
    });
  };
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}
