// Serves the built console (web/dist) with its runtime configuration at /config.json, and sends
// every other path to index.html so that the console's own routes survive a reload.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { createWebServer, type ServerTlsFiles } from '@corridor/proto/graphql';
import { gatewayProxy } from './gateway-proxy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * `send`: the gateway serves HTTPS under a CA the browser does not trust; the console then asks
 * its own /graphql (and /agencies, the sign-in list beside it), which this server forwards with
 * `send` (trusting that CA). `tls`: this server's own certificate, to serve the console over HTTPS.
 */
export function serveConsole(
  distDir: string,
  config: { gatewayUrl: string; issuerUrl: string },
  port: number,
  host = '127.0.0.1',
  options: { send?: typeof fetch; tls?: ServerTlsFiles } = {},
) {
  const root = normalize(distDir) + sep;
  const { send, tls } = options;
  const scheme = tls ? 'https' : 'http';
  const forwarded = send && {
    '/graphql': gatewayProxy(config.gatewayUrl, send),
    '/agencies': gatewayProxy(new URL('/agencies', config.gatewayUrl).href, send),
  };
  const server = createWebServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return void res.writeHead(400).end('bad path');
    }
    if (forwarded && (path === '/graphql' || path === '/agencies')) return void forwarded[path](req, res);
    if (path === '/config.json') {
      const gatewayUrl = forwarded ? `${scheme}://${req.headers.host ?? `${host}:${port}`}/graphql` : config.gatewayUrl;
      return void res
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        .end(JSON.stringify({ ...config, gatewayUrl }));
    }
    const file = normalize(join(distDir, path));
    if (file.startsWith(root) && existsSync(file) && statSync(file).isFile()) {
      return void res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    }
    // A missing asset (a path with an extension) is a 404, so a stale bundle shows as an error
    // rather than as HTML parsed as JavaScript; any other path is one of the console's routes.
    if (extname(path) !== '') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res
      .writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-cache' })
      .end(readFileSync(join(distDir, 'index.html')));
  }, tls);
  return new Promise<{ url: string; close(): Promise<void> }>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: got } = server.address() as { port: number };
      resolve({
        url: `${scheme}://${host}:${got}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
