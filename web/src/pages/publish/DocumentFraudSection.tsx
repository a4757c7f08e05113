// The document a fraud was found on (ICAO 9303 document types and issuers), and where it was found.
import { CheckboxField, CodeField } from '../../components/Field';
import { TextField } from './controls';
import { binders, type SectionProps } from './section-props';

export function DocumentFraudSection(section: SectionProps) {
  const { fields } = section;
  const { text, list, code } = binders(section);
  return (
    <fieldset>
      <legend>The document</legend>
      <div className="row">
        <CodeField label="Document type" {...code('documentType', 'documentFraud.documentType', 'documentFraud')} />
        <CodeField label="Issuing state" {...code('issuingState', 'documentFraud.issuingState')} />
        <CodeField label="Type of fraud" {...code('fraudType', 'documentFraud.fraudType')} />
      </div>
      <CheckboxField legend="Features affected" name="feature" {...list('features', 'documentFraud.featuresAffected')} />
      <div className="row">
        <CodeField label="Detected at" {...code('detectionPlace', 'documentFraud.detectedAt.place', 'documentFraud.detectedAt')} />
        <TextField
          label="Location (airport, crossing, port)"
          offer={fields.offerAt('documentFraud.detectedAt.location')}
          {...text('location', 'documentFraud.detectedAt.location')}
        />
        <TextField
          label="Flight (optional)"
          className="short"
          placeholder="e.g. AZ869"
          upperCase
          {...text('flight', 'documentFraud.detectedAt.flight')}
        />
      </div>
    </fieldset>
  );
}
