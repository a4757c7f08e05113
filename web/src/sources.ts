// Which agencies answered a fanned-out query. The gateway lists them in `sources` and also adds one
// GraphQL error per node that did not answer (`extensions.agency`); both are folded into one list
// so that a partial answer always looks partial.
export interface SourceStatus {
  agency: string;
  ok: boolean;
  latencyMs: number | null;
  error: string | null;
}

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

export function sourcesOf(
  sources: readonly { agency: string; ok: boolean; latencyMs: number; error?: string | null }[],
  errors: readonly ErrorLike[],
): SourceStatus[] {
  const byAgency = new Map<string, SourceStatus>();
  for (const s of sources) byAgency.set(s.agency, { agency: s.agency, ok: s.ok, latencyMs: s.latencyMs, error: s.error ?? null });
  for (const e of errors) {
    const agency = e.extensions?.agency;
    if (typeof agency !== 'string') continue;
    const known = byAgency.get(agency);
    byAgency.set(agency, { agency, ok: false, latencyMs: known?.latencyMs ?? null, error: known?.error ?? e.message });
  }
  // Missing agencies first: that is what the officer must notice.
  return [...byAgency.values()].sort((a, b) => Number(a.ok) - Number(b.ok) || a.agency.localeCompare(b.agency));
}
