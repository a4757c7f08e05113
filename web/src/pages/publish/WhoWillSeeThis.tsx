// "Who will see this?" beside the publish form (issue 17, item 6): once the draft passes the
// console's own check, the caller's node runs it through the release decisions it would apply on
// publishing and answers, per other agency, whether a copy goes there (and why), the fields
// withheld from it and the roles that may read it. Asked again, debounced, as the draft changes.
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import type { AlertForm } from '../../alert-form';
import { buildAlertInput, checkAlertForm } from '../../alert-form';
import { failureText } from '../../components/ErrorAlert';
import { useT } from '../../i18n/I18nProvider';
import type { MessageId } from '../../i18n/messages/en';
import { countryName, label, withheldFieldText } from '../../labels';
import { ReleasePreviewQuery } from '../Publish.documents';

/** Long enough that typing a summary asks once, short enough that a TLP change answers at once. */
const DEBOUNCE_MS = 400;

const REASONS: Record<string, MessageId> = {
  released: 'preview.reason.released',
  tlp_red: 'preview.reason.tlp_red',
  not_named: 'preview.reason.not_named',
  denied_by_rule: 'preview.reason.denied_by_rule',
  no_rule: 'preview.reason.no_rule',
};

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function WhoWillSeeThis({ form }: { form: AlertForm }) {
  const t = useT();
  const ready = Object.keys(checkAlertForm(form, new Date())).length === 0;
  // Compared as text: the form builds a new object on every keystroke.
  const draft = ready ? JSON.stringify(buildAlertInput(form)) : null;
  const asked = useDebounced(draft, DEBOUNCE_MS);
  const [{ data, fetching, error }] = useQuery({
    query: ReleasePreviewQuery,
    variables: { input: asked ? JSON.parse(asked) : {} },
    pause: asked === null,
    requestPolicy: 'network-only',
  });
  const items = asked !== null && draft === asked ? data?.releasePreview : undefined;
  const stale = draft !== null && (draft !== asked || fetching);
  const fields = (list: readonly string[]) => list.map(withheldFieldText).join(', ');

  return (
    <aside className="release-preview" aria-labelledby="release-preview-title" data-testid="release-preview">
      <h2 id="release-preview-title">{t('preview.title')}</h2>
      <p className="muted" role="status" data-testid="release-preview-status">
        {draft === null
          ? t('preview.incomplete')
          : stale
            ? t('preview.updating')
            : error
              ? t('preview.failed', { reason: failureText(error) })
              : items
                ? t('preview.summary', { receiving: items.filter((i) => i.receives).length, total: items.length })
                : ''}
      </p>
      {items && !stale && (
        <>
          <ul className="release-preview-list">
            {items.map((i) => (
              <li key={i.agency} data-testid="release-preview-agency" data-agency={i.agency} data-receives={i.receives}>
                <p>
                  <strong>{i.name}</strong> <span className="muted">({countryName(i.country)})</span>
                </p>
                <p className={i.receives ? 'preview-receives' : 'preview-not-receives'}>
                  {i.receives ? t('preview.receives') : t('preview.notReceives')}{' '}
                  <span className="muted">{t(REASONS[i.reason] ?? 'preview.reason.no_rule', { rule: i.rule ?? '' })}</span>
                </p>
                {i.receives && (
                  <p data-testid="release-preview-withheld">
                    {i.withheld.length > 0 ? t('preview.withheld', { fields: fields(i.withheld) }) : t('preview.nothingWithheld')}
                  </p>
                )}
                {i.receives && form.tlp === 'AMBER+STRICT' && <p>{t('preview.strict')}</p>}
                {i.readers.length > 0 && <p id={`readers-${i.agency}`}>{i.receives ? t('preview.readers') : t('preview.readAtOurs')}</p>}
                {i.readers.length > 0 && (
                  <ul className="release-preview-readers" aria-labelledby={`readers-${i.agency}`}>
                    {readerGroups(i.readers).map((g) => (
                      <li key={g.withheld.join()}>
                        {g.roles.map((r) => label.userRole(r)).join(', ')}:{' '}
                        {g.withheld.length > 0 ? t('preview.readWithout', { fields: fields(g.withheld) }) : t('preview.readAll')}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          {items[0] && <p className="muted">{t('preview.basis', { version: items[0].policyVersion })}</p>}
        </>
      )}
    </aside>
  );
}

/** Roles that see the same, together: most policies treat every role alike. */
function readerGroups(readers: readonly { role: string; withheld: string[] }[]) {
  const groups = new Map<string, { roles: string[]; withheld: string[] }>();
  for (const r of readers) {
    const key = r.withheld.join();
    const group = groups.get(key) ?? { roles: [], withheld: r.withheld };
    group.roles.push(r.role);
    groups.set(key, group);
  }
  return [...groups.values()];
}
