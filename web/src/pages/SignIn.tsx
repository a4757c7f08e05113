// Sign-in: at the officer's own agency's OpenID Connect provider (authorization code with PKCE),
// as the membership lists it; and, for the demo, straight through the development token issuer.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { label } from '../labels';
import { beginSignIn, listSignInAgencies, type SignInAgencies } from '../oidc-session';
import { type DemoUser, listDemoUsers, signIn } from '../session';

const roleWords = (roles: string[]) => roles.map(label.userRole).join(', ');

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
  const t = useT();
  const [users, setUsers] = useState<DemoUser[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [providers, setProviders] = useState<SignInAgencies | null>(null);
  useEffect(() => {
    listSignInAgencies(gatewayUrl).then(setProviders, (e: Error) => setError(t('signin.noAgencies', { reason: e.message })));
  }, [gatewayUrl, t]);
  useEffect(() => {
    listDemoUsers(issuerUrl).then(setUsers, (e: Error) => setError(t('signin.noIssuer', { issuer: issuerUrl, reason: e.message })));
  }, [issuerUrl, t]);

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
      setError(t('signin.agencyDidNotAnswer', { agency: agency.name, reason: e.message }));
    });
  };

  return (
    <main className="signin">
      <div className="signin-head">
        <h1>Corridor</h1>
        <LanguagePicker />
      </div>
      <div className="dev-banner" role="note" data-testid="dev-issuer-banner">
        <strong>{t('signin.devBannerTitle')}</strong> {t('signin.devBanner')}
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
      <h2>{t('signin.atAgency')}</h2>
      {providers === null && !error && <p>{t('signin.loadingAgencies')}</p>}
      <ul className="users">
        {providers?.agencies.map((a) => (
          <li key={a.id}>
            <button type="button" data-testid={`signin-agency-${a.id}`} disabled={pending !== null} onClick={() => atProvider(a.id)}>
              <strong>{a.name}</strong>
              <small>{new URL(a.issuer).host}</small>
              {pending === `agency:${a.id}` && <small>{t('signin.goingToAgency')}</small>}
            </button>
          </li>
        ))}
      </ul>
      <h2>{t('signin.demoAs')}</h2>
      {users === null && !error && <p>{t('signin.loadingUsers')}</p>}
      <ul className="users">
        {users?.map((u) => (
          <li key={u.id}>
            <button type="button" data-testid={`signin-user-${u.id}`} disabled={pending !== null} onClick={() => choose(u.id)}>
              <strong>{u.name}</strong>
              <span>{u.agencyName}</span>
              <small>{roleWords(u.roles)}</small>
              {pending === u.id && <small>{t('app.signingIn')}</small>}
            </button>
          </li>
        ))}
      </ul>
    </main>
  );
}
