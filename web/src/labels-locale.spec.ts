// Code lists, countries, days and dates follow the console's language.
import { afterEach, expect, it } from 'vitest';
import ar from './i18n/messages/ar.json';
import { EN } from './i18n/messages/en';
import fr from './i18n/messages/fr.json';
import { countryCodes, countryName, dateText, dayRange, issuerName, label, languageName, numberText, setLabelLocale } from './labels';

afterEach(() => setLabelLocale('en', EN));

it('names codes, countries, languages and days in the chosen language, and falls back to English for what a catalogue lacks', () => {
  setLabelLocale('fr', fr);
  expect(label.competence('mla')).toBe('Entraide judiciaire');
  expect(label.kind('route')).toBe('Alerte sur un itinéraire');
  expect(label.tlp('RED')).toMatch(/^TLP:RED — /);
  expect(countryName('NER')).toBe('Niger');
  expect(countryName('DEU')).toBe('Allemagne');
  expect(issuerName('D')).toBe('Allemagne');
  expect(issuerName('XXA')).toBe('Stateless person (1954 Convention)');
  expect(languageName('ar')).toBe('arabe');
  expect(dayRange(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('lun.–ven.');
  expect(dateText('2026-11-03')).toBe('3 nov. 2026');
  expect(numberText(1500)).toBe('1\u202f500');
  expect(label.kind('unknown_kind')).toBe('unknown_kind');
});

it('sorts countries by their names in the chosen language', () => {
  setLabelLocale('fr', fr);
  const codes = countryCodes();
  // Allemagne (DEU) comes before Égypte (EGY) in French; in English Egypt precedes Germany.
  expect(codes.indexOf('DEU')).toBeLessThan(codes.indexOf('EGY'));
  setLabelLocale('en', EN);
  expect(countryCodes().indexOf('EGY')).toBeLessThan(countryCodes().indexOf('DEU'));
});

it('speaks Arabic with Arabic names', () => {
  setLabelLocale('ar', ar);
  expect(label.role('prosecutor')).toBe('النيابة العامة');
  expect(countryName('LBY')).toBe('ليبيا');
});
