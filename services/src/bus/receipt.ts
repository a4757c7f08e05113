// What a receiver of a partner's message (a consultation event, an audit head, a correlation
// notice) answers the inbox, and how a receiver reads a message body against its contract schema.

/** Kept; or refused, with the reason the quarantine records and `retry` when the signer is not known here yet. */
export type Receipt = { ok: true } | { ok: false; reason: string; retry?: true };

export type Refusal = { ok: false; reason: string };

/** What `readBody` needs of a proto (zod) schema. */
interface ContractSchema<T, E> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: E };
}

/** The body as JSON of the schema; `refuse` words why a body that is JSON is not of it. */
export function readBody<T, E>(data: string, schema: ContractSchema<T, E>, refuse: (error: E) => string): { ok: true; value: T } | Refusal {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: refuse(parsed.error) };
}

/** A partner message's kind: the contract's subject grammar and body schema, and how each refusal reads. */
export interface AddressedKind<T> {
  grammar: (root: string, subject: string) => { recipient: string; sender: string } | null;
  schema: ContractSchema<T, unknown>;
  /** The subject is of another kind, or addressed to another agency. */
  notForUs: string;
  /** The body is JSON but not of the schema. */
  notOfSchema: string;
}

/** A message of `kind` addressed to `to.agency`: its sender, as the subject names it, and its body. */
export function readAddressed<T>(
  to: { subjectRoot: string; agency: string },
  subject: string,
  data: string,
  kind: AddressedKind<T>,
): { ok: true; sender: string; value: T } | Refusal {
  const parsed = kind.grammar(to.subjectRoot, subject);
  if (!parsed || parsed.recipient !== to.agency) return { ok: false, reason: kind.notForUs };
  const body = readBody(data, kind.schema, () => kind.notOfSchema);
  return body.ok ? { ok: true, sender: parsed.sender, value: body.value } : body;
}
