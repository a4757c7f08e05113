// What was seen, in words that travel to partners as written, and the identifiers, which do not.
import { Field } from '../../components/Field';
import { IdentifiersSection } from './IdentifiersSection';
import { binders, type SectionProps } from './section-props';

export function WhatWasSeenSection(section: SectionProps) {
  const { value, onChange, ...summary } = binders(section, {}).text('summary');
  return (
    <fieldset>
      <legend>What was seen</legend>
      <Field
        {...summary}
        label="Summary"
        offer={section.fields.offerAt('summary')}
        hint="No names, document numbers, phone numbers or handles here: the summary travels to partners as written. Put them under Identifiers, where they are pseudonymized."
      >
        <textarea id={summary.id} rows={4} value={value} onChange={(e) => onChange(e.target.value)} />
      </Field>
      <IdentifiersSection {...section} />
    </fieldset>
  );
}
