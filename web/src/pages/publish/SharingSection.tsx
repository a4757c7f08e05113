// Who may see the alert (TLP 2.0, and the partners named for AMBER), how long it holds, the case
// reference and protection flags, and its grading (the 4x4 source and information scale).
import { PROTECTION_FLAG_LABELS, PROTECTION_FLAGS, TLP_LEVELS } from '@corridor/proto';
import { isRestrictedTlp } from '../../alert-form';
import { CheckboxField, CodeField } from '../../components/Field';
import { GRADING_SCALES } from '../../labels';
import { TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const CHOICES = {
  tlp: { codes: TLP_LEVELS, labelOf: (c: string) => `TLP:${c}` },
  protection: { codes: PROTECTION_FLAGS, labelOf: (f: string) => PROTECTION_FLAG_LABELS[f as keyof typeof PROTECTION_FLAG_LABELS] },
  ...GRADING_SCALES,
} satisfies Choices;

const TLP_ADVICE: Record<string, string> = {
  CLEAR: 'Anyone may see it, inside or outside the network.',
  GREEN: 'Every agency in the Corridor network sees it.',
  AMBER: 'Only the agencies you name below see it; they may share it on a need-to-know basis.',
  'AMBER+STRICT': 'Only the agencies you name below see it, and they keep it inside their own agency.',
  RED: 'It stays in your own agency: no partner receives it.',
};

export function SharingSection({ partners, ...section }: SectionProps & { partners: { id: string; name: string }[] }) {
  const { form, set, fields } = section;
  const { text, list, code } = binders(section, CHOICES);
  const restricted = isRestrictedTlp(form.tlp);
  return (
    <fieldset>
      <legend>Who may see it, how reliable it is</legend>
      <div className="row">
        <CodeField label="Sharing (TLP)" hint={TLP_ADVICE[form.tlp]} {...code('tlp')} />
        <TextField label="Valid until (optional)" hint="Your local time." type="datetime-local" {...text('validUntil')} />
        <TextField
          label="Case reference (optional)"
          offer={fields.offerAt('caseReference')}
          hint="Your file number; your agency's release policy decides who sees it (by default, partner prosecutors)."
          maxLength={80}
          {...text('caseReference')}
        />
      </div>
      <CheckboxField
        legend="Vulnerable persons (optional)"
        hint="Each agency receiving the alert brings it to its protection contact for the country. People to protect, never suspects."
        name="protection"
        {...list('protection')}
      />
      {restricted && (
        <CheckboxField
          id="recipients"
          legend="Agencies that may see it"
          errors={fields.err('recipients')}
          hint={`${form.tlp === 'AMBER+STRICT' ? 'TLP:AMBER+STRICT' : 'TLP:AMBER'} goes only to the agencies you tick.`}
          name="recipient"
          codes={partners.map((a) => a.id)}
          selected={form.recipients}
          onChange={(recipients) => set({ recipients })}
          labelOf={(id) => partners.find((a) => a.id === id)?.name ?? id}
        />
      )}
      <div className="row">
        <CodeField label="Source reliability" {...code('source', 'grading.source', 'grading')} />
        <CodeField label="Information credibility" {...code('information', 'grading.information')} />
      </div>
    </fieldset>
  );
}
