// The console. Stable hooks for browser tests (data-testid): signin-user-<userId>, nav-directory,
// nav-feed, nav-publish, sign-out, directory-result, alert-item (data-alert-id), publish-kind-route,
// publish-kind-document_fraud, publish-submit, field-error (data-field=<path>), publish-success,
// sources. Inputs are labelled, so tests can find them by their label too.
import { useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { createGatewayClient } from './client';
import { MeQuery } from './documents';
import { Directory } from './pages/Directory';
import { Feed } from './pages/Feed';
import { Publish } from './pages/Publish';
import { SignIn } from './pages/SignIn';
import type { RuntimeConfig } from './runtime-config';
import { signOut, storedToken } from './session';

type Page = 'directory' | 'feed' | 'publish';
const pageOf = (hash: string): Page => (hash === '#/feed' ? 'feed' : hash === '#/publish' ? 'publish' : 'directory');

function Console({ onSignedOut }: { onSignedOut: (reason: string | null) => void }) {
  const [page, setPage] = useState<Page>(pageOf(location.hash));
  useEffect(() => {
    const onHash = () => setPage(pageOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const [{ data, error }] = useQuery({ query: MeQuery });

  useEffect(() => {
    const unauthenticated =
      error?.graphQLErrors.find((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? (error?.response?.status === 401 ? error : undefined);
    if (unauthenticated) onSignedOut(unauthenticated.message.replace(/^\[GraphQL\] /, ''));
  }, [error, onSignedOut]);

  const agencies = data?.agencies ?? [];
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  if (!data) return <main className="loading">{error ? <p className="error">{error.message}</p> : 'Connecting to the gateway…'}</main>;

  return (
    <>
      <header className="top">
        <span className="brand">Corridor</span>
        <nav>
          <a href="#/directory" data-testid="nav-directory" aria-current={page === 'directory'}>
            Directory
          </a>
          <a href="#/feed" data-testid="nav-feed" aria-current={page === 'feed'}>
            Alert feed
          </a>
          <a href="#/publish" data-testid="nav-publish" aria-current={page === 'publish'}>
            Publish
          </a>
        </nav>
        <span className="me" data-testid="me">
          {data.me.name} · {data.me.agencyName}
        </span>
        <button type="button" className="link" data-testid="sign-out" onClick={() => onSignedOut(null)}>
          Sign out
        </button>
      </header>
      <main>
        {page === 'directory' && <Directory agencyName={agencyName} />}
        {page === 'feed' && <Feed agencyName={agencyName} />}
        {page === 'publish' && <Publish agencies={agencies} ownAgency={data.me.agency} />}
      </main>
    </>
  );
}

export function App({ config }: { config: RuntimeConfig }) {
  const [token, setToken] = useState<string | null>(storedToken());
  const [reason, setReason] = useState<string | null>(null);
  const client = useMemo(() => (token ? createGatewayClient(config.gatewayUrl, token) : null), [config.gatewayUrl, token]);

  if (!token || !client) {
    return (
      <SignIn
        issuerUrl={config.issuerUrl}
        reason={reason}
        onSignedIn={(t) => {
          setReason(null);
          setToken(t);
        }}
      />
    );
  }
  return (
    <Provider value={client}>
      <Console
        onSignedOut={(why) => {
          signOut();
          setReason(why);
          setToken(null);
        }}
      />
    </Provider>
  );
}
