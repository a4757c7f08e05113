// The publish button, with how many fields still need attention or why the node refused.
import type { AlertFormKind } from '../../alert-form';
import { useT } from '../../i18n/I18nProvider';
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
  const t = useT();
  return (
    <div className="submit-bar">
      <button type="submit" className="primary" data-testid="publish-submit" disabled={fetching}>
        {fetching ? t('publish.publishing') : t('publish.submit', { kind: label.kind(kind).toLocaleLowerCase() })}
      </button>
      {errorCount > 0 && !failure && (
        <span className="error" role="alert">
          {t('publish.fieldsNeedAttention', { count: errorCount })}
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
