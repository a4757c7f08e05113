// The header's language picker: each language named in itself (and tagged with its lang, so a
// screen reader says "العربية" in Arabic).
import { useLanguageChoice, useT } from './I18nProvider';
import { type ConsoleLocale, LOCALE_NAMES, pickerLocales } from './locales';

export function LanguagePicker() {
  const { locale, choose } = useLanguageChoice();
  const t = useT();
  // The pseudo-locale finds layout faults in development; officers are not offered it.
  const offered = pickerLocales(import.meta.env.DEV || locale === 'en-XA');
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t('language.label')}</span>
      <select data-testid="language-picker" value={locale} onChange={(e) => choose(e.target.value as ConsoleLocale)}>
        {offered.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
