// Which agencies answered: a partial answer must look partial, never complete.
import type { CombinedError } from '@urql/core';
import { useT } from '../i18n/I18nProvider';
import { type SourceStatus, sourcesOf } from '../sources';

export function Sources({
  sources,
  error,
  agencyName,
}: {
  sources: readonly { agency: string; ok: boolean; latencyMs: number; error?: string | null }[] | undefined;
  error: CombinedError | undefined;
  agencyName: (id: string) => string;
}) {
  const t = useT();
  const list: SourceStatus[] = sourcesOf(sources ?? [], error?.graphQLErrors ?? []);
  if (list.length === 0) return null;
  const missing = list.filter((s) => !s.ok);
  return (
    <div className={`sources ${missing.length > 0 ? 'sources-partial' : ''}`} data-testid="sources" role="status">
      <span className="sources-title">
        {missing.length > 0
          ? t('sources.partial', { missing: missing.length, count: list.length })
          : t('sources.all', { count: list.length })}
      </span>
      {list.map((s) => (
        <span
          key={s.agency}
          className={`source ${s.ok ? 'source-ok' : 'source-missing'}`}
          title={s.ok ? `${s.agency}: ${s.latencyMs} ms` : `${s.agency}: ${s.error ?? t('sources.noAnswer')}`}
          data-agency={s.agency}
          data-ok={s.ok}
        >
          <span aria-hidden="true">{s.ok ? '✓' : '✗'}</span> {agencyName(s.agency)}
          {s.ok ? '' : ` — ${t('sources.didNotAnswer')}`}
        </span>
      ))}
    </div>
  );
}
