// The console's pages, each fetched when first opened: the first load carries the sign-in page,
// the navigation and the client, not Publish's forms or Statistics' exports (see first-load.spec.ts).
import { Component, lazy, type ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';

export const Check = lazy(() => import('./Check').then((m) => ({ default: m.Check })));
export const Consultations = lazy(() => import('./Consultations').then((m) => ({ default: m.Consultations })));
export const Directory = lazy(() => import('./Directory').then((m) => ({ default: m.Directory })));
export const DirectoryAdmin = lazy(() => import('./DirectoryAdmin').then((m) => ({ default: m.DirectoryAdmin })));
export const Feed = lazy(() => import('./Feed').then((m) => ({ default: m.Feed })));
export const MyRoutes = lazy(() => import('./MyRoutes').then((m) => ({ default: m.MyRoutes })));
export const Publish = lazy(() => import('./Publish').then((m) => ({ default: m.Publish })));
export const Requests = lazy(() => import('./Requests').then((m) => ({ default: m.Requests })));
export const Statistics = lazy(() => import('./Statistics').then((m) => ({ default: m.Statistics })));

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
