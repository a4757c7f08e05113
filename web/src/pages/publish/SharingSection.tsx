// Who may see the alert (TLP 2.0, and the partners named for AMBER), what they may do with it (the
// handling code) and whether it may serve as evidence, how long it holds, the case reference and
// protection flags, and its grading (the 4x4 source and information scale).
import { EVIDENCE_USES, HANDLING_CODES, PROTECTION_FLAGS, TLP_LEVELS } from '@corridor/proto';
import { isRestrictedTlp } from '../../alert-form';
import { CheckboxField, CodeField } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { GRADING_SCALES, label } from '../../labels';
import { TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const CHOICES = {
  tlp: { codes: TLP_LEVELS, labelOf: (c: string) => `TLP:${c}` },
  protection: { codes: PROTECTION_FLAGS, labelOf: label.protection },
  handlingCode: { codes: HANDLING_CODES, labelOf: label.handlingCode },
  evidenceUse: { codes: EVIDENCE_USES, labelOf: label.evidenceUse },
  ...GRADING_SCALES,
} satisfies Choices;

const TLP_ADVICE: Record<string, MessageId> = {
  CLEAR: 'sharing.advice.CLEAR',
  GREEN: 'sharing.advice.GREEN',
  AMBER: 'sharing.advice.AMBER',
  'AMBER+STRICT': 'sharing.advice.AMBER+STRICT',
  RED: 'sharing.advice.RED',
};

export function SharingSection({ partners, ...section }: SectionProps & { partners: { id: string; name: string }[] }) {
  const t = useT();
  const { form, set, fields } = section;
  const advice = TLP_ADVICE[form.tlp];
  const { text, list, code } = binders(section, CHOICES);
  const restricted = isRestrictedTlp(form.tlp);
  return (
    <fieldset>
      <legend>{t('sharing.legend')}</legend>
      <div className="row">
        {/* A draft from a file without a TLP marking starts with none: the officer chooses. */}
        <CodeField
          label={t('sharing.tlp')}
          hint={advice && t(advice)}
          {...code('tlp')}
          empty={form.tlp === '' ? t('sharing.chooseTlp') : undefined}
        />
        <TextField label={t('sharing.validUntil')} hint={t('sharing.validUntilHint')} type="datetime-local" {...text('validUntil')} />
        <TextField
          label={t('sharing.caseReference')}
          offer={fields.offerAt('caseReference')}
          hint={t('sharing.caseReferenceHint')}
          maxLength={80}
          {...text('caseReference')}
        />
      </div>
      <div className="row">
        <CodeField label={t('sharing.handlingCode')} hint={t('sharing.handlingCodeHint')} {...code('handlingCode')} />
        {form.handlingCode === 'H3' && (
          <TextField label={t('sharing.handlingConditions')} maxLength={500} {...text('handlingConditions')} />
        )}
      </div>
      <div className="row">
        <CodeField label={t('sharing.evidenceUse')} {...code('evidenceUse', 'evidence.use', 'evidence')} />
        <TextField
          label={t('sharing.evidenceLegalBasis')}
          hint={t('sharing.evidenceLegalBasisHint')}
          maxLength={300}
          {...text('evidenceLegalBasis', 'evidence.legalBasis')}
        />
      </div>
      <CheckboxField legend={t('sharing.vulnerable')} hint={t('sharing.vulnerableHint')} name="protection" {...list('protection')} />
      {restricted && (
        <CheckboxField
          id="recipients"
          legend={t('sharing.recipients')}
          errors={fields.err('recipients')}
          hint={t('sharing.recipientsHint', { tlp: form.tlp === 'AMBER+STRICT' ? 'TLP:AMBER+STRICT' : 'TLP:AMBER' })}
          name="recipient"
          codes={partners.map((a) => a.id)}
          selected={form.recipients}
          onChange={(recipients) => set({ recipients })}
          labelOf={(id) => partners.find((a) => a.id === id)?.name ?? id}
        />
      )}
      <div className="row">
        <CodeField label={t('sharing.source')} {...code('source', 'grading.source', 'grading')} />
        <CodeField label={t('sharing.information')} {...code('information', 'grading.information')} />
      </div>
    </fieldset>
  );
}
