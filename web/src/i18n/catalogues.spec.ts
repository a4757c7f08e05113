// Every language has every message, and nothing else; every message is ICU MessageFormat that
// compiles in its language and asks for the same arguments as the English one.
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ar from './messages/ar.json';
import { EN } from './messages/en';
import es from './messages/es.json';
import fr from './messages/fr.json';
import it_ from './messages/it.json';
import { pseudoCatalogue } from './pseudo';

const CATALOGUES: Record<string, Record<string, string>> = { fr, es, ar, it: it_ };

/** The names of a message's arguments, found in its parsed form (plural branches included). */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: unknown[]) => {
    for (const el of elements as { type: number; value?: unknown; options?: Record<string, { value: unknown[] }> }[]) {
      // Types 1-6 are arguments (plain, number, date, time, select, plural); 0 is literal text, 7 '#'.
      if (el.type >= 1 && el.type <= 6 && typeof el.value === 'string') names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale).getAst());
  return [...names].sort();
}

describe('the message catalogues', () => {
  for (const [language, catalogue] of Object.entries(CATALOGUES)) {
    it(`${language} has every English message and no other`, () => {
      const missing = Object.keys(EN).filter((id) => !(id in catalogue));
      const extra = Object.keys(catalogue).filter((id) => !(id in EN));
      expect(missing.map((id) => `${id} is missing in ${language}`)).toEqual([]);
      expect(extra.map((id) => `${id} is in ${language} but not in English`)).toEqual([]);
    });

    it(`${language}'s messages compile and ask for the English arguments`, () => {
      const wrong = Object.entries(catalogue).flatMap(([id, message]) => {
        try {
          if (message.trim() === '') return [`${id} is empty in ${language}`];
          const want = argumentsOf(EN[id as keyof typeof EN] ?? '', 'en');
          const got = argumentsOf(message, language);
          return want.join() === got.join() ? [] : [`${id} in ${language} asks for {${got}} instead of {${want}}`];
        } catch (e) {
          return [`${id} in ${language} is not ICU MessageFormat: ${(e as Error).message}`];
        }
      });
      expect(wrong).toEqual([]);
    });
  }

  it('English messages compile', () => {
    const wrong = Object.entries(EN).flatMap(([id, message]) => {
      try {
        argumentsOf(message, 'en');
        return [];
      } catch (e) {
        return [`${id}: ${(e as Error).message}`];
      }
    });
    expect(wrong).toEqual([]);
  });

  it('the pseudo-locale keeps ICU syntax and arguments, and lengthens the text between [ ]', () => {
    const pseudo = pseudoCatalogue(EN);
    for (const [id, message] of Object.entries(pseudo)) {
      expect(message, id).toMatch(/^\[.*\]$/s);
      expect(argumentsOf(message, 'en'), id).toEqual(argumentsOf(EN[id as keyof typeof EN], 'en'));
    }
    const count = new IntlMessageFormat(pseudo['directory.count'] as string, 'en');
    expect(count.format({ count: 3 })).toBe('[3 ƈǿǿƞŧȧȧƈŧş]');
    expect((pseudo['nav.directory'] as string).length).toBeGreaterThan(EN['nav.directory'].length * 1.3);
  });

  it('a catalogue missing a message fails here, naming it and the language', () => {
    const { 'nav.feed': _, ...short } = fr;
    const missing = Object.keys(EN).filter((id) => !(id in short));
    expect(missing.map((id) => `${id} is missing in fr`)).toEqual(['nav.feed is missing in fr']);
  });
});
