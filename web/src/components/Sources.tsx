// Which agencies answered: a partial answer must look partial, never complete.
export interface SourceStatus {
  agency: string;
  ok: boolean;
  latencyMs: number;
  error?: string | null;
}

export function Sources({ sources }: { sources: SourceStatus[] | undefined }) {
  if (!sources || sources.length === 0) return null;
  const missing = sources.filter((s) => !s.ok);
  return (
    <div className={`sources ${missing.length > 0 ? 'sources-partial' : ''}`} data-testid="sources" role="status">
      <span className="sources-title">
        {missing.length > 0 ? `Partial answer: ${missing.length} of ${sources.length} agencies did not answer` : 'Answered by'}
      </span>
      {sources.map((s) => (
        <span
          key={s.agency}
          className={`source ${s.ok ? 'source-ok' : 'source-missing'}`}
          title={s.error ?? `${s.latencyMs} ms`}
          data-agency={s.agency}
        >
          {s.ok ? '✓' : '✗'} {s.agency}
          {s.ok ? ` · ${s.latencyMs} ms` : ` · ${s.error ?? 'no answer'}`}
        </span>
      ))}
    </div>
  );
}
