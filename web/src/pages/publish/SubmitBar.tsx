// The publish button, with how many fields still need attention or why the node refused.
import type { AlertFormKind } from '../../alert-form';
import { label } from '../../labels';

export function SubmitBar({
  kind,
  fetching,
  errorCount,
  failure,
}: {
  kind: AlertFormKind;
  fetching: boolean;
  errorCount: number;
  failure: string | null;
}) {
  return (
    <div className="submit-bar">
      <button type="submit" className="primary" data-testid="publish-submit" disabled={fetching}>
        {fetching ? 'Publishing…' : `Publish ${label.kind(kind).toLowerCase()}`}
      </button>
      {errorCount > 0 && !failure && (
        <span className="error" role="alert">
          {errorCount === 1 ? '1 field needs' : `${errorCount} fields need`} your attention before this can be published.
        </span>
      )}
      {failure && (
        <span className="error" role="alert" data-testid="publish-failure">
          {failure}
        </span>
      )}
    </div>
  );
}
