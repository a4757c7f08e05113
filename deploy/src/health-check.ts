// The container's HEALTHCHECK: `node --import tsx health-check.ts node|gateway /etc/corridor/<kind>.yaml`
// asks the process's own /health as its settings make it answer: plain http, or https when
// `http.tls` is set. Under https the answer must come from a certificate of the network CA the
// settings name (the node's nats.tls.caFile, the gateway's nodes.caFile), or, without one, from
// exactly the certificate the settings give the server: whatever answers on the port must be the
// process itself. Copied into each image beside the package, so it needs only @corridor/proto.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { resolveGatewaySettings, resolveNodeSettings } from '@corridor/proto';

export type ServerKind = 'node' | 'gateway';

export interface HealthTarget {
  url: string;
  /** Present under https: what the answering certificate is checked against. */
  tls?: { caFile: string } | { certFile: string };
}

/** Where the process answers, and how its certificate is checked, from its settings file and environment. */
export function healthTarget(kind: ServerKind, configFile: string, env: Record<string, string | undefined> = process.env): HealthTarget {
  const file = resolve(configFile);
  const input = {
    argv: ['--config', file],
    env,
    cwd: process.cwd(),
    // Only the settings file is read: the secrets it names are no business of a health check.
    read: (path: string) => (path === file ? readFileSync(path, 'utf8') : 'unused'),
  };
  const resolved = (kind === 'node' ? resolveNodeSettings(input) : resolveGatewaySettings(input)).env;
  const port = kind === 'node' ? (resolved.CORRIDOR_PORT ?? '4101') : (resolved.CORRIDOR_GATEWAY_PORT ?? '4000');
  const certFile = resolved.CORRIDOR_TLS_CERT;
  if (!certFile) return { url: `http://127.0.0.1:${port}/health` };
  const caFile = kind === 'node' ? resolved.CORRIDOR_NATS_CA : resolved.CORRIDOR_NODE_CA;
  return { url: `https://127.0.0.1:${port}/health`, tls: caFile ? { caFile } : { certFile } };
}

/** Whether /health answers 200 from the right server. */
export function checkHealth(target: HealthTarget, timeoutMs = 4000): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => resolve(ok);
    const tls = target.tls;
    const options = {
      timeout: timeoutMs,
      ...(tls && 'caFile' in tls
        ? // The process is asked at loopback, a name its certificate need not carry: the chain is what is checked.
          { ca: readFileSync(tls.caFile), checkServerIdentity: () => undefined }
        : { rejectUnauthorized: false }),
    };
    const req = (tls ? httpsRequest : httpRequest)(target.url, options, (res) => {
      res.resume();
      if (tls && 'certFile' in tls) {
        const presented = (res.socket as TLSSocket).getPeerCertificate().raw;
        const own = new X509Certificate(readFileSync(tls.certFile)).raw;
        if (!presented || !own.equals(presented)) return done(false);
      }
      done(res.statusCode === 200);
    });
    req.on('error', () => done(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

if (process.argv[1]?.endsWith('health-check.ts')) {
  const [kind, configFile] = process.argv.slice(2);
  if ((kind !== 'node' && kind !== 'gateway') || !configFile) {
    process.stderr.write('usage: health-check.ts node|gateway <settings file>\n');
    process.exit(2);
  }
  process.exit((await checkHealth(healthTarget(kind, configFile))) ? 0 : 1);
}
