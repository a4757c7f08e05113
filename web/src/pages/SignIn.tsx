// Sign-in: at the officer's own agency's OpenID Connect provider (authorization code with PKCE),
// as the membership lists it; and, for the demo, straight through the development token issuer.
import { useEffect, useState } from 'react';
import { beginSignIn, listSignInAgencies, type SignInAgencies } from '../oidc-session';
import { type DemoUser, listDemoUsers, signIn } from '../session';

const roleWords = (roles: string[]) => roles.map((r) => r.replace(/_/g, ' ')).join(', ');

export function SignIn({
  issuerUrl,
  gatewayUrl,
  reason,
  onSignedIn,
}: {
  issuerUrl: string;
  gatewayUrl: string;
  reason: string | null;
  onSignedIn: (token: string) => void;
}) {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [providers, setProviders] = useState<SignInAgencies | null>(null);
  useEffect(() => {
    listSignInAgencies(gatewayUrl).then(setProviders, (e: Error) => setError(`The gateway did not list the agencies: ${e.message}`));
  }, [gatewayUrl]);
  useEffect(() => {
    listDemoUsers(issuerUrl).then(setUsers, (e: Error) =>
      setError(`The development token issuer at ${issuerUrl} did not answer: ${e.message}`),
    );
  }, [issuerUrl]);

  const choose = (id: string) => {
    setPending(id);
    setError(null);
    signIn(issuerUrl, id).then(onSignedIn, (e: Error) => {
      setPending(null);
      setError(e.message);
    });
  };

  const atProvider = (agencyId: string) => {
    const agency = providers?.agencies.find((a) => a.id === agencyId);
    if (!agency || !providers) return;
    setPending(`agency:${agencyId}`);
    setError(null);
    beginSignIn(agency, providers.audience, location.hash).catch((e: Error) => {
      setPending(null);
      setError(`${agency.name}'s sign-in service did not answer: ${e.message}`);
    });
  };

  return (
    <main className="signin">
      <h1>Corridor</h1>
      <div className="dev-banner" role="note" data-testid="dev-issuer-banner">
        <strong>Development token issuer — not for production.</strong> Demo users sign in here without a password. In a real deployment
        each agency’s own identity provider issues its officers’ tokens.
      </div>
      {reason && (
        <p className="error notice" role="alert" data-testid="signin-reason">
          {reason}
        </p>
      )}
      {error && (
        <p className="error notice" role="alert">
          {error}
        </p>
      )}
      <h2>Sign in at your agency</h2>
      {providers === null && !error && <p>Loading agencies…</p>}
      <ul className="users">
        {providers?.agencies.map((a) => (
          <li key={a.id}>
            <button type="button" data-testid={`signin-agency-${a.id}`} disabled={pending !== null} onClick={() => atProvider(a.id)}>
              <strong>{a.name}</strong>
              <small>{new URL(a.issuer).host}</small>
              {pending === `agency:${a.id}` && <small>Going to your agency’s sign-in…</small>}
            </button>
          </li>
        ))}
      </ul>
      <h2>Or, in this demonstration, sign in directly as</h2>
      {users === null && !error && <p>Loading demo users…</p>}
      <ul className="users">
        {users?.map((u) => (
          <li key={u.id}>
            <button type="button" data-testid={`signin-user-${u.id}`} disabled={pending !== null} onClick={() => choose(u.id)}>
              <strong>{u.name}</strong>
              <span>{u.agencyName}</span>
              <small>{roleWords(u.roles)}</small>
              {pending === u.id && <small>Signing in…</small>}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
