// What was seen, in words that travel to partners as written, and the identifiers, which do not.
import { Field } from '../../components/Field';
import { IdentifiersSection } from './IdentifiersSection';
import type { SectionProps } from './section-props';

export function WhatWasSeenSection({ form, set, fields }: SectionProps) {
  return (
    <fieldset>
      <legend>What was seen</legend>
      <Field
        id="summary"
        label="Summary"
        errors={fields.err('summary')}
        offer={fields.offerAt('summary')}
        hint="No names, document numbers, phone numbers or handles here: the summary travels to partners as written. Put them under Identifiers, where they are pseudonymized."
      >
        <textarea id="summary" rows={4} value={form.summary} onChange={(e) => set({ summary: e.target.value })} />
      </Field>
      <IdentifiersSection form={form} set={set} fields={fields} />
    </fieldset>
  );
}
