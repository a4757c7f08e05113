// The publish form's state and how it becomes proto's AlertInput. Kept apart from React so that
// the mapping (empty fields left out, numbers parsed, recipients only for AMBER) is tested directly.
import { alertInput, fieldErrorsOf, timeErrors } from '@corridor/proto';
import {
  type AlertForm,
  type AlertFormKind,
  buildAlertInput,
  emptyAlertForm,
  type IdentifierRow,
  isRestrictedTlp,
  type WaypointRow,
} from './alert-form-input';
import { type ErrorsByPath, groupByPath, type TextFinding } from './field-errors';

export { type AlertForm, type AlertFormKind, buildAlertInput, emptyAlertForm, type IdentifierRow, isRestrictedTlp, type WaypointRow };

/** The console's own check of an alert, with proto's schema, in the node's field paths. */
export function checkAlertInput(input: unknown): ErrorsByPath {
  const result = alertInput.safeParse(input);
  return result.success ? {} : groupByPath(fieldErrorsOf(result.error));
}

/** Every message for the form, by field path: proto's schema plus the clock-dependent rules. */
export function checkAlertForm(f: AlertForm, now: Date): ErrorsByPath {
  const input = buildAlertInput(f);
  const errors = checkAlertInput(input);
  // A select left on "Choose…" is absent from the input; proto's message then names the codes
  // (e.g. "ITA, NER, NGA") that the officer never sees: say what to do instead.
  for (const path of Object.keys(errors)) {
    // Typed fields (coordinates, a legal basis) keep their own message (isChoice).
    if (isChoice(path) && valueAt(input, path) === undefined && valueAt(input, parentOf(path)) !== undefined) {
      errors[path] = ['Required: choose one from the list.'];
    }
  }
  if (f.validUntil && Number.isNaN(Date.parse(f.validUntil))) errors.validUntil = ['must be a date and time'];
  for (const [path, messages] of Object.entries(groupByPath(timeErrors(input, now)))) {
    errors[path] = [...(errors[path] ?? []), ...messages];
  }
  return errors;
}

// Typed, not chosen: coordinates ("give both or neither") and an evidence marking's legal basis keep their own message.
const isChoice = (path: string) => path.includes('.') && !/\.(latitude|longitude|legalBasis)$/.test(path);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'));

function valueAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), root);
}

// ---------------------------------------------------------------------------------------------
// Moving an identifier the node found in free text into the identifiers section.

/** The form's free-text fields, by the path proto's AlertInput gives them. */
function textField(path: string): { get: (f: AlertForm) => string; set: (f: AlertForm, v: string) => AlertForm } | null {
  const simple = { summary: 'summary', caseReference: 'caseReference', 'documentFraud.detectedAt.location': 'location' } as const;
  if (path in simple) {
    const key = simple[path as keyof typeof simple];
    return { get: (f) => f[key], set: (f, v) => ({ ...f, [key]: v }) };
  }
  const m = /^route\.waypoints\.(\d+)\.place$/.exec(path);
  if (!m) return null;
  const i = Number(m[1]);
  return {
    get: (f) => f.waypoints[i]?.place ?? '',
    set: (f, v) => ({ ...f, waypoints: f.waypoints.map((w, j) => (j === i ? { ...w, place: v } : w)) }),
  };
}

/** An offer the console shows at a field: this value, of this kind, out of the text (into a new identifier row unless it is one already). */
export interface MoveOffer {
  path: string;
  kind: string;
  value: string;
  /** Index of the identifier row it repeats; then it only leaves the text. */
  declared?: number;
}

/**
 * Reads the values the node found out of the form as it was sent. The node counts positions in
 * the trimmed text, as it stores it; the form keeps what the officer typed.
 */
export function moveOffers(form: AlertForm, findings: Record<string, TextFinding[]>): MoveOffer[] {
  return Object.entries(findings).flatMap(([path, found]) => {
    const field = textField(path);
    if (!field) return [];
    const text = field.get(form);
    const offset = text.length - text.trimStart().length;
    return found.map((f) => ({
      path,
      kind: f.kind,
      value: text.slice(offset + f.start, offset + f.end),
      ...(f.declared !== undefined ? { declared: f.declared } : {}),
    }));
  });
}

/** Takes the offered value out of its text (wherever it now is) and, unless declared already, adds it as an identifier row of its kind. */
export function moveToIdentifiers(form: AlertForm, offer: MoveOffer): AlertForm {
  const field = textField(offer.path);
  if (!field) return form;
  const text = field.get(form);
  const at = offer.value ? text.indexOf(offer.value) : -1;
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at + offer.value.length).trimStart();
  // One space where the value was, none before punctuation.
  const without = at < 0 ? text : `${before}${/^[,.;:!?)]/.test(after) || !after ? '' : ' '}${after}`.trim();
  const next = field.set(form, without);
  if (offer.declared !== undefined) return next;
  return { ...next, identifiers: [...next.identifiers, { kind: offer.kind, value: offer.value.trim(), qualifier: '' }] };
}
