// The languages the signed-in user speaks, for ranking the directory (who speaks them comes
// first among the reachable). Kept in this browser; at first the console's language (the one the
// officer chose, or the browser's first), then the browser's other language preferences.
import { LANGUAGE_CODES, type LanguageCode } from '@corridor/proto';
import { activeLocale } from './labels';

const KEY = 'corridor.myLanguages';

function fromBrowser(): LanguageCode[] {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  const codes = [activeLocale(), ...browser].map((l) => l.slice(0, 2).toLowerCase());
  return [...new Set(codes)].filter((c): c is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(c));
}

export function storedLanguages(): LanguageCode[] {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(raw)) return raw.filter((c): c is LanguageCode => (LANGUAGE_CODES as readonly string[]).includes(c));
  } catch {
    // unreadable: fall back to the browser's
  }
  return fromBrowser();
}

export function storeLanguages(codes: readonly LanguageCode[]): void {
  localStorage.setItem(KEY, JSON.stringify(codes));
}
