// The console's way to a gateway that serves HTTPS under a network CA of its run: a browser does
// not trust that CA, so the console's own server forwards /graphql to the gateway with a fetch that
// does, streaming answers back as they come (the alert feed is SSE).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';

/** Request headers the console sends that the gateway reads; nothing else crosses. */
const FORWARDED = ['authorization', 'content-type', 'accept'];
/** Answer headers the console needs back. */
const RETURNED = ['content-type', 'cache-control'];

export function gatewayProxy(gatewayUrl: string, send: typeof fetch) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const target = new URL(gatewayUrl);
    target.search = new URL(req.url ?? '/', 'http://localhost').search;
    const headers = Object.fromEntries(FORWARDED.flatMap((h) => (typeof req.headers[h] === 'string' ? [[h, req.headers[h]]] : [])));
    let answer: Response;
    try {
      answer = await send(target, {
        method: req.method ?? 'GET',
        headers,
        ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
        signal: aborted.signal,
      });
    } catch {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('the gateway did not answer');
      return;
    }
    const returned: Record<string, string> = {};
    for (const h of RETURNED) {
      const value = answer.headers.get(h);
      if (value !== null) returned[h] = value;
    }
    res.writeHead(answer.status, returned);
    if (!answer.body) return void res.end();
    Readable.fromWeb(answer.body as WebStream<Uint8Array>)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
