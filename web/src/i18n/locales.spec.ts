import { describe, expect, it } from 'vitest';
import { directionOf, fromBrowserLanguages, pickerLocales } from './locales';

describe('the console language', () => {
  it('is the first of the browser languages the console speaks, else English', () => {
    expect(fromBrowserLanguages(['de-DE', 'fr-NE', 'en'])).toBe('fr');
    expect(fromBrowserLanguages(['ar-LY'])).toBe('ar');
    expect(fromBrowserLanguages(['en-US', 'it'])).toBe('en');
    expect(fromBrowserLanguages(['ha-NE', 'de'])).toBe('en');
    expect(fromBrowserLanguages([])).toBe('en');
    expect(fromBrowserLanguages(['en-XA'])).toBe('en-XA');
  });

  it('lays Arabic out right to left and the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['en', 'fr', 'es', 'it', 'en-XA'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
  });

  it('offers the pseudo-locale only where asked (development)', () => {
    expect(pickerLocales(false)).toEqual(['en', 'fr', 'es', 'ar', 'it']);
    expect(pickerLocales(true)).toContain('en-XA');
  });
});
