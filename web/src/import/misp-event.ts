// A MISP event (its JSON export, `{"Event": {…}}`, or the bare event) read as a draft alert: `info`
// as the summary, `tlp:` tags as the TLP, other tags that name a transport, concealment, platform
// or route as modus operandi, geolocation objects (and country attributes) as waypoints, and
// phone numbers, e-mail addresses, passports (with their country), persons (names with their date
// of birth) and IBANs as identifiers. Everything else is listed as not taken.
import {
  countryCode,
  DraftBuilder,
  fieldPath,
  type ImportedDraft,
  ImportFileError,
  isObject,
  type Json,
  optionalDegrees,
  optionalList,
  optionalText,
  tlpLevel,
} from './draft';

/** MISP attribute types read as an identifier of the alert. */
const IDENTIFIER_TYPES: Record<string, string> = {
  'phone-number': 'phone',
  'whatsapp-number': 'phone',
  email: 'email',
  'email-src': 'email',
  'email-dst': 'email',
  'email-reply-to': 'email',
  iban: 'bank_account',
  'passport-number': 'travel_document',
};
/** Attribute types that hold a name of a person (objects `person`, `passport`). */
const NAME_TYPES = new Set(['first-name', 'middle-name', 'last-name', 'full-name']);
const NAME_RELATIONS = new Set(['first-name', 'middle-name', 'last-name', 'full-name', 'person-name']);
/** Free text of the event: the officer reads it and takes what matters into the summary. */
const TEXT_TYPES = new Set(['text', 'comment', 'other']);

export function isMispEvent(doc: unknown): boolean {
  return (
    isObject(doc) && (isObject(doc.Event) || (typeof doc.info === 'string' && ('Attribute' in doc || 'Object' in doc || 'uuid' in doc)))
  );
}

interface Attribute {
  at: string;
  type: string;
  relation: string | undefined;
  value: string;
}

/** Parts of an event that are text or context for a reader, never an alert's field. */
const LISTED_PARTS = { EventReport: 'text', Galaxy: 'unused_kind', RelatedEvent: 'unused_kind', Sighting: 'unused_kind' } as const;

/** An attribute's or object's comment is text the officer reads: listed, never dropped. */
function listComment(draft: DraftBuilder, holder: Json, at: string) {
  const comment = optionalText(holder, 'comment', at);
  if (comment) draft.skip(fieldPath(at, 'comment'), comment.slice(0, 80), 'text');
}

function attributesOf(holder: Json, at: string, draft: DraftBuilder): Attribute[] {
  return optionalList(holder, 'Attribute', at).map((a, i) => {
    const here = fieldPath(at, `Attribute[${i}]`);
    if (!isObject(a)) throw new ImportFileError('wrong_type', here);
    const type = optionalText(a, 'type', here);
    if (!type) throw new ImportFileError('missing', `${here}.type`);
    // MISP exports every value as text; a number here is read as its text.
    const raw = typeof a.value === 'number' ? String(a.value) : a.value;
    if (typeof raw !== 'string') throw new ImportFileError(raw === undefined ? 'missing' : 'wrong_type', `${here}.value`);
    listComment(draft, a, here);
    return { at: here, type, relation: optionalText(a, 'object_relation', here), value: raw.trim() };
  });
}

function tagsOf(holder: Json, at: string): { at: string; name: string }[] {
  return optionalList(holder, 'Tag', at).flatMap((t, i) => {
    const here = fieldPath(at, `Tag[${i}]`);
    if (!isObject(t)) throw new ImportFileError('wrong_type', here);
    const name = optionalText(t, 'name', here);
    return name ? [{ at: here, name }] : [];
  });
}

export function draftFromMispEvent(doc: unknown): ImportedDraft {
  if (!isObject(doc)) throw new ImportFileError('unknown_format', '');
  const wrapped = isObject(doc.Event);
  const event = (wrapped ? doc.Event : doc) as Json;
  const root = wrapped ? 'Event' : '';
  const info = optionalText(event, 'info', root);
  if (!info) throw new ImportFileError('missing', fieldPath(root, 'info'));

  const draft = new DraftBuilder('misp');
  draft.summary(info, undefined);

  for (const { at, name } of tagsOf(event, root)) {
    const level = /^tlp:/i.test(name) ? tlpLevel(name) : undefined;
    if (level) draft.tlp(level);
    else if (/^tlp:/i.test(name)) draft.skip(at, name, 'marking');
    else draft.label(at, name);
  }

  for (const { at, type, value } of attributesOf(event, root, draft)) {
    const kind = IDENTIFIER_TYPES[type];
    // Qualifiers a loose attribute cannot give (a passport's issuing state) are asked at the row by the node.
    if (kind) draft.identifier(at, { kind, value, qualifier: '' });
    else if (NAME_TYPES.has(type)) draft.identifier(at, { kind: 'person', value, qualifier: '' });
    else if (TEXT_TYPES.has(type)) draft.skip(at, `${type}: ${value.slice(0, 60)}`, 'text');
    else draft.skip(at, type, 'unused_kind');
  }

  optionalList(event, 'Object', root).forEach((o, i) => {
    const at = fieldPath(root, `Object[${i}]`);
    if (!isObject(o)) throw new ImportFileError('wrong_type', at);
    const name = optionalText(o, 'name', at);
    if (!name) throw new ImportFileError('missing', `${at}.name`);
    listComment(draft, o, at);
    const attributes = attributesOf(o, at, draft);
    const value = (relation: string) => attributes.find((a) => a.relation === relation)?.value || undefined;

    if (name === 'geolocation') {
      const latitude = optionalDegrees(value('latitude'), 90, attributes.find((a) => a.relation === 'latitude')?.at ?? at);
      const longitude = optionalDegrees(value('longitude'), 180, attributes.find((a) => a.relation === 'longitude')?.at ?? at);
      const country = countryCode(value('country'));
      if (!country) draft.skip(at, `geolocation "${value('city') ?? value('country') ?? value('region') ?? ''}"`, 'no_country');
      else
        draft.waypoint({
          country,
          place: value('city') ?? value('address') ?? '',
          mode: '',
          latitude: latitude ?? '',
          longitude: longitude ?? '',
        });
      for (const a of attributes)
        if (a.relation && !['latitude', 'longitude', 'country', 'city', 'address'].includes(a.relation))
          draft.skip(a.at, `${name}: ${a.relation}`, a.type === 'text' ? 'text' : 'unused_kind');
      return;
    }

    // A person's names, with the date of birth when the object gives it.
    const names = attributes.filter((a) => a.relation && NAME_RELATIONS.has(a.relation)).map((a) => a.value);
    if (names.length > 0) draft.identifier(at, { kind: 'person', value: names.join(' '), qualifier: value('date-of-birth') ?? '' });
    const hasPassport = attributes.some((a) => a.type === 'passport-number');
    for (const a of attributes) {
      if (a.relation && NAME_RELATIONS.has(a.relation)) continue;
      // Read with the identifier they qualify (a passport's issuing state, a person's birth date); listed when there is none.
      if (a.relation === 'passport-country' && hasPassport) continue;
      if (a.relation === 'date-of-birth' && names.length > 0) continue;
      const kind = IDENTIFIER_TYPES[a.type];
      if (kind === 'travel_document') {
        // The issuing state as the passport object names it (a country name or code).
        const state = countryCode(value('passport-country')) ?? value('passport-country') ?? '';
        draft.identifier(a.at, { kind, value: a.value, qualifier: state });
      } else if (kind) draft.identifier(a.at, { kind, value: a.value, qualifier: '' });
      else if (TEXT_TYPES.has(a.type)) draft.skip(a.at, `${name}: ${a.relation ?? a.type}`, 'text');
      else draft.skip(a.at, `${name}: ${a.relation ?? a.type}`, 'unused_kind');
    }
    if (attributes.length === 0) draft.skip(at, name, 'unused_kind');
  });
  for (const [part, reason] of Object.entries(LISTED_PARTS))
    optionalList(event, part, root).forEach((p, i) => {
      const name = isObject(p) ? (optionalText(p, 'name', '') ?? '') : '';
      draft.skip(fieldPath(root, `${part}[${i}]`), name ? `${part} "${name}"` : part, reason);
    });
  return draft.build();
}
