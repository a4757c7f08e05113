// The signed-in user's token, kept for this browser tab only.
const KEY = 'corridor.token';
const EXPIRES_KEY = 'corridor.expiresAt';

export interface DemoUser {
  id: string;
  name: string;
  agency: string;
  agencyName: string;
  roles: string[];
}

export function storedToken(): string | null {
  return sessionStorage.getItem(KEY);
}

/** When the stored token expires (ms since the epoch), if the issuer said. */
export function storedExpiry(): number | null {
  const at = Date.parse(sessionStorage.getItem(EXPIRES_KEY) ?? '');
  return Number.isNaN(at) ? null : at;
}

/** Keeps a token handed out by the agency's OpenID provider (and renewed by it) like the demo's. */
export function storeToken(token: string, expiresAt: number | undefined): void {
  sessionStorage.setItem(KEY, token);
  if (expiresAt) sessionStorage.setItem(EXPIRES_KEY, new Date(expiresAt).toISOString());
  else sessionStorage.removeItem(EXPIRES_KEY);
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
}

export async function listDemoUsers(issuerUrl: string): Promise<DemoUser[]> {
  const res = await fetch(`${issuerUrl}/users`);
  if (!res.ok) throw new Error(`the development issuer did not answer (HTTP ${res.status})`);
  return (await res.json()) as DemoUser[];
}

export async function signIn(issuerUrl: string, userId: string): Promise<string> {
  const res = await fetch(`${issuerUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: userId }),
  });
  const body = (await res.json().catch(() => ({}))) as { token?: string; expiresAt?: string; error?: string };
  if (!res.ok || !body.token) throw new Error(body.error ?? `sign-in failed (HTTP ${res.status})`);
  sessionStorage.setItem(KEY, body.token);
  if (body.expiresAt) sessionStorage.setItem(EXPIRES_KEY, body.expiresAt);
  return body.token;
}
