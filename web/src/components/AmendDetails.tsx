// The route or the document of an alert being amended, with the publish form's own sections.
// Loaded only when an officer amends (AlertActions), so the feed's first load stays within budget.
import type { AmendChanges } from '../amend-input';
import type { ErrorsByPath } from '../field-errors';
import { DocumentFraudSection } from '../pages/publish/DocumentFraudSection';
import { fieldMessages, UnplacedMessages } from '../pages/publish/field-messages';
import { RouteSection } from '../pages/publish/RouteSection';

/** Paths AlertActions shows itself, above these sections. */
const SHOWN_ABOVE = ['summary', 'grading', 'grading.source', 'grading.information', 'caseReference', 'protection', 'validUntil'];

export function AmendDetails({
  kind,
  form,
  set,
  errors,
}: {
  kind: string;
  form: AmendChanges;
  set: (patch: Partial<AmendChanges>) => void;
  errors: ErrorsByPath;
}) {
  const fields = fieldMessages(errors, [], () => {});
  fields.err(...SHOWN_ABOVE);
  const section = { form, set, fields };
  return (
    <>
      {kind === 'route' ? <RouteSection {...section} /> : <DocumentFraudSection {...section} />}
      <UnplacedMessages errors={errors} shown={fields.shown} />
    </>
  );
}
