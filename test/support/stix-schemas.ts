// The OASIS STIX 2.1 JSON schemas (cti-stix2-json-schemas, BSD-3-Clause: see the LICENSE and
// SOURCE beside them in test/fixtures/stix2.1-json-schemas), loaded whole into ajv's draft
// 2020-12 mode: they refer to each other by $id and relative $ref, so every one is registered.
// What a STIX consumer that validates (OpenCTI, MISP's STIX import) would accept or refuse.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../fixtures/stix2.1-json-schemas/schemas/', import.meta.url));
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

export interface StixValidator {
  /** Problems of one object against the schema of its type ([] when it validates). */
  problems(object: { type?: unknown } & Record<string, unknown>): string[];
  /** Problems of any JSON against a schema of ours (the Corridor extension's). */
  against(schema: object, value: unknown): string[];
}

export function stixValidator(): StixValidator {
  // The OASIS schemas use keywords ajv's strict mode warns about, and patterns (`\-`) that are not
  // valid under the RegExp `u` flag ajv uses by default: they are the reference as published.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const byType = new Map<string, string>();
  for (const folder of ['common', 'sdos', 'sros', 'observables', 'extensions']) {
    let files: string[];
    try {
      files = readdirSync(join(ROOT, folder));
    } catch {
      continue;
    }
    for (const f of files.filter((n) => n.endsWith('.json'))) {
      const schema = JSON.parse(readFileSync(join(ROOT, folder, f), 'utf8')) as { $id?: string };
      ajv.addSchema(schema);
      byType.set(f.replace(/\.json$/, ''), schema.$id ?? `${BASE}${folder}/${f}`);
    }
  }
  const compiled = new Map<string, ValidateFunction>();
  const explain = (v: ValidateFunction) =>
    (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  return {
    problems(object) {
      const type = typeof object.type === 'string' ? object.type : '';
      const id = byType.get(type);
      if (!id) return [`no OASIS schema for type ${JSON.stringify(object.type)}`];
      let v = compiled.get(id);
      if (!v) {
        v = ajv.getSchema(id);
        if (!v) return [`schema ${id} did not compile`];
        compiled.set(id, v);
      }
      return v(object) ? [] : explain(v);
    },
    against(schema, value) {
      const v = ajv.compile(schema);
      return v(value) ? [] : explain(v);
    },
  };
}
