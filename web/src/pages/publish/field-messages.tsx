// Which messages each field of the publish form shows. A section asks for its fields' paths
// (proto AlertInput paths, e.g. route.waypoints.1.country); every path asked for is noted, so
// that `UnplacedMessages`, rendered after the sections, lists the messages no field showed.

import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import type { MoveOffer } from '../../alert-form';
import { type ErrorsByPath, unplacedErrors } from '../../field-errors';
import { MoveOffers } from './MoveOffers';

export interface FieldMessages {
  /** The messages for these paths, or undefined when there are none. */
  err: (...paths: string[]) => string[] | undefined;
  /** What the console offers to do about the text at this path (move a found identifier). */
  offerAt: (path: string) => ReactNode;
  /** Every path a field has asked for in this render. */
  shown: ReadonlySet<string>;
}

export function fieldMessages(errors: ErrorsByPath, offers: MoveOffer[], onMove: (offer: MoveOffer) => void): FieldMessages {
  const shown = new Set<string>();
  return {
    shown,
    err: (...paths) => {
      for (const p of paths) shown.add(p);
      const messages = paths.flatMap((p) => errors[p] ?? []);
      return messages.length > 0 ? messages : undefined;
    },
    offerAt: (path) => {
      const here = offers.filter((o) => o.path === path);
      return here.length > 0 ? <MoveOffers path={path} offers={here} onMove={onMove} /> : undefined;
    },
  };
}

/**
 * Messages for paths no field showed (the node may name one the form has no field for). React
 * renders a form's children in order, so this, placed after the sections, sees every path they
 * asked for; the sections must therefore not be memoized.
 */
export function UnplacedMessages({ errors, shown }: { errors: ErrorsByPath; shown: ReadonlySet<string> }) {
  return (
    <>
      {unplacedErrors(errors, shown).map(([path, messages]) => (
        <div key={path} className="field-error" data-testid="field-error" data-field={path} role="alert">
          {path || <FormattedMessage id="offers.theAlert" />}: {messages.join('; ')}
        </div>
      ))}
    </>
  );
}
