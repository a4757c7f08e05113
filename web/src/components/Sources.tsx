// Which agencies answered: a partial answer must look partial, never complete.
import type { CombinedError } from '@urql/core';
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
  const list: SourceStatus[] = sourcesOf(sources ?? [], error?.graphQLErrors ?? []);
  if (list.length === 0) return null;
  const missing = list.filter((s) => !s.ok);
  return (
    <div className={`sources ${missing.length > 0 ? 'sources-partial' : ''}`} data-testid="sources" role="status">
      <span className="sources-title">
        {missing.length > 0
          ? `Partial answer: ${missing.length} of ${list.length} agencies did not answer`
          : `All ${list.length} agencies answered`}
      </span>
      {list.map((s) => (
        <span
          key={s.agency}
          className={`source ${s.ok ? 'source-ok' : 'source-missing'}`}
          title={s.ok ? `${s.agency}: ${s.latencyMs} ms` : `${s.agency}: ${s.error ?? 'no answer'}`}
          data-agency={s.agency}
          data-ok={s.ok}
        >
          <span aria-hidden="true">{s.ok ? '✓' : '✗'}</span> {agencyName(s.agency)}
          {s.ok ? '' : ' — did not answer'}
        </span>
      ))}
    </div>
  );
}
