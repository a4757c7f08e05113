// One agency's OpenID Connect provider inside the DEVELOPMENT token issuer: the `oidc-provider`
// package (discovery, authorization code with PKCE, JWKS, refresh tokens), with a page to pick a
// demo user instead of a password. The console signs in here exactly as it would at an agency's
// real provider; only the login page is a stand-in.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';

/** The public client the console signs in with (no secret: authorization code with PKCE). */
export const DEV_CONSOLE_CLIENT_ID = 'corridor-console';
/** Access tokens from the sign-in flow are short: the console renews them with its refresh token. */
export const DEV_ACCESS_TOKEN_TTL_S = 15 * 60;

/**
 * What an `oidc-provider` needs to issue Corridor access tokens: JWTs for the network's audience
 * (resource indicators, RFC 8707) with the `corridor` scope, and no development pages.
 */
export function corridorAccessTokens(audience: string, ttlS: number, alg: 'EdDSA' | 'RS256'): Configuration['features'] {
  return {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: 'corridor',
        audience,
        accessTokenFormat: 'jwt',
        accessTokenTTL: ttlS,
        jwt: { sign: { alg } },
      }),
    },
  };
}

export interface DevAccount {
  id: string;
  name: string;
  roles: string[];
}

export interface DevProviderOptions {
  agencyId: string;
  agencyName: string;
  issuer: string;
  audience: string;
  /** Claims every access token carries in Corridor's own format (agency, country, networks). */
  agencyClaims: Record<string, unknown>;
  signingKey: JWK;
  accounts: () => DevAccount[];
  banner: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createDevProvider(opts: DevProviderOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const mountPath = new URL(opts.issuer).pathname.replace(/\/$/, '');
  const accountOf = (id: string) => opts.accounts().find((a) => a.id === id);
  const config: Configuration = {
    clients: [
      {
        client_id: DEV_CONSOLE_CLIENT_ID,
        // "native" for RFC 8252 §7.3 loopback redirects on any port: the console of a run listens
        // on a free port chosen at start. Only loopback addresses are accepted.
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        id_token_signed_response_alg: 'EdDSA',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/', 'http://localhost/'],
        post_logout_redirect_uris: ['http://127.0.0.1/', 'http://localhost/'],
      },
    ],
    jwks: { keys: [opts.signingKey as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', 'profile', 'offline_access', 'corridor'],
    claims: { openid: ['sub'], profile: ['name'] },
    // The console runs on a loopback port chosen at start; CORS for it, and for nothing else.
    clientBasedCORS: (_ctx, origin) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin),
    findAccount: (_ctx, sub) => {
      const account = accountOf(sub);
      return account ? { accountId: sub, claims: () => ({ sub, name: account.name }) } : undefined;
    },
    extraTokenClaims: (_ctx, token) => {
      const account = 'accountId' in token && token.accountId ? accountOf(token.accountId) : undefined;
      return account ? { ...opts.agencyClaims, name: account.name, roles: account.roles } : undefined;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Plain text: the default page pulls a web font, and nothing here should reach off the machine.
    renderError: (ctx, out) => {
      ctx.type = 'text/plain; charset=utf-8';
      ctx.body = `sign-in failed: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}`;
    },
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    ttl: { AccessToken: DEV_ACCESS_TOKEN_TTL_S, RefreshToken: 8 * 3600, Session: 8 * 3600, Grant: 8 * 3600 },
    features: corridorAccessTokens(opts.audience, DEV_ACCESS_TOKEN_TTL_S, 'EdDSA'),
  };
  const provider = new Provider(opts.issuer, config);
  const callback = provider.callback();

  const loginPage = (uid: string) => {
    const users = opts
      .accounts()
      .map(
        (a) =>
          `<li><button type="submit" name="user" value="${escapeHtml(a.id)}" data-testid="pick-user-${escapeHtml(a.id)}"><strong>${escapeHtml(a.name)}</strong> <small>${escapeHtml(a.roles.join(', ').replace(/_/g, ' '))}</small></button></li>`,
      )
      .join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in — ${escapeHtml(opts.agencyName)}</title></head><body>
<p role="note"><strong>${escapeHtml(opts.banner)}</strong></p>
<h1>${escapeHtml(opts.agencyName)}</h1><h2>Sign in as</h2>
<form method="post" action="${mountPath}/interaction/${escapeHtml(uid)}/login"><ul>${users}</ul></form></body></html>`;
  };

  return async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const interaction = /\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (interaction && path.startsWith(`${mountPath}/interaction/`)) {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== interaction[1]) throw new Error('interaction mismatch');
        if (details.prompt.name === 'consent') {
          // The console is the network's own client: no consent screen, the grant is made here.
          const grant = details.grantId
            ? await provider.Grant.find(details.grantId)
            : new provider.Grant({ accountId: details.session?.accountId as string, clientId: details.params.client_id as string });
          if (!grant) throw new Error('the grant of this sign-in is gone');
          const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
          if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
          for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
            grant.addResourceScope(resource, scopes.join(' '));
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
          return;
        }
        if (req.method === 'GET') {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(loginPage(details.uid));
          return;
        }
        let body = '';
        for await (const chunk of req) body += chunk;
        const user = new URLSearchParams(body).get('user') ?? '';
        if (!accountOf(user)) {
          res.writeHead(400, { 'content-type': 'text/plain' }).end(`no demo user ${user} at ${opts.agencyId}`);
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: user } }, { mergeWithLastSubmission: false });
      } catch (e) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end(`sign-in could not continue: ${(e as Error).message}`);
      }
      return;
    }
    // oidc-provider routes relative to its mount path and builds URLs from originalUrl (its docs' mounting recipe).
    const mounted = req as IncomingMessage & { originalUrl?: string };
    mounted.originalUrl = req.url;
    req.url = (req.url ?? '/').slice(mountPath.length) || '/';
    await callback(req, res);
  };
}
