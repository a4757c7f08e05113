// The identifiers of the alert: each is pseudonymized by the officer's own node before anything
// leaves it, so this is where names, numbers and handles belong (not in free text).
import { IDENTIFIER_KINDS } from '@corridor/proto';
import { CodeField, Field, FieldGroup } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';
import { label } from '../../labels';
import { EditableRows } from './controls';
import type { SectionProps } from './section-props';

export function IdentifiersSection({ form, set, fields }: SectionProps) {
  const t = useT();
  return (
    <FieldGroup
      id="identifiers"
      legend={t('identifiers.legend')}
      errors={fields.err('identifiers')}
      hint={
        <>
          {t('identifiers.hintWhat')} <strong>{t('identifiers.hintPseudonymized')}</strong> {t('identifiers.hintHow')}
        </>
      }
    >
      <EditableRows
        rows={form.identifiers}
        onChange={(identifiers) => set({ identifiers })}
        what={{ add: t('identifiers.add'), row: (n) => t('identifiers.row', { n }) }}
        blank={() => ({ kind: form.kind === 'route' ? 'phone' : 'travel_document', value: '', qualifier: '' })}
        removable
      >
        {(row, i, setIdentifier) => (
          <>
            <CodeField
              id={`identifier-${i}-kind`}
              path={`identifiers.${i}.kind`}
              label={t('identifiers.kind', { n: i + 1 })}
              errors={fields.err(`identifiers.${i}.kind`, `identifiers.${i}`)}
              value={row.kind}
              onChange={(kind) => setIdentifier({ kind })}
              codes={IDENTIFIER_KINDS}
              labelOf={label.identifierKind}
            />
            <Field
              id={`identifier-${i}-value`}
              path={`identifiers.${i}.value`}
              label={t('identifiers.value', { n: i + 1 })}
              errors={fields.err(`identifiers.${i}.value`)}
            >
              <input
                id={`identifier-${i}-value`}
                autoComplete="off"
                spellCheck={false}
                value={row.value}
                onChange={(e) => setIdentifier({ value: e.target.value })}
              />
            </Field>
            <Field
              id={`identifier-${i}-qualifier`}
              path={`identifiers.${i}.qualifier`}
              label={t('identifiers.qualifier')}
              errors={fields.err(`identifiers.${i}.qualifier`)}
            >
              <input
                id={`identifier-${i}-qualifier`}
                aria-label={t('identifiers.qualifierOf', { n: i + 1 })}
                value={row.qualifier}
                onChange={(e) => setIdentifier({ qualifier: e.target.value })}
              />
            </Field>
          </>
        )}
      </EditableRows>
    </FieldGroup>
  );
}
