// THE DEVELOPMENT TOKEN ISSUER — for the demo and the tests only. It mints tokens for demo users
// without any password. In production each agency's own OpenID Connect provider issues its users'
// tokens, and only its public keys appear in the membership document. It says so in its log line,
// in a response header on every answer and in the body of every token it hands out.
import { createServer, type Server } from 'node:http';
import type { CountryCode, Jwks, UserRole } from '@corridor/proto';
import { SignJWT } from 'jose';
import { createDevProvider, DEV_CONSOLE_CLIENT_ID } from './dev-oidc-provider.js';
import { type KeyPair, newKeyPair } from './keys.js';

export { DEV_CONSOLE_CLIENT_ID };

export const DEV_ISSUER_WARNING = 'DEVELOPMENT token issuer: no passwords, not for production';

export interface UserSpec {
  id: string;
  name: string;
  agency: string;
  roles: UserRole[];
}

export interface DevIssuerAgency {
  id: string;
  name: string;
  country: CountryCode;
  networks?: string[];
  /** The `iss` of this agency's tokens, as the membership document lists it. */
  issuer: string;
}

export interface DevIssuerOptions {
  users: UserSpec[];
  agencies: DevIssuerAgency[];
  /** The membership document's audience. */
  audience: string;
}

export interface DevIssuer {
  mint(userId: string, opts?: { expiresIn?: string }): Promise<string>;
  /** The public keys of one agency's issuer, newest first, for the membership document or its JWKS address. */
  jwks(agencyId: string): Jwks;
  /** Where `listen` serves an agency's JWKS, relative to the issuer's URL. */
  jwksPath(agencyId: string): string;
  /** The key id new tokens of the agency are signed with. */
  keyId(agencyId: string): string;
  /**
   * Rotates an agency's signing key as a provider does: a new key with a new key id signs from now
   * on; the old ones stay published, so tokens already handed out keep verifying. Answers the new kid.
   */
  rotateKey(agencyId: string): Promise<string>;
  /** How many times the agency's JWKS was fetched over HTTP (tests count refetches with it). */
  jwksRequests(agencyId: string): number;
  /** Adds an agency and its users to a running issuer. */
  addAgency(agency: DevIssuerAgency, users: UserSpec[]): Promise<void>;
  listen(port: number, host?: string, log?: (line: string) => void): Promise<{ url: string; close(): Promise<void> }>;
}

export const issuerFor = (agencyId: string) => `https://issuer.${agencyId}.corridor.invalid/`;

/**
 * The issuer of an agency whose tokens the running issuer also hands out through OpenID Connect:
 * its provider answers under this path (discovery, authorization with PKCE, token, JWKS).
 */
export const oidcIssuerFor = (issuerUrl: string, agencyId: string) => `${issuerUrl}/agencies/${agencyId}`;

/** Fresh Ed25519 key pairs per agency (newest first), made here and never written to disk. */
export async function createDevIssuer({ users: initialUsers, agencies, audience }: DevIssuerOptions): Promise<DevIssuer> {
  const keys = new Map<string, KeyPair[]>();
  const agencyById = new Map<string, DevIssuerAgency>();
  const users: UserSpec[] = [];
  const jwksFetches = new Map<string, number>();

  const addAgency = async (agency: DevIssuerAgency, newUsers: UserSpec[]) => {
    if (agencyById.has(agency.id)) throw new Error(`agency ${agency.id} is already known to the issuer`);
    for (const u of newUsers) {
      if (u.agency !== agency.id) throw new Error(`user ${u.id} belongs to agency ${u.agency}, not ${agency.id}`);
      if (users.some((known) => known.id === u.id)) throw new Error(`user ${u.id} is already known to the issuer`);
    }
    keys.set(agency.id, [await newKeyPair(`${agency.id}-dev-issuer-1`)]);
    agencyById.set(agency.id, agency);
    users.push(...newUsers);
  };
  for (const a of agencies) await addAgency(a, []);
  for (const u of initialUsers) if (!agencyById.has(u.agency)) throw new Error(`user ${u.id} belongs to unknown agency ${u.agency}`);
  users.push(...initialUsers);

  const keysOf = (agencyId: string): KeyPair[] => {
    const list = keys.get(agencyId);
    if (!list) throw new Error(`no issuer key for agency ${agencyId}`);
    return list;
  };

  const mint = async (userId: string, opts: { expiresIn?: string } = {}) => {
    const user = users.find((u) => u.id === userId);
    if (!user) throw new UnknownUser(userId);
    const agency = agencyById.get(user.agency) as DevIssuerAgency;
    const key = keysOf(agency.id)[0] as KeyPair;
    return new SignJWT({ agency: agency.id, name: user.name, roles: user.roles, country: agency.country, networks: agency.networks ?? [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'JWT' })
      .setIssuer(agency.issuer)
      .setSubject(user.id)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '8h')
      .sign(key.privateKey);
  };

  const jwks = (agencyId: string): Jwks => ({ keys: keysOf(agencyId).map((k) => k.publicJwk) });

  return {
    mint,
    jwks,
    jwksPath: (agencyId) => `/agencies/${agencyId}/jwks.json`,
    keyId: (agencyId) => (keysOf(agencyId)[0] as KeyPair).kid,
    async rotateKey(agencyId) {
      const list = keysOf(agencyId);
      const next = await newKeyPair(`${agencyId}-dev-issuer-${list.length + 1}`);
      list.unshift(next);
      return next.kid;
    },
    jwksRequests: (agencyId) => jwksFetches.get(agencyId) ?? 0,
    addAgency,
    listen(port, host = '127.0.0.1', log = (line) => console.warn(line)) {
      let baseUrl = '';
      const providers = new Map<string, ReturnType<typeof createDevProvider>>();
      // An agency listed with its OpenID issuer here gets a provider at first use (addAgency too).
      const providerOf = (agencyId: string) => {
        const agency = agencyById.get(agencyId);
        if (!agency || agency.issuer !== oidcIssuerFor(baseUrl, agencyId)) return undefined;
        let provider = providers.get(agencyId);
        if (!provider) {
          provider = createDevProvider({
            agencyId,
            agencyName: agency.name,
            issuer: agency.issuer,
            audience,
            agencyClaims: { agency: agency.id, country: agency.country, networks: agency.networks ?? [] },
            signingKey: (keysOf(agencyId)[0] as KeyPair).privateJwk,
            accounts: () => users.filter((u) => u.agency === agencyId),
            banner: DEV_ISSUER_WARNING,
          });
          providers.set(agencyId, provider);
        }
        return provider;
      };
      const server: Server = createServer(async (req, res) => {
        const oidcPath = /^\/agencies\/([a-z0-9-]+)\/(?!jwks\.json$)/.exec(req.url ?? '');
        const provider = oidcPath ? providerOf(oidcPath[1] as string) : undefined;
        if (provider) {
          res.setHeader('x-corridor-warning', DEV_ISSUER_WARNING);
          return provider(req, res);
        }
        // CORS open: the console is served from another port and signs in from the browser.
        res.setHeader('access-control-allow-origin', '*');
        res.setHeader('access-control-allow-headers', 'content-type');
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('x-corridor-warning', DEV_ISSUER_WARNING);
        if (req.method === 'OPTIONS') return void res.writeHead(204).end();
        const url = new URL(req.url ?? '/', 'http://localhost');
        const json = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
        if (req.method === 'GET' && url.pathname === '/users') {
          return json(
            200,
            users.map((u) => ({ id: u.id, name: u.name, agency: u.agency, agencyName: agencyById.get(u.agency)?.name, roles: u.roles })),
          );
        }
        const jwksPath = /^\/agencies\/([a-z0-9-]+)\/jwks\.json$/.exec(url.pathname);
        if (req.method === 'GET' && jwksPath) {
          const agencyId = jwksPath[1] as string;
          if (!keys.has(agencyId)) return json(404, { error: 'no such agency' });
          jwksFetches.set(agencyId, (jwksFetches.get(agencyId) ?? 0) + 1);
          return json(200, jwks(agencyId));
        }
        if (req.method === 'POST' && url.pathname === '/token') {
          let body = '';
          for await (const chunk of req) body += chunk;
          let user: unknown;
          try {
            ({ user } = JSON.parse(body) as { user?: unknown });
          } catch {
            return json(400, { error: 'send JSON: {"user": "<id>"}' });
          }
          if (typeof user !== 'string') return json(400, { error: 'send JSON: {"user": "<id>"}' });
          try {
            const token = await mint(user);
            const exp = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()).exp as number;
            return json(200, { token, expiresAt: new Date(exp * 1000).toISOString(), warning: DEV_ISSUER_WARNING });
          } catch (e) {
            if (e instanceof UnknownUser) return json(404, { error: e.message });
            throw e;
          }
        }
        json(404, { error: 'not found' });
      });
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as { port: number };
          const url = `http://${host}:${address.port}`;
          baseUrl = url;
          log(`${DEV_ISSUER_WARNING} — listening at ${url}`);
          resolve({
            url,
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

class UnknownUser extends Error {
  constructor(userId: string) {
    super(`no demo user ${userId}`);
  }
}
