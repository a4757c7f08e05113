// THE DEVELOPMENT TOKEN ISSUER — for the demo and the tests only. It mints tokens for demo users
// without any password. In production each agency's own OpenID Connect provider issues its users'
// tokens, and only its public keys appear in the membership document.
import { createServer, type Server } from 'node:http';
import type { Membership, UserRole } from '@corridor/proto';
import { SignJWT } from 'jose';
import type { KeyPair } from './keys.js';

export interface UserSpec {
  id: string;
  name: string;
  agency: string;
  roles: UserRole[];
}

export interface DevIssuer {
  mint(userId: string, opts?: { expiresIn?: string }): Promise<string>;
  listen(port: number, host?: string): Promise<{ url: string; close(): Promise<void> }>;
}

export function createDevIssuer(membership: Membership, issuerKeys: Record<string, KeyPair>, users: UserSpec[]): DevIssuer {
  const mint = async (userId: string, opts: { expiresIn?: string } = {}) => {
    const user = users.find((u) => u.id === userId);
    if (!user) throw new Error(`no demo user ${userId}`);
    const agency = membership.agencies.find((a) => a.id === user.agency);
    const key = issuerKeys[user.agency];
    if (!agency || !key) throw new Error(`user ${userId} belongs to unknown agency ${user.agency}`);
    return new SignJWT({ agency: agency.id, name: user.name, roles: user.roles, country: agency.country, networks: agency.networks })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
      .setIssuer(agency.tokenIssuer.issuer)
      .setSubject(user.id)
      .setAudience(membership.audience)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '8h')
      .sign(key.privateKey);
  };

  return {
    mint,
    listen(port, host = '127.0.0.1') {
      const server: Server = createServer(async (req, res) => {
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-allow-headers', 'content-type');
        res.setHeader('x-corridor-warning', 'development token issuer: not for production');
        if (req.method === 'OPTIONS') return void res.writeHead(204).end();
        const url = new URL(req.url ?? '/', 'http://localhost');
        const json = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (req.method === 'GET' && url.pathname === '/users') {
          return json(
            200,
            users.map((u) => ({ ...u, agencyName: membership.agencies.find((a) => a.id === u.agency)?.name ?? u.agency })),
          );
        }
        const jwks = /^\/agencies\/([a-z0-9-]+)\/jwks\.json$/.exec(url.pathname);
        if (req.method === 'GET' && jwks) {
          const agency = membership.agencies.find((a) => a.id === jwks[1]);
          return agency ? json(200, agency.tokenIssuer.jwks) : json(404, { error: 'no such agency' });
        }
        if (req.method === 'POST' && url.pathname === '/token') {
          let body = '';
          for await (const chunk of req) body += chunk;
          try {
            const { user } = JSON.parse(body) as { user?: string };
            const token = await mint(String(user));
            const exp = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).exp as number;
            return json(200, { token, expiresAt: new Date(exp * 1000).toISOString() });
          } catch (e) {
            return json(400, { error: (e as Error).message });
          }
        }
        json(404, { error: 'not found' });
      });
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as { port: number };
          resolve({
            url: `http://${host}:${address.port}`,
            close: () =>
              new Promise<void>((r) => {
                server.closeAllConnections();
                server.close(() => r());
              }),
          });
        });
      });
    },
  };
}
