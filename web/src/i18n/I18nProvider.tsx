// The console's language for the whole tree: react-intl's provider with the chosen catalogue, the
// code lists (labels.ts) following it, and <html lang dir> set from it so Arabic lays out right to
// left. A choice is remembered for the signed-in officer (locales.ts). Components that show code
// lists without reading the intl context re-render because the console's shell is keyed by the
// language (App.tsx); the shell's gateway client, above it, is kept.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { setLabelLocale } from '../labels';
import { type Catalogue, loadCatalogue } from './load';
import { type ConsoleLocale, directionOf, initialLocale, PSEUDO_LOCALE, storedLocale, storeLocale } from './locales';
import type { MessageId } from './messages/en';

export interface StartingLanguage {
  locale: ConsoleLocale;
  messages: Catalogue;
}

/** The language to start in, its catalogue fetched before the first render so no English flashes by. */
export async function startingLanguage(): Promise<StartingLanguage> {
  const locale = initialLocale();
  try {
    return { locale, messages: await loadCatalogue(locale) };
  } catch {
    return { locale: 'en', messages: await loadCatalogue('en') };
  }
}

interface LanguageChoice {
  locale: ConsoleLocale;
  choose: (locale: ConsoleLocale) => void;
  /** Who is signed in (their subject), so a choice is kept for them; null when nobody is. */
  signedIn: (subject: string | null) => void;
}
const Choice = createContext<LanguageChoice | null>(null);

export function useLanguageChoice(): LanguageChoice {
  const choice = useContext(Choice);
  if (!choice) throw new Error('useLanguageChoice needs an I18nProvider above it');
  return choice;
}

/** The pseudo-locale formats dates and numbers as English does. */
const intlLocale = (locale: ConsoleLocale) => (locale === PSEUDO_LOCALE ? 'en' : locale);

export function I18nProvider({ start, children }: { start: StartingLanguage; children: ReactNode }) {
  const [language, setLanguage] = useState(start);
  const subject = useRef<string | null>(null);
  const asked = useRef<ConsoleLocale>(start.locale);

  const show = useCallback((locale: ConsoleLocale) => {
    asked.current = locale;
    loadCatalogue(locale).then(
      (messages) => {
        // A slower catalogue must not replace one chosen after it.
        if (asked.current === locale) setLanguage({ locale, messages });
      },
      () => {
        // the catalogue did not arrive (offline): stay in the current language
      },
    );
  }, []);

  const choice = useMemo<LanguageChoice>(
    () => ({
      locale: language.locale,
      choose: (locale) => {
        storeLocale(subject.current, locale);
        show(locale);
      },
      signedIn: (who) => {
        subject.current = who;
        const theirs = who ? storedLocale(who) : null;
        if (theirs && theirs !== asked.current) show(theirs);
        else if (who && !theirs) storeLocale(who, asked.current);
      },
    }),
    [language.locale, show],
  );

  useLayoutEffect(() => {
    document.documentElement.lang = language.locale;
    document.documentElement.dir = directionOf(language.locale);
  }, [language.locale]);

  // Code lists are words from the same catalogue; set before the tree below renders.
  setLabelLocale(language.locale, language.messages);
  return (
    <Choice.Provider value={choice}>
      <IntlProvider locale={intlLocale(language.locale)} defaultLocale="en" messages={language.messages as Record<MessageId, string>}>
        {children}
      </IntlProvider>
    </Choice.Provider>
  );
}

type Values = Record<string, string | number | Date | null | undefined>;

/** A message as text, for attributes, options and strings built in code. */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/** Tells the provider who is signed in, so their own language choice applies. */
export function useSignedInLanguage(subject: string | undefined): void {
  const { signedIn } = useLanguageChoice();
  useEffect(() => {
    if (subject) signedIn(subject);
    return () => signedIn(null);
  }, [subject, signedIn]);
}
