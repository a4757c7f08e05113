// Opening a file from another system as a draft: which of the two formats it is, read by its own
// module; anything else is refused whole, naming what is wrong, and the form is left as it was.
import { type ImportedDraft, ImportFileError } from './draft';
import { draftFromMispEvent, isMispEvent } from './misp-event';
import { draftFromStixBundle, isStixBundle } from './stix-bundle';

/** Larger than any report or event an officer reviews by hand; a bigger file is an export of a whole instance. */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export function readExchangeFile(text: string): ImportedDraft {
  if (new TextEncoder().encode(text).length > IMPORT_MAX_BYTES) throw new ImportFileError('too_large', '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ImportFileError('not_json', '');
  }
  // MISP's REST search answers `{"response": [{"Event": …}]}`: the first event is taken.
  if (typeof doc === 'object' && doc !== null && Array.isArray((doc as { response?: unknown }).response)) {
    const [first, ...others] = (doc as { response: unknown[] }).response;
    if (isMispEvent(first)) {
      const draft = draftFromMispEvent(first);
      const rest = others.map((_, i) => ({ at: `response[${i + 1}]`, what: 'Event', reason: 'second_report' as const }));
      return { ...draft, notTaken: [...draft.notTaken, ...rest] };
    }
  }
  if (isStixBundle(doc)) return draftFromStixBundle(doc);
  if (isMispEvent(doc)) return draftFromMispEvent(doc);
  throw new ImportFileError('unknown_format', '');
}
