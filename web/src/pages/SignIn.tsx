// Sign-in through the development token issuer (deploy/): pick a demo user, get a token.
import { useEffect, useState } from 'react';
import { type DemoUser, listDemoUsers, signIn } from '../session';

const roleWords = (roles: string[]) => roles.map((r) => r.replace(/_/g, ' ')).join(', ');

export function SignIn({
  issuerUrl,
  reason,
  onSignedIn,
}: {
  issuerUrl: string;
  reason: string | null;
  onSignedIn: (token: string) => void;
}) {
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
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
      <h2>Sign in as</h2>
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
