// The identifiers of the alert: each is pseudonymized by the officer's own node before anything
// leaves it, so this is where names, numbers and handles belong (not in free text).
import { IDENTIFIER_KINDS } from '@corridor/proto';
import { CodeField, Field, FieldGroup } from '../../components/Field';
import { label } from '../../labels';
import { EditableRows } from './controls';
import type { SectionProps } from './section-props';

export function IdentifiersSection({ form, set, fields }: SectionProps) {
  return (
    <FieldGroup
      id="identifiers"
      legend="Identifiers"
      errors={fields.err('identifiers')}
      hint={
        <>
          Document numbers, names with date of birth, phone numbers, handles, plates. <strong>Your node pseudonymizes each one</strong> (a
          keyed hash) before anything leaves it: partners can match them with their own, nobody can read them back.
        </>
      }
    >
      <EditableRows
        rows={form.identifiers}
        onChange={(identifiers) => set({ identifiers })}
        what="identifier"
        blank={() => ({ kind: form.kind === 'route' ? 'phone' : 'travel_document', value: '', qualifier: '' })}
        removable
      >
        {(row, i, setIdentifier) => (
          <>
            <CodeField
              id={`identifier-${i}-kind`}
              path={`identifiers.${i}.kind`}
              label={`Identifier ${i + 1} kind`}
              errors={fields.err(`identifiers.${i}.kind`, `identifiers.${i}`)}
              value={row.kind}
              onChange={(kind) => setIdentifier({ kind })}
              codes={IDENTIFIER_KINDS}
              labelOf={label.identifierKind}
            />
            <Field
              id={`identifier-${i}-value`}
              path={`identifiers.${i}.value`}
              label={`Identifier ${i + 1} value`}
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
              label="Qualifier (issuing state, platform…)"
              errors={fields.err(`identifiers.${i}.qualifier`)}
            >
              <input
                id={`identifier-${i}-qualifier`}
                aria-label={`Identifier ${i + 1} qualifier: issuing state, platform, date of birth`}
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
