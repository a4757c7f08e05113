// What every section of the publish form is given: the draft, a way to change it, and its messages.
import type { AlertForm } from '../../alert-form';
import type { FieldMessages } from './field-messages';

export interface SectionProps {
  form: AlertForm;
  set: (patch: Partial<AlertForm>) => void;
  fields: FieldMessages;
}
