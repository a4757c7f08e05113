// A STIX 2.1 bundle (OASIS STIX 2.1, as OpenCTI exports a report) read as a draft alert: the
// report's name and description as the summary, its location objects as waypoints, its TLP
// markings as the TLP, labels that name a transport, concealment, platform or route as modus
// operandi, indicators' and observables' phone numbers, e-mail addresses and bank accounts and
// individuals' names as identifiers, the earliest indicator `valid_until` as validity. Everything
// else is listed as not taken, extension properties (`x_…`, `extensions`) with a note of their names.
import {
  countryCode,
  DraftBuilder,
  type ImportedDraft,
  ImportFileError,
  isObject,
  type Json,
  optionalDegrees,
  optionalList,
  optionalText,
  tlpLevel,
} from './draft';

/** The predefined TLP marking definitions of STIX 2.1 (§7.2.1.4), by id. */
const TLP_MARKING_IDS: Record<string, string> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};
/** The TLP 2.0 extension definition (FIRST's, registered with OASIS). */
const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** STIX common properties that carry no meaning for an alert; neither taken nor worth listing. */
const COMMON = new Set([
  'type',
  'spec_version',
  'id',
  'created',
  'modified',
  'created_by_ref',
  'revoked',
  'confidence',
  'lang',
  'external_references',
  'object_marking_refs',
  'granular_markings',
  'labels',
  'object_refs',
  'published',
  'report_types',
]);

export function isStixBundle(doc: unknown): boolean {
  return isObject(doc) && doc.type === 'bundle';
}

/** The TLP a marking definition states, if it is a TLP one (by id, 2.0/2.1 definition, name or the TLP 2.0 extension). */
function markingTlp(m: Json): string | undefined {
  const id = typeof m.id === 'string' ? m.id : '';
  if (TLP_MARKING_IDS[id]) return TLP_MARKING_IDS[id];
  const definition = isObject(m.definition) ? m.definition : {};
  if (String(m.definition_type).toLowerCase() === 'tlp' && typeof definition.tlp === 'string') return tlpLevel(definition.tlp);
  const ext = isObject(m.extensions) ? m.extensions[TLP2_EXTENSION] : undefined;
  if (isObject(ext) && typeof ext.tlp_2_0 === 'string') return tlpLevel(ext.tlp_2_0);
  // OpenCTI: x_opencti_definition_type "TLP", name "TLP:AMBER".
  if (typeof m.name === 'string' && /^tlp:/i.test(m.name)) return tlpLevel(m.name);
  return undefined;
}

/** Identifiers an indicator's pattern states with `=`: `[email-addr:value = 'a@b.example']`. */
const PATTERN_TERM = /\[?\s*([a-z0-9-]+):([a-z0-9_.]+)\s*=\s*'((?:[^'\\]|\\.)*)'\s*\]?/gi;

/** The identifier kind of an observable property (STIX 2.1 SCOs and OpenCTI's custom ones). */
function identifierKind(objectType: string, property: string): string | undefined {
  const t = objectType.replace(/^x-opencti-/, '');
  if (t === 'email-addr' && property === 'value') return 'email';
  if (t === 'phone-number' && property === 'value') return 'phone';
  if (t === 'bank-account' && (property === 'iban' || property === 'account_number')) return 'bank_account';
  return undefined;
}

function extensionNames(o: Json): string[] {
  const names = Object.keys(o).filter((k) => k.startsWith('x_'));
  if (isObject(o.extensions)) names.push(...Object.keys(o.extensions).filter((k) => k !== TLP2_EXTENSION));
  return names;
}

export function draftFromStixBundle(doc: unknown): ImportedDraft {
  if (!isObject(doc) || doc.type !== 'bundle') throw new ImportFileError('unknown_format', '');
  if (!Array.isArray(doc.objects)) throw new ImportFileError(doc.objects === undefined ? 'missing' : 'wrong_type', 'objects');
  const draft = new DraftBuilder('stix');
  const objects = doc.objects.map((o, i) => {
    const at = `objects[${i}]`;
    if (!isObject(o)) throw new ImportFileError('wrong_type', at);
    if (typeof o.type !== 'string') throw new ImportFileError('missing', `${at}.type`);
    if (typeof o.id !== 'string') throw new ImportFileError('missing', `${at}.id`);
    // A 2.0 bundle states its version on the bundle, a 2.1 object on itself (marking definitions may omit it).
    if (o.spec_version !== undefined && o.spec_version !== '2.1') throw new ImportFileError('spec_version', `${at}.spec_version`);
    return { o, at };
  });
  if (doc.spec_version !== undefined && doc.spec_version !== '2.1') throw new ImportFileError('spec_version', 'spec_version');
  const byId = new Map(objects.map((x) => [x.o.id as string, x]));

  const reports = objects.filter((x) => x.o.type === 'report');
  const report = reports[0];
  // The report's own objects, in its order, come first; then the rest of the bundle.
  const refs = report ? optionalList(report.o, 'object_refs', report.at).filter((r): r is string => typeof r === 'string') : [];
  const ordered = [...refs.flatMap((r) => byId.get(r) ?? []), ...objects.filter((x) => !refs.includes(x.o.id as string))];

  const markingRefs = report
    ? optionalList(report.o, 'object_marking_refs', report.at)
    : objects.flatMap((x) => optionalList(x.o, 'object_marking_refs', x.at));
  for (const ref of new Set(markingRefs)) {
    if (typeof ref !== 'string') continue;
    const marking = byId.get(ref)?.o ?? { id: ref };
    const level = markingTlp(marking);
    if (level) draft.tlp(level);
  }

  // OpenCTI gives a city no country of its own: a `located-at` relationship points to its country.
  const locatedAt = new Map<string, string>();
  for (const { o } of objects)
    if (
      o.type === 'relationship' &&
      o.relationship_type === 'located-at' &&
      typeof o.source_ref === 'string' &&
      typeof o.target_ref === 'string'
    )
      locatedAt.set(o.source_ref, o.target_ref);
  const countryOf = (o: Json, at: string, hops = 0): string | undefined => {
    const own = countryCode(optionalText(o, 'country', at));
    if (own) return own;
    const target = byId.get(locatedAt.get(o.id as string) ?? '');
    // City → region → country at most; a loop of located-at ends here.
    if (target?.o.type === 'location' && hops < 3) return countryOf(target.o, target.at, hops + 1);
    return countryCode(optionalText(o, 'name', at));
  };
  // A country a city is located at is that city's country, not a waypoint of its own.
  const countriesOfCities = new Set(
    [...locatedAt.entries()].filter(([source]) => byId.get(source)?.o.type === 'location').map(([, t]) => t),
  );

  /** Reads one object into the draft: the properties it read, or null when the object as a whole is listed. */
  function read(o: Json, at: string, type: string, name: string | undefined): readonly string[] | null {
    switch (type) {
      case 'report': {
        if (o !== report?.o) {
          draft.skip(at, `report "${name ?? o.id}"`, 'second_report');
          return null;
        }
        draft.summary(name, optionalText(o, 'description', at));
        draft.language(optionalText(o, 'lang', at));
        optionalList(o, 'labels', at).forEach((l, j) => {
          if (typeof l === 'string') draft.label(`${at}.labels[${j}]`, l);
        });
        return ['name', 'description', 'lang', 'labels'];
      }
      case 'location': {
        const latitude = optionalDegrees(o.latitude, 90, `${at}.latitude`);
        const longitude = optionalDegrees(o.longitude, 180, `${at}.longitude`);
        const read = ['name', 'country', 'city', 'latitude', 'longitude'];
        if (countriesOfCities.has(o.id as string)) return read;
        const country = countryOf(o, at);
        if (!country) {
          draft.skip(at, `location "${name ?? optionalText(o, 'region', at) ?? o.id}"`, 'no_country');
          return null;
        }
        // A country-level location names the country only; a city or place is the waypoint's place.
        const placeName = optionalText(o, 'city', at) ?? (countryCode(name) === country ? undefined : name);
        draft.waypoint({ country, place: placeName ?? '', mode: '', latitude: latitude ?? '', longitude: longitude ?? '' });
        return read;
      }
      case 'marking-definition': {
        if (markingTlp(o)) return ['name', 'definition', 'definition_type'];
        draft.skip(at, `marking-definition "${name ?? o.id}"`, 'marking');
        return null;
      }
      case 'indicator': {
        const pattern = optionalText(o, 'pattern', at) ?? '';
        const terms = [...pattern.matchAll(PATTERN_TERM)];
        const identifiers = terms.filter(([, objectType = '', property = '']) => identifierKind(objectType, property));
        if (identifiers.length === 0) {
          draft.skip(at, `indicator "${name ?? pattern}"`, 'unused_kind');
          return null;
        }
        for (const [, objectType = '', property = '', value = ''] of terms) {
          const kind = identifierKind(objectType, property);
          if (kind) draft.identifier(at, { kind, value: value.replace(/\\(.)/g, '$1'), qualifier: '' });
          else draft.skip(`${at}.pattern`, `${objectType}:${property}`, 'unused_kind');
        }
        draft.validUntil(optionalText(o, 'valid_until', at));
        return ['name', 'pattern', 'pattern_type', 'pattern_version', 'valid_from', 'valid_until'];
      }
      case 'identity': {
        if (o.identity_class === 'individual' && name) {
          draft.identifier(at, { kind: 'person', value: name, qualifier: '' });
          return ['name', 'identity_class'];
        }
        // The reporting organisation (created_by_ref) is who made the file, not what it is about.
        if (objects.some((x) => x.o.created_by_ref === o.id)) return Object.keys(o);
        draft.skip(at, `identity "${name ?? o.id}"`, 'unused_kind');
        return null;
      }
      case 'relationship': {
        if (o.relationship_type === 'located-at') return ['relationship_type', 'source_ref', 'target_ref'];
        draft.skip(at, `relationship "${String(o.relationship_type)}"`, 'unused_kind');
        return null;
      }
      case 'note':
      case 'opinion': {
        draft.skip(at, `${type} "${optionalText(o, 'abstract', at) ?? optionalText(o, 'content', at)?.slice(0, 60) ?? o.id}"`, 'text');
        return null;
      }
      default: {
        // An observable (SCO) carrying an identifier: its identifying property.
        const property = Object.keys(o).find((k) => identifierKind(type, k));
        const value = property ? o[property] : undefined;
        if (property && typeof value === 'string') {
          draft.identifier(at, { kind: identifierKind(type, property) as string, value, qualifier: '' });
          return [property];
        }
        draft.skip(at, name ? `${type} "${name}"` : type, 'unused_kind');
        return null;
      }
    }
  }

  for (const { o, at } of ordered) {
    const type = o.type as string;
    const ext = extensionNames(o);
    if (ext.length > 0) draft.skip(at, `${type}: ${ext.join(', ')}`, 'extension');
    const taken = read(o, at, type, optionalText(o, 'name', at));
    // Of an object taken, the properties no field reads are listed too (a location's street address,
    // an individual's contact information): nothing of the file is left out unseen.
    const unread = taken
      ? Object.keys(o).filter((k) => !taken.includes(k) && !COMMON.has(k) && !k.startsWith('x_') && k !== 'extensions')
      : [];
    if (unread.length > 0) draft.skip(at, `${type}: ${unread.join(', ')}`, 'unused_kind');
  }
  return draft.build();
}
