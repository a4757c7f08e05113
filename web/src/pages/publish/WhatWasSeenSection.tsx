// What was seen, in words that travel to partners as written, and the identifiers, which do not.
import { CodeField, Field } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';
import { languageName, languagesByName } from '../../labels';
import { IdentifiersSection } from './IdentifiersSection';
import { binders, type SectionProps } from './section-props';

export function WhatWasSeenSection(section: SectionProps) {
  const t = useT();
  const bind = binders(section, {
    summaryLanguage: { codes: languagesByName(), labelOf: languageName, empty: t('publish.summaryLanguageNone') },
  });
  const { value, onChange, ...summary } = bind.text('summary');
  return (
    <fieldset>
      <legend>{t('publish.whatWasSeen')}</legend>
      <Field {...summary} label={t('publish.summary')} offer={section.fields.offerAt('summary')} hint={t('publish.summaryHint')}>
        <textarea
          id={summary.id}
          rows={4}
          value={value}
          lang={section.form.summaryLanguage || undefined}
          dir="auto"
          onChange={(e) => onChange(e.target.value)}
        />
      </Field>
      <CodeField label={t('publish.summaryLanguage')} hint={t('publish.summaryLanguageHint')} {...bind.code('summaryLanguage')} />
      <IdentifiersSection {...section} />
    </fieldset>
  );
}
