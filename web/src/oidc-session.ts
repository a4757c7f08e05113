// Signing officers in at their own agency's OpenID Connect provider: authorization code with PKCE
// through oidc-client-ts, against the issuer and public client id the membership lists for the
// agency (the gateway's GET /agencies). Tokens stay in this tab's sessionStorage; a token that
// is about to expire is renewed with the refresh token, silently.
import type { SignInAgencies, SignInAgency } from '@corridor/proto';
import { type User, UserManager, WebStorageStateStore } from 'oidc-client-ts';

export type { SignInAgencies } from '@corridor/proto';

/** Where the gateway serves the list: next to its GraphQL endpoint. */
export async function listSignInAgencies(gatewayUrl: string): Promise<SignInAgencies> {
  const res = await fetch(new URL('/agencies', gatewayUrl));
  if (!res.ok) throw new Error(`the gateway did not list the agencies (HTTP ${res.status})`);
  return (await res.json()) as SignInAgencies;
}

const CHOSEN = 'corridor.oidc.agency';

function managerFor(agency: SignInAgency, audience: string): UserManager {
  const store = new WebStorageStateStore({ store: sessionStorage });
  return new UserManager({
    authority: agency.issuer,
    client_id: agency.clientId,
    // The console is one page; the provider sends the officer back to its root with the code.
    redirect_uri: `${location.origin}/`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    // RFC 8707: the token is for the network, whose audience every node checks.
    resource: audience,
    userStore: store,
    stateStore: store,
    automaticSilentRenew: true,
    loadUserInfo: false,
  });
}

// One manager per tab and sign-in: each manager runs its own renewal timer, and two renewing
// with the same refresh token make the provider refuse the second (a rotated refresh token is
// single-use), which would send the officer back to sign in.
let current: { chosen: string; manager: UserManager } | null = null;

/** The manager of the agency this tab signed in with, if any. */
export function currentManager(): UserManager | null {
  const chosen = sessionStorage.getItem(CHOSEN);
  if (!chosen) return null;
  if (current?.chosen !== chosen) {
    const { agency, audience } = JSON.parse(chosen) as { agency: SignInAgency; audience: string };
    current = { chosen, manager: managerFor(agency, audience) };
  }
  return current.manager;
}

/** Leaves for the provider; `returnTo` (the console's hash route) is where the officer comes back. */
export async function beginSignIn(agency: SignInAgency, audience: string, returnTo: string): Promise<void> {
  sessionStorage.setItem(CHOSEN, JSON.stringify({ agency, audience }));
  // prompt=login: after a sign-out the provider asks again, rather than reusing its own session.
  await managerFor(agency, audience).signinRedirect({ prompt: 'login', state: returnTo });
}

/** True when this page load is the provider sending the officer back with a code. */
export function isSignInCallback(): boolean {
  const params = new URLSearchParams(location.search);
  return params.has('state') && (params.has('code') || params.has('error')) && sessionStorage.getItem(CHOSEN) !== null;
}

let completion: Promise<User> | null = null;

/**
 * Redeems the code (with the PKCE verifier kept in this tab), then cleans the address bar. Once
 * per page load, however often it is called: a code redeemed twice makes the provider revoke
 * every token issued for it (RFC 6749 §4.1.2), refresh token included.
 */
export function completeSignIn(): Promise<User> {
  completion ??= redeemCode();
  return completion;
}

async function redeemCode(): Promise<User> {
  const manager = currentManager();
  if (!manager) throw new Error('no sign-in was started in this tab');
  try {
    const user = await manager.signinRedirectCallback();
    const returnTo = typeof user.state === 'string' && user.state.startsWith('#') ? user.state : '';
    history.replaceState(null, '', `${location.pathname}${returnTo}`);
    return user;
  } catch (e) {
    history.replaceState(null, '', location.pathname);
    throw e;
  }
}

/** Forgets the tokens here and revokes the refresh token at the provider. */
export async function endSignIn(): Promise<void> {
  const manager = currentManager();
  sessionStorage.removeItem(CHOSEN);
  current = null;
  if (!manager) return;
  manager.stopSilentRenew();
  try {
    await manager.revokeTokens(['refresh_token']);
  } catch {
    // The provider may be unreachable: the tokens are forgotten here all the same.
  }
  await manager.removeUser();
}
