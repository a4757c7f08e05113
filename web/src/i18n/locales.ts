// Which language the console speaks: one of its catalogues, chosen from the browser's languages
// until the officer picks one, and then kept per officer (a border post's computer is shared, so
// the choice is keyed by the signed-in user's subject, not by the browser).

/** The console's languages, each named in itself for the picker. */
export const CONSOLE_LOCALES = ['en', 'fr', 'es', 'ar', 'it'] as const;
/**
 * A pseudo-locale for finding text that overflows or was never moved into a catalogue: English,
 * accented and about 40% longer, between [ ]. Offered only in development and tests.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number] | typeof PSEUDO_LOCALE;

export const LOCALE_NAMES: Record<ConsoleLocale, string> = {
  en: 'English',
  fr: 'Français',
  es: 'Español',
  ar: 'العربية',
  it: 'Italiano',
  [PSEUDO_LOCALE]: '[Ƥşḗḗŭḓǿ]',
};

const RIGHT_TO_LEFT = new Set<string>(['ar']);

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RIGHT_TO_LEFT.has(locale.slice(0, 2)) ? 'rtl' : 'ltr';
}

/** The pseudo-locale is for finding layout faults: not shown to officers in a production build. */
export function pickerLocales(withPseudo: boolean): ConsoleLocale[] {
  return withPseudo ? [...CONSOLE_LOCALES, PSEUDO_LOCALE] : [...CONSOLE_LOCALES];
}

function isConsoleLocale(tag: string): tag is ConsoleLocale {
  return (CONSOLE_LOCALES as readonly string[]).includes(tag) || tag === PSEUDO_LOCALE;
}

/** The first of the browser's languages the console speaks ("fr-NE" → fr), else English. */
export function fromBrowserLanguages(languages: readonly string[]): ConsoleLocale {
  for (const tag of languages) {
    if (tag === PSEUDO_LOCALE) return tag;
    const base = tag.slice(0, 2).toLowerCase();
    if (isConsoleLocale(base)) return base;
  }
  return 'en';
}

const KEY = 'corridor.locale';
/** Before sign-in the last choice made in this browser is used; after it, the officer's own. */
const keyFor = (subject: string | null) => (subject ? `${KEY}.${subject}` : KEY);

export function storedLocale(subject: string | null): ConsoleLocale | null {
  try {
    const stored = localStorage.getItem(keyFor(subject));
    return stored && isConsoleLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(subject: string | null, locale: ConsoleLocale): void {
  try {
    localStorage.setItem(keyFor(subject), locale);
    // The sign-in page of this browser then opens in the language last chosen here.
    localStorage.setItem(KEY, locale);
  } catch {
    // storage refused (private mode, quota): the choice lasts for this visit only
  }
}

export function initialLocale(): ConsoleLocale {
  return storedLocale(null) ?? fromBrowserLanguages(typeof navigator === 'undefined' ? [] : navigator.languages);
}
