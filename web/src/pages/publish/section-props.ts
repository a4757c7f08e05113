// What every section of the publish form is given: the draft, a way to change it, and its messages;
// and how a section binds a field of the draft to its control.
import type { AlertForm } from '../../alert-form';
import type { CodeList } from '../../components/Field';
import type { FieldMessages } from './field-messages';

export interface SectionProps {
  form: AlertForm;
  set: (patch: Partial<AlertForm>) => void;
  fields: FieldMessages;
}

type KeysOf<V> = { [K in keyof AlertForm]: AlertForm[K] extends V ? K : never }[keyof AlertForm];

/** The codes a field chosen from a list takes, shown by their words, and what its select says while none is chosen. */
export type Choices = { [K in KeysOf<string> | KeysOf<string[]>]?: CodeList & { empty?: string } };

/** Controls whose id is not the field's name, e.g. the grading's, which name the scale. */
const CONTROL_IDS: { [K in keyof AlertForm]?: string } = {
  region: 'route-region',
  source: 'grading-source',
  information: 'grading-information',
  detectionPlace: 'detectedAt-place',
  location: 'detectedAt-location',
  flight: 'detectedAt-flight',
};

/**
 * Binds fields of the draft to their controls: the control's id is the field's name unless
 * CONTROL_IDS gives another, `path` is where the field sits in AlertInput, and its messages are
 * those of `parent` (the object holding it, when it has its own) followed by the field's. A
 * select's or a group of checkboxes' codes come from the section's `choices`.
 */
export function binders<C extends Choices>({ form, set, fields }: SectionProps, choices: C) {
  const at = (key: keyof AlertForm, path: string, parent?: string) => ({
    id: CONTROL_IDS[key] ?? key,
    path,
    errors: parent ? fields.err(parent, path) : fields.err(path),
  });
  const text = (key: KeysOf<string>, path: string = key, parent?: string) => ({
    ...at(key, path, parent),
    value: form[key],
    onChange: (value: string) => set({ [key]: value }),
  });
  const list = (key: KeysOf<string[]> & keyof C, path: string = key, parent?: string) => ({
    ...at(key, path, parent),
    selected: form[key],
    onChange: (selected: string[]) => set({ [key]: selected }),
    ...choices[key],
  });
  const code = (key: KeysOf<string> & keyof C, path: string = key, parent?: string) => ({
    ...text(key, path, parent),
    ...choices[key],
  });
  return { text, list, code };
}
