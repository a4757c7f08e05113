// The console. Stable hooks for browser tests are listed in ../TESTING.md (data-testid):
// signin-user-<userId>, me, sign-out, nav-directory, nav-feed, nav-routes, nav-publish, nav-keep,
// nav-<page>-count, nav-menu-count, enable-notifications, notifications-on, activity-announcer, sources,
// directory-result, alert-item (+ data-alert-id), feed-live, publish-kind-route,
// publish-kind-document_fraud, publish-submit, field-error (+ data-field = the field's path in
// proto's AlertInput, e.g. route.waypoints.1.country), publish-success, publish-failure.
// Every input has a <label htmlFor>, so tests can also find fields by their label.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Provider, useQuery } from 'urql';
import { MeQuery } from './App.documents';
import { ActivityProvider } from './activity/ActivityProvider';
import { createGatewayClient, type LiveState } from './client';
import { ConsoleHeader } from './components/ConsoleHeader';
import { ErrorAlert } from './components/ErrorAlert';
import { useFocusHeadingOnNavigation } from './focus-heading';
import { useLanguageChoice, useSignedInLanguage, useT } from './i18n/I18nProvider';
import type { MessageId } from './i18n/messages/en';
import { completeSignIn, endSignIn, isSignInCallback } from './oidc-session';
import {
  Check,
  Consultations,
  Directory,
  DirectoryAdmin,
  Feed,
  MyRoutes,
  PageFrame,
  Publish,
  preloadPage,
  Requests,
  Retention,
  Statistics,
} from './pages/lazy-pages';
import { SignIn } from './pages/SignIn';
import { ReaderCountry } from './phone-text';
import type { RuntimeConfig } from './runtime-config';
import { signOut, storedToken, storeToken } from './session';
import { sessionAuth } from './session-auth';
import { clearDrafts } from './session-draft';
import { sessionTokenSource } from './token-source';

type Page = 'directory' | 'feed' | 'routes' | 'publish' | 'check' | 'keep' | 'consultations' | 'requests' | 'statistics' | 'retention';
const PAGES: Record<string, Page> = {
  '#/feed': 'feed',
  '#/routes': 'routes',
  '#/publish': 'publish',
  '#/check': 'check',
  '#/keep-directory': 'keep',
  '#/requests': 'requests',
  '#/statistics': 'statistics',
  '#/retention': 'retention',
};
/** The navigation, in its order; the last pages are for the agency's administrators only. */
const NAV: { page: Page; href: string; text: MessageId; administrators?: true }[] = [
  { page: 'directory', href: '#/directory', text: 'nav.directory' },
  { page: 'feed', href: '#/feed', text: 'nav.feed' },
  { page: 'routes', href: '#/routes', text: 'nav.routes' },
  { page: 'publish', href: '#/publish', text: 'nav.publish' },
  { page: 'check', href: '#/check', text: 'nav.check' },
  { page: 'consultations', href: '#/consultations', text: 'nav.consultations' },
  { page: 'requests', href: '#/requests', text: 'nav.requests' },
  { page: 'keep', href: '#/keep-directory', text: 'nav.keep', administrators: true },
  { page: 'statistics', href: '#/statistics', text: 'nav.statistics', administrators: true },
  { page: 'retention', href: '#/retention', text: 'nav.retention', administrators: true },
];
/** The main area's id: the skip link's target, where focus goes after navigation. */
const CONTENT_ID = 'content';
// A consultation to open is named in the hash (#/consultations/new?with=…), so the page matches by prefix.
const pageOf = (hash: string): Page => (hash.startsWith('#/consultations') ? 'consultations' : (PAGES[hash] ?? 'directory'));

function Console({ live, onSignOut }: { live: LiveState; onSignOut: () => void }) {
  const [page, setPage] = useState<Page>(pageOf(location.hash));
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => {
      setPage(pageOf(location.hash));
      setHash(location.hash);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const [{ data, error }] = useQuery({ query: MeQuery });
  // The first page's code comes while `me` is asked for, not after it answers.
  useEffect(() => preloadPage(pageOf(location.hash)), []);
  useFocusHeadingOnNavigation(page, CONTENT_ID);
  const t = useT();
  useSignedInLanguage(data?.me.subject);

  const agencies = data?.agencies ?? [];
  const agencyName = (id: string) => agencies.find((a) => a.id === id)?.name ?? id;
  if (!data) {
    return (
      <main className="loading">{error ? <ErrorAlert error={error}>{t('app.gatewayDidNotAnswer')}</ErrorAlert> : t('app.connecting')}</main>
    );
  }

  const administrator = data.me.roles.includes('administrator');
  return (
    <ActivityProvider page={page} subject={data.me.subject}>
      <ConsoleHeader
        items={NAV.filter((n) => administrator || !n.administrators)}
        current={page}
        contentId={CONTENT_ID}
        me={data.me}
        onSignOut={onSignOut}
      />
      <main id={CONTENT_ID}>
        <ReaderCountry.Provider value={data.me.country}>
          <PageFrame page={page}>
            {page === 'directory' && <Directory agencyName={agencyName} networks={data.me.networks} ownAgency={data.me.agency} />}
            {page === 'feed' && <Feed agencyName={agencyName} live={live} ownAgency={data.me.agency} />}
            {page === 'routes' && <MyRoutes agencyName={agencyName} />}
            {page === 'publish' && <Publish agencies={agencies} ownAgency={data.me.agency} />}
            {page === 'check' && <Check agencyName={agencyName} ownAgency={data.me.agency} />}
            {page === 'consultations' && <Consultations hash={hash} ownAgency={data.me.agency} agencyName={agencyName} />}
            {page === 'requests' && <Requests ownAgency={data.me.agency} agencyName={agencyName} />}
            {page === 'statistics' && (administrator ? <Statistics /> : <p>{t('app.statisticsAdminsOnly')}</p>)}
            {page === 'retention' && (administrator ? <Retention agencyName={agencyName} /> : <p>{t('app.retentionAdminsOnly')}</p>)}
            {page === 'keep' && (administrator ? <DirectoryAdmin agencyName={agencyName} /> : <p>{t('app.keepAdminsOnly')}</p>)}
          </PageFrame>
        </ReaderCountry.Provider>
      </main>
    </ActivityProvider>
  );
}

export function App({ config }: { config: RuntimeConfig }) {
  const [token, setToken] = useState<string | null>(storedToken());
  const [reason, setReason] = useState<string | null>(null);
  const [live, setLive] = useState<LiveState>('connecting');
  const t = useT();
  const { locale } = useLanguageChoice();

  const leave = useCallback((why: string | null) => {
    signOut();
    // An officer who signs out leaves nothing behind; one sent to sign in again keeps the draft.
    if (why === null) clearDrafts();
    void endSignIn();
    setReason(why);
    setToken(null);
  }, []);

  // Back from the agency's provider with a code: redeem it once.
  const [completing, setCompleting] = useState(isSignInCallback);
  useEffect(() => {
    if (!completing) return;
    completeSignIn().then(
      (user) => {
        storeToken(user.access_token, user.expires_at ? user.expires_at * 1000 : undefined);
        setReason(null);
        setToken(user.access_token);
        setCompleting(false);
      },
      (e: Error) => {
        setReason(t('app.signInIncomplete', { reason: e.message }));
        setCompleting(false);
      },
    );
  }, [completing, t]);

  // One authentication path per sign-in (session-auth.ts): the token on every operation and on
  // the live feed, its renewal, and the way back to sign-in with the reason.
  const session = useMemo(() => {
    if (!token) return null;
    const auth = sessionAuth(sessionTokenSource(), (why) => leave(why));
    return { auth, client: createGatewayClient({ gatewayUrl: config.gatewayUrl, auth, onLiveState: setLive }) };
  }, [config.gatewayUrl, token, leave]);
  useEffect(() => session?.auth.watch(), [session]);

  if (completing) return <main className="loading">{t('app.signingIn')}</main>;
  if (!token || !session) {
    return (
      <SignIn
        issuerUrl={config.issuerUrl}
        gatewayUrl={config.gatewayUrl}
        reason={reason}
        onSignedIn={(t) => {
          setReason(null);
          setLive('connecting');
          setToken(t);
        }}
      />
    );
  }
  return (
    <Provider value={session.client}>
      {/* keyed by the language: code lists shown outside the intl context follow a new choice */}
      <Console key={locale} live={live} onSignOut={() => leave(null)} />
    </Provider>
  );
}
