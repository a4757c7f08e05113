// TAXII 2.1's filters (§3.5) as this server holds its objects: one version of each, the current
// (an alert's amendment replaces its objects' version; what it corrected is not kept readable),
// and every object in STIX 2.1. So `match[version]` first, last and all name the same version,
// and a timestamp matches it when equal; `match[spec_version]` without a value means the newest,
// 2.1. Each value is checked, and a wrong one refused naming its parameter.

/** A filter that keeps every object, as the spec's defaults do here. */
export interface TaxiiFilters {
  ids: Set<string> | null;
  types: Set<string> | null;
  /** Timestamps (ms) a version must equal; null when first, last or all (the one version) is asked. */
  versions: Set<number> | null;
  specVersions: Set<string> | null;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ID = /^[a-z0-9][a-z0-9-]*--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE = /^[a-z0-9][a-z0-9-]*$/;
const SPEC_VERSION = /^\d+\.\d+$/;

function list(params: URLSearchParams, name: string): string[] | null {
  const all = params.getAll(name);
  if (all.length === 0) return null;
  return all.flatMap((v) => v.split(',')).map((v) => v.trim());
}

/**
 * The `match[…]` filters of `params` that `allowed` names (the others an endpoint does not take are
 * ignored, as §3.5 lets a server do), or the first wrong value, named.
 */
export function readTaxiiFilters(
  params: URLSearchParams,
  allowed: ReadonlySet<'id' | 'type' | 'version' | 'spec_version'>,
): TaxiiFilters | { error: string } {
  const ids = allowed.has('id') ? list(params, 'match[id]') : null;
  const badId = ids?.find((v) => !ID.test(v));
  if (badId !== undefined) return { error: `match[id] must be STIX ids such as report--<UUID>, comma-separated; "${badId}" is not one` };
  const types = allowed.has('type') ? list(params, 'match[type]') : null;
  const badType = types?.find((v) => !TYPE.test(v));
  if (badType !== undefined) return { error: `match[type] must be STIX types such as report, comma-separated; "${badType}" is not one` };
  const versionValues = allowed.has('version') ? list(params, 'match[version]') : null;
  let versions: Set<number> | null = null;
  if (versionValues && !versionValues.some((v) => v === 'first' || v === 'last' || v === 'all')) {
    versions = new Set();
    for (const v of versionValues) {
      const at = Date.parse(v);
      if (!TIMESTAMP.test(v) || Number.isNaN(at))
        return { error: `match[version] must be first, last, all or timestamps such as 2026-11-30T12:00:00.000Z; "${v}" is none` };
      versions.add(at);
    }
  }
  const specValues = allowed.has('spec_version') ? list(params, 'match[spec_version]') : null;
  const badSpec = specValues?.find((v) => !SPEC_VERSION.test(v));
  if (badSpec !== undefined) return { error: `match[spec_version] must be STIX versions such as 2.1; "${badSpec}" is not one` };
  return {
    ids: ids ? new Set(ids) : null,
    types: types ? new Set(types) : null,
    versions,
    specVersions: specValues ? new Set(specValues) : null,
  };
}

/** The version of an object as TAXII names it: its `modified`, or `created` for one without. */
export function versionOf(o: Record<string, unknown>): string {
  return String(o.modified ?? o.created);
}

export function matches(f: TaxiiFilters, o: { id: string; type: string } & Record<string, unknown>): boolean {
  if (f.ids && !f.ids.has(o.id)) return false;
  if (f.types && !f.types.has(o.type)) return false;
  if (f.versions && !f.versions.has(Date.parse(versionOf(o)))) return false;
  // STIX 2.0 objects have no spec_version; every object here has one, 2.1.
  if (f.specVersions && !f.specVersions.has(String(o.spec_version ?? '2.0'))) return false;
  return true;
}
