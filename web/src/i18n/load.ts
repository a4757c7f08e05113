// A language's catalogue. English is in the first load (it is the default and every other
// catalogue's fallback); the others are fetched when chosen, each a chunk of its own.

import { type ConsoleLocale, PSEUDO_LOCALE } from './locales';
import { EN } from './messages/en';

export type Catalogue = Record<string, string>;

export async function loadCatalogue(locale: ConsoleLocale): Promise<Catalogue> {
  switch (locale) {
    case 'en':
      return EN;
    case 'fr':
      return (await import('./messages/fr.json')).default;
    case 'es':
      return (await import('./messages/es.json')).default;
    case 'ar':
      return (await import('./messages/ar.json')).default;
    case 'it':
      return (await import('./messages/it.json')).default;
    case PSEUDO_LOCALE:
      return (await import('./pseudo')).pseudoCatalogue(EN);
  }
}
