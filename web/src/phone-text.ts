// Directory numbers as the reader expects to see them (proto phone-display.ts: national form for a
// number of the reader's own country, international otherwise). The formatter carries
// libphonenumber-js's metadata, so it is fetched on the first number shown, not with the first
// load; until it arrives a number shows in E.164, which is still right.
import { createContext, useContext, useEffect, useState } from 'react';

/** The reader's country (ISO 3166-1 alpha-3, from the signed-in user's agency). */
export const ReaderCountry = createContext<string | undefined>(undefined);

type Format = typeof import('./phone-format')['phoneForReader'];
let format: Format | undefined;
let loading: Promise<Format> | undefined;
const load = (): Promise<Format> => {
  loading ??= import('./phone-format').then((m) => {
    format = m.phoneForReader;
    return format;
  });
  return loading;
};

/** The number as text for this reader. */
export function usePhoneText(value: string): string {
  const country = useContext(ReaderCountry);
  const [, loaded] = useState(format !== undefined);
  useEffect(() => {
    if (!format)
      load().then(
        () => loaded(true),
        () => undefined, // Without the formatter the number stays in E.164: nothing to tell the officer.
      );
  }, []);
  return format ? format(value, country) : value;
}

/** The `tel:` URI of a number: E.164 as the directory keeps it, or the digits of one written before. */
export const telHref = (value: string): string => `tel:${value.replace(/[^\d+]/g, '')}`;
