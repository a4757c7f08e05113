// The document a fraud was found on (ICAO 9303 document types and issuers), and where it was found.
import { DETECTION_PLACES, DOCUMENT_FEATURES, DOCUMENT_TYPES, FRAUD_TYPES } from '@corridor/proto';
import { Checkboxes, CodeField, Field, FieldGroup } from '../../components/Field';
import { ISSUER_CODES, issuerName, label } from '../../labels';
import type { SectionProps } from './section-props';

export function DocumentFraudSection({ form, set, fields }: SectionProps) {
  return (
    <fieldset>
      <legend>The document</legend>
      <div className="row">
        <CodeField
          id="documentType"
          path="documentFraud.documentType"
          label="Document type"
          errors={fields.err('documentFraud', 'documentFraud.documentType')}
          value={form.documentType}
          onChange={(documentType) => set({ documentType })}
          codes={DOCUMENT_TYPES}
          labelOf={label.documentType}
          empty="Choose a document type"
        />
        <CodeField
          id="issuingState"
          path="documentFraud.issuingState"
          label="Issuing state"
          errors={fields.err('documentFraud.issuingState')}
          value={form.issuingState}
          onChange={(issuingState) => set({ issuingState })}
          codes={ISSUER_CODES}
          labelOf={issuerName}
          empty="Choose a country"
        />
        <CodeField
          id="fraudType"
          path="documentFraud.fraudType"
          label="Type of fraud"
          errors={fields.err('documentFraud.fraudType')}
          value={form.fraudType}
          onChange={(fraudType) => set({ fraudType })}
          codes={FRAUD_TYPES}
          labelOf={label.fraudType}
          empty="Choose a type of fraud"
        />
      </div>
      <FieldGroup
        id="features"
        path="documentFraud.featuresAffected"
        legend="Features affected"
        errors={fields.err('documentFraud.featuresAffected')}
      >
        <Checkboxes
          name="feature"
          codes={DOCUMENT_FEATURES}
          selected={form.features}
          onChange={(features) => set({ features })}
          labelOf={label.feature}
        />
      </FieldGroup>
      <div className="row">
        <CodeField
          id="detectedAt-place"
          path="documentFraud.detectedAt.place"
          label="Detected at"
          errors={fields.err('documentFraud.detectedAt', 'documentFraud.detectedAt.place')}
          value={form.detectionPlace}
          onChange={(detectionPlace) => set({ detectionPlace })}
          codes={DETECTION_PLACES}
          labelOf={label.detectionPlace}
          empty="Choose where"
        />
        <Field
          id="detectedAt-location"
          path="documentFraud.detectedAt.location"
          label="Location (airport, crossing, port)"
          errors={fields.err('documentFraud.detectedAt.location')}
          offer={fields.offerAt('documentFraud.detectedAt.location')}
        >
          <input id="detectedAt-location" value={form.location} onChange={(e) => set({ location: e.target.value })} />
        </Field>
        <Field
          id="detectedAt-flight"
          path="documentFraud.detectedAt.flight"
          label="Flight (optional)"
          errors={fields.err('documentFraud.detectedAt.flight')}
        >
          <input
            id="detectedAt-flight"
            className="short"
            value={form.flight}
            onChange={(e) => set({ flight: e.target.value.toUpperCase() })}
            placeholder="e.g. AZ869"
          />
        </Field>
      </div>
    </fieldset>
  );
}
