import { useEffect, useState } from 'react';
import { type DemoUser, listDemoUsers, signIn } from '../session';

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
  useEffect(() => {
    listDemoUsers(issuerUrl).then(setUsers, (e: Error) => setError(e.message));
  }, [issuerUrl]);

  return (
    <main className="signin">
      <h1>Corridor</h1>
      <p className="dev-banner" role="note">
        Development token issuer: demo users sign in without a password. Not for production — there each agency's own identity provider
        issues its users' tokens.
      </p>
      {reason && (
        <p className="error" role="alert">
          {reason}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {users === null && !error && <p>Loading demo users…</p>}
      <ul className="users">
        {users?.map((u) => (
          <li key={u.id}>
            <button
              type="button"
              data-testid={`signin-user-${u.id}`}
              onClick={() => signIn(issuerUrl, u.id).then(onSignedIn, (e: Error) => setError(e.message))}
            >
              <strong>{u.name}</strong>
              <span>{u.agencyName}</span>
              <small>{u.roles.join(', ').replace(/_/g, ' ')}</small>
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
