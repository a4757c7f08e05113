// A route as the demo and the tests write one: each stop on one line, the region said once.
import type { AlertInput } from '@corridor/proto';

type Route = NonNullable<Extract<AlertInput, { kind: 'route' }>['route']>;
type Waypoint = Route['waypoints'][number];

/** `at` is [latitude, longitude], as a gazetteer gives them; without it the console's map uses the country's centre. */
const reachedBy =
  (mode: NonNullable<Waypoint['mode']>) =>
  (country: Waypoint['country'], place: string, at?: readonly [number, number]): Waypoint => ({
    country,
    place,
    mode,
    ...(at ? { latitude: at[0], longitude: at[1] } : {}),
  });

/** A stop reached over land. */
export const overland = reachedBy('land');
/** A stop reached by sea. */
export const bySea = reachedBy('sea');

export const centralMediterranean = (...waypoints: Waypoint[]): Route => ({ region: 'central-mediterranean', waypoints });
