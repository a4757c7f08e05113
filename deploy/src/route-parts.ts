// A route as the demo and the tests write one: each stop on one line, the region said once.
import type { AlertInput } from '@corridor/proto';

type Route = NonNullable<Extract<AlertInput, { kind: 'route' }>['route']>;
type Waypoint = Route['waypoints'][number];

const reachedBy =
  (mode: NonNullable<Waypoint['mode']>) =>
  (country: Waypoint['country'], place: string): Waypoint => ({ country, place, mode });

/** A stop reached over land. */
export const overland = reachedBy('land');
/** A stop reached by sea. */
export const bySea = reachedBy('sea');

export const centralMediterranean = (...waypoints: Waypoint[]): Route => ({ region: 'central-mediterranean', waypoints });
