// The document a fraud was found on (ICAO 9303 document types and issuers), and where it was found.
import { DETECTION_PLACES, DOCUMENT_FEATURES, DOCUMENT_TYPES, FRAUD_TYPES } from '@corridor/proto';
import { CheckboxField, CodeField } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';
import { issuerCodes, issuerName, label } from '../../labels';
import { TextField } from './controls';
import { binders, type Choices, type SectionProps } from './section-props';

const choices = (t: ReturnType<typeof useT>) =>
  ({
    documentType: { codes: DOCUMENT_TYPES, labelOf: label.documentType, empty: t('publish.chooseDocumentType') },
    // sorted by name in the chosen language, so asked for when the form renders
    issuingState: {
      get codes() {
        return issuerCodes();
      },
      labelOf: issuerName,
      empty: t('publish.chooseCountry'),
    },
    fraudType: { codes: FRAUD_TYPES, labelOf: label.fraudType, empty: t('publish.chooseFraudType') },
    features: { codes: DOCUMENT_FEATURES, labelOf: label.feature },
    detectionPlace: { codes: DETECTION_PLACES, labelOf: label.detectionPlace, empty: t('publish.chooseWhere') },
  }) satisfies Choices;

export function DocumentFraudSection(section: SectionProps) {
  const t = useT();
  const { fields } = section;
  const { text, list, code } = binders(section, choices(t));
  return (
    <fieldset>
      <legend>{t('publish.theDocument')}</legend>
      <div className="row">
        <CodeField label={t('publish.documentType')} {...code('documentType', 'documentFraud.documentType', 'documentFraud')} />
        <CodeField label={t('publish.issuingState')} {...code('issuingState', 'documentFraud.issuingState')} />
        <CodeField label={t('publish.fraudType')} {...code('fraudType', 'documentFraud.fraudType')} />
      </div>
      <CheckboxField legend={t('alert.featuresAffected')} name="feature" {...list('features', 'documentFraud.featuresAffected')} />
      <div className="row">
        <CodeField
          label={t('alert.detectedAt')}
          {...code('detectionPlace', 'documentFraud.detectedAt.place', 'documentFraud.detectedAt')}
        />
        <TextField
          label={t('publish.location')}
          offer={fields.offerAt('documentFraud.detectedAt.location')}
          {...text('location', 'documentFraud.detectedAt.location')}
        />
        <TextField
          label={t('publish.flight')}
          className="short"
          placeholder={t('publish.flightPlaceholder')}
          upperCase
          {...text('flight', 'documentFraud.detectedAt.flight')}
        />
      </div>
    </fieldset>
  );
}
