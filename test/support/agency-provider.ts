// An agency's own OpenID Connect provider, as a real agency would run one: the `oidc-provider`
// package in the test process on a loopback port, RS256, its roles in its own claim and its own
// words ("groups": "CORRIDOR-Procureur"), nothing of Corridor's claim format. The membership
// entry of the agency maps them. Officers sign in on a page of this provider (no password: a test).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { corridorAccessTokens } from '@corridor/deploy';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export interface AgencyOfficer {
  id: string;
  name: string;
  groups: string[];
}

export interface AgencyProvider {
  issuer: string;
  clientId: string;
  /** How many sign-ins this provider completed (a sign-in the console skipped would not count). */
  signIns(): number;
  /** How many access tokens it renewed with a refresh token. */
  refreshes(): number;
  close(): Promise<void>;
}

export async function startAgencyProvider(opts: {
  officers: AgencyOfficer[];
  consoleOrigin: string;
  audience: string;
  /** Short, so that a test sees the console renew it while the officer works. */
  accessTokenTtlS: number;
}): Promise<AgencyProvider> {
  const pair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const signingKey = { ...(await exportJWK(pair.privateKey)), kid: 'agency-rs-1', alg: 'RS256', use: 'sig' };
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'corridor-console-at-agency';
  const officerOf = (id: string) => opts.officers.find((o) => o.id === id);
  let completed = 0;
  let refreshed = 0;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${opts.consoleOrigin}/`],
        post_logout_redirect_uris: [`${opts.consoleOrigin}/`],
      },
    ],
    jwks: { keys: [signingKey as never] },
    cookies: { keys: ['a cookie key of this test only'] },
    scopes: ['openid', 'profile', 'corridor'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    findAccount: (_ctx, sub) => (officerOf(sub) ? { accountId: sub, claims: () => ({ sub, name: officerOf(sub)?.name }) } : undefined),
    extraTokenClaims: (_ctx, token) => {
      const officer = 'accountId' in token && token.accountId ? officerOf(token.accountId) : undefined;
      return officer ? { groups: officer.groups, preferred_username: officer.name } : undefined;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/login/${interaction.uid}` },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `error: ${out.error} ${out.error_description ?? ''}`;
    },
    features: corridorAccessTokens(opts.audience, opts.accessTokenTtlS, 'RS256'),
  });
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') refreshed++;
  });
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (details.prompt.name === 'consent') {
      const grant = new provider.Grant({ accountId: details.session?.accountId as string, clientId: details.params.client_id as string });
      const missing = details.prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(resource, scopes.join(' '));
      return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
    }
    if (req.method === 'GET') {
      const buttons = opts.officers
        .map((o) => `<button name="officer" value="${o.id}" data-testid="agency-login-${o.id}">${o.name}</button>`)
        .join('');
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><title>Agency sign-in</title><h1>Agency sign-in</h1><form method="post">${buttons}</form>`);
      return;
    }
    let body = '';
    for await (const chunk of req) body += chunk;
    const officer = new URLSearchParams(body).get('officer') ?? '';
    if (!officerOf(officer)) return void res.writeHead(400).end('unknown officer');
    completed++;
    return provider.interactionFinished(req, res, { login: { accountId: officer } }, { mergeWithLastSubmission: false });
  }

  server.on('request', (req, res) => {
    const login = /^\/login\/([\w-]+)$/.exec(req.url ?? '');
    if (login) {
      interaction(req, res, login[1] as string).catch((e: Error) => res.writeHead(400).end(e.message));
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientId,
    signIns: () => completed,
    refreshes: () => refreshed,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
