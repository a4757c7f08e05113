// The document a fraud was found on (ICAO 9303 document types and issuers), and where it was found.
import { DETECTION_PLACES, DOCUMENT_FEATURES, DOCUMENT_TYPES, FRAUD_TYPES } from '@corridor/proto';
import { CheckboxField, CodeField } from '../../components/Field';
import { issuerCodes, issuerName, label } from '../../labels';
import { TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const CHOICES = {
  documentType: { codes: DOCUMENT_TYPES, labelOf: label.documentType, empty: 'Choose a document type' },
  // sorted by name in the chosen language, so asked for when the form renders
  issuingState: {
    get codes() {
      return issuerCodes();
    },
    labelOf: issuerName,
    empty: 'Choose a country',
  },
  fraudType: { codes: FRAUD_TYPES, labelOf: label.fraudType, empty: 'Choose a type of fraud' },
  features: { codes: DOCUMENT_FEATURES, labelOf: label.feature },
  detectionPlace: { codes: DETECTION_PLACES, labelOf: label.detectionPlace, empty: 'Choose where' },
} satisfies Choices;

export function DocumentFraudSection(section: SectionProps) {
  const { fields } = section;
  const { text, list, code } = binders(section, CHOICES);
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
