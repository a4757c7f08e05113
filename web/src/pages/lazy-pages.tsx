// The console's pages, each fetched when first opened: the first load carries the sign-in page,
// the navigation and the client, not Publish's forms or Statistics' exports (see first-load.spec.ts).
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';

// Each page's code, fetched once: React.lazy and preloadPage share the same promise.
const once = <T,>(load: () => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load();
    return loading;
  };
};
const pages = {
  check: once(() => import('./Check').then((m) => ({ default: m.Check }))),
  consultations: once(() => import('./Consultations').then((m) => ({ default: m.Consultations }))),
  directory: once(() => import('./Directory').then((m) => ({ default: m.Directory }))),
  keep: once(() => import('./DirectoryAdmin').then((m) => ({ default: m.DirectoryAdmin }))),
  feed: once(() => import('./Feed').then((m) => ({ default: m.Feed }))),
  routes: once(() => import('./MyRoutes').then((m) => ({ default: m.MyRoutes }))),
  publish: once(() => import('./Publish').then((m) => ({ default: m.Publish }))),
  requests: once(() => import('./Requests').then((m) => ({ default: m.Requests }))),
  retention: once(() => import('./Retention').then((m) => ({ default: m.Retention }))),
  statistics: once(() => import('./Statistics').then((m) => ({ default: m.Statistics }))),
};

export const Check = lazy(pages.check);
export const Consultations = lazy(pages.consultations);
export const Directory = lazy(pages.directory);
export const DirectoryAdmin = lazy(pages.keep);
export const Feed = lazy(pages.feed);
export const MyRoutes = lazy(pages.routes);
export const Publish = lazy(pages.publish);
export const Requests = lazy(pages.requests);
export const Retention = lazy(pages.retention);
export const Statistics = lazy(pages.statistics);

/**
 * Starts fetching a page's code now, while the console still waits for the gateway's `me`:
 * the page then renders as soon as `me` answers, instead of fetching its code only then (on a
 * slow phone, one round trip and a parse less before the feed shows). A failure is left to the
 * page's own boundary, when it renders.
 */
export function preloadPage(page: string): void {
  pages[page as keyof typeof pages]?.().catch(() => undefined);
}

/**
 * A page's code failed to arrive (the network dropped, or the console was redeployed and the old
 * chunk is gone): say so on that page and keep the navigation, instead of a blank console.
 */
class PageLoadBoundary extends Component<{ children: ReactNode }, { failure: Error | null }> {
  override state = { failure: null as Error | null };
  static getDerivedStateFromError(failure: Error) {
    return { failure };
  }
  override render() {
    if (!this.state.failure) return this.props.children;
    return (
      <p className="error" role="alert" data-testid="page-load-failure">
        <FormattedMessage id="page.loadFailed" values={{ reason: this.state.failure.message }} />{' '}
        <button type="button" className="link" onClick={() => location.reload()}>
          <FormattedMessage id="page.reload" />
        </button>
      </p>
    );
  }
}

/** Where a page appears: while its code arrives, and if it never does. `page` resets a failure on navigation. */
export function PageFrame({ page, children }: { page: string; children: ReactNode }) {
  return (
    <PageLoadBoundary key={page}>
      <Suspense
        fallback={
          <p className="loading">
            <FormattedMessage id="page.loading" />
          </p>
        }
      >
        {children}
      </Suspense>
    </PageLoadBoundary>
  );
}
