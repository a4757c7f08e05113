// What every section of the publish form is given: the draft, a way to change it, and its messages;
// and how a section binds a field of the draft to its control.
import { PROTECTION_FLAG_LABELS, PROTECTION_FLAGS, TLP_LEVELS } from '@corridor/proto';
import type { AlertForm } from '../../alert-form';
import type { CodeList } from '../../components/Field';
import { CODE_LISTS, ISSUER_CODES, issuerName } from '../../labels';
import type { FieldMessages } from './field-messages';

export interface SectionProps {
  form: AlertForm;
  set: (patch: Partial<AlertForm>) => void;
  fields: FieldMessages;
}

type KeysOf<V> = { [K in keyof AlertForm]: AlertForm[K] extends V ? K : never }[keyof AlertForm];

/** The codes each field of the draft that is chosen from a list takes, shown by their words, and what its select says while none is chosen. */
const CHOICES = {
  tlp: { codes: TLP_LEVELS, labelOf: (c: string) => `TLP:${c}` },
  protection: { codes: PROTECTION_FLAGS, labelOf: (f: string) => PROTECTION_FLAG_LABELS[f as keyof typeof PROTECTION_FLAG_LABELS] },
  source: CODE_LISTS.source,
  information: CODE_LISTS.information,
  region: CODE_LISTS.region,
  transport: { ...CODE_LISTS.transport, empty: 'Choose a means of transport' },
  concealment: { ...CODE_LISTS.concealment, empty: 'Not known' },
  platforms: CODE_LISTS.platform,
  documentType: { ...CODE_LISTS.documentType, empty: 'Choose a document type' },
  issuingState: { codes: ISSUER_CODES, labelOf: issuerName, empty: 'Choose a country' },
  fraudType: { ...CODE_LISTS.fraudType, empty: 'Choose a type of fraud' },
  features: CODE_LISTS.feature,
  detectionPlace: { ...CODE_LISTS.detectionPlace, empty: 'Choose where' },
} satisfies { [K in KeysOf<string> | KeysOf<string[]>]?: CodeList & { empty?: string } };

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
 * CONTROL_IDS gives another, `path` is where the field sits in AlertInput, and its messages are those of
 * `parent` (the object holding it, when it has its own) followed by the field's.
 */
export function binders({ form, set, fields }: SectionProps) {
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
  const list = (key: KeysOf<string[]> & keyof typeof CHOICES, path: string = key, parent?: string) => ({
    ...at(key, path, parent),
    selected: form[key],
    onChange: (selected: string[]) => set({ [key]: selected }),
    ...CHOICES[key],
  });
  const code = (key: KeysOf<string> & keyof typeof CHOICES, path: string = key, parent?: string) => ({
    ...text(key, path, parent),
    ...CHOICES[key],
  });
  return { text, list, code };
}
