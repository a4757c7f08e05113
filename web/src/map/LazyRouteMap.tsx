// The map as the feed and the cards use it: its code (d3-geo, the atlas) arrives when a map is
// first shown, not with the console's first load (bundle-budget.ts). Until it arrives, and if it
// never does, the route stays readable in words beside it (the card's route line, the feed's list).
import { Component, type ComponentProps, lazy, type ReactNode, Suspense } from 'react';
import { FormattedMessage } from 'react-intl';

const RouteMap = lazy(() => import('./RouteMap'));

type Props = ComponentProps<typeof RouteMap>;

/** A failed chunk (network dropped, console redeployed) costs the map only, never the page around it. */
class MapLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? (
      <p className="muted route-map-failed" data-testid="route-map-failed">
        <FormattedMessage id="map.failed" />
      </p>
    ) : (
      this.props.children
    );
  }
}

export function LazyRouteMap(props: Props) {
  const [width, height] = props.size === 'card' ? [320, 200] : [640, 400];
  return (
    <MapLoadBoundary>
      <Suspense
        fallback={<div className={`route-map route-map-${props.size} route-map-loading`} style={{ aspectRatio: `${width} / ${height}` }} />}
      >
        <RouteMap {...props} />
      </Suspense>
    </MapLoadBoundary>
  );
}
