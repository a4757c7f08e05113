// Who may see the alert (TLP 2.0, and the partners named for AMBER), how long it holds, the case
// reference and protection flags, and its grading (the 4x4 source and information scale).
import { INFORMATION_CREDIBILITY, PROTECTION_FLAG_LABELS, PROTECTION_FLAGS, SOURCE_RELIABILITY, TLP_LEVELS } from '@corridor/proto';
import { isRestrictedTlp } from '../../alert-form';
import { Checkboxes, CodeField, Field, FieldGroup } from '../../components/Field';
import { label } from '../../labels';
import type { SectionProps } from './section-props';

const TLP_ADVICE: Record<string, string> = {
  CLEAR: 'Anyone may see it, inside or outside the network.',
  GREEN: 'Every agency in the Corridor network sees it.',
  AMBER: 'Only the agencies you name below see it; they may share it on a need-to-know basis.',
  'AMBER+STRICT': 'Only the agencies you name below see it, and they keep it inside their own agency.',
  RED: 'It stays in your own agency: no partner receives it.',
};

export function SharingSection({ form, set, fields, partners }: SectionProps & { partners: { id: string; name: string }[] }) {
  const restricted = isRestrictedTlp(form.tlp);
  return (
    <fieldset>
      <legend>Who may see it, how reliable it is</legend>
      <div className="row">
        <CodeField
          id="tlp"
          label="Sharing (TLP)"
          errors={fields.err('tlp')}
          hint={TLP_ADVICE[form.tlp]}
          value={form.tlp}
          onChange={(tlp) => set({ tlp })}
          codes={TLP_LEVELS}
          labelOf={(c) => `TLP:${c}`}
        />
        <Field id="validUntil" label="Valid until (optional)" errors={fields.err('validUntil')} hint="Your local time.">
          <input id="validUntil" type="datetime-local" value={form.validUntil} onChange={(e) => set({ validUntil: e.target.value })} />
        </Field>
        <Field
          id="caseReference"
          label="Case reference (optional)"
          errors={fields.err('caseReference')}
          offer={fields.offerAt('caseReference')}
          hint="Your file number; your agency's release policy decides who sees it (by default, partner prosecutors)."
        >
          <input id="caseReference" value={form.caseReference} onChange={(e) => set({ caseReference: e.target.value })} maxLength={80} />
        </Field>
      </div>
      <FieldGroup
        id="protection"
        legend="Vulnerable persons (optional)"
        errors={fields.err('protection')}
        hint="Each agency receiving the alert brings it to its protection contact for the country. People to protect, never suspects."
      >
        <Checkboxes
          name="protection"
          codes={PROTECTION_FLAGS}
          selected={form.protection}
          onChange={(protection) => set({ protection })}
          labelOf={(f) => PROTECTION_FLAG_LABELS[f as keyof typeof PROTECTION_FLAG_LABELS]}
        />
      </FieldGroup>
      {restricted && (
        <FieldGroup
          id="recipients"
          legend="Agencies that may see it"
          errors={fields.err('recipients')}
          hint={`${form.tlp === 'AMBER+STRICT' ? 'TLP:AMBER+STRICT' : 'TLP:AMBER'} goes only to the agencies you tick.`}
        >
          <Checkboxes
            name="recipient"
            codes={partners.map((a) => a.id)}
            selected={form.recipients}
            onChange={(recipients) => set({ recipients })}
            labelOf={(id) => partners.find((a) => a.id === id)?.name ?? id}
          />
        </FieldGroup>
      )}
      <div className="row">
        <CodeField
          id="grading-source"
          path="grading.source"
          label="Source reliability"
          errors={fields.err('grading', 'grading.source')}
          value={form.source}
          onChange={(source) => set({ source })}
          codes={SOURCE_RELIABILITY}
          labelOf={label.source}
        />
        <CodeField
          id="grading-information"
          path="grading.information"
          label="Information credibility"
          errors={fields.err('grading.information')}
          value={form.information}
          onChange={(information) => set({ information })}
          codes={INFORMATION_CREDIBILITY}
          labelOf={label.information}
        />
      </div>
    </fieldset>
  );
}
