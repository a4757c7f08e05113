// Reading a membership document the secretariat wrote: the unsigned one it edits, or a signed
// one it published. Validated with proto's schema; what is wrong is named by its path.
import { readFileSync } from 'node:fs';
import { fieldErrorsOf, type Membership, membership as membershipSchema, SettingsError, signedMembership } from '@corridor/proto';

function readJson(file: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SettingsError(`${option}: cannot read ${file}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SettingsError(`${option}: ${file} is not JSON: ${(e as Error).message}`);
  }
}

function validated(document: unknown, file: string, option: string): Membership {
  const parsed = membershipSchema.safeParse(document);
  if (!parsed.success)
    throw new SettingsError(
      `${option}: ${file} is not a valid membership: ${fieldErrorsOf(parsed.error)
        .map((e) => `${e.path || 'document'}: ${e.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

/** An unsigned membership document, as the secretariat edits it. */
export function readMembershipFile(file: string, option: string): Membership {
  return validated(readJson(file, option), file, option);
}

/**
 * The document inside a signed file, validated but its signature not checked: the secretariat
 * reads its own files here; members check the signature (openSignedMembership).
 */
export function readSignedMembershipFile(file: string, option: string): Membership {
  const raw = readJson(file, option);
  const envelope = signedMembership.safeParse(raw);
  if (!envelope.success)
    throw new SettingsError(`${option}: ${file} is not a signed membership ({"membership": {...}, "signature": "..."})`);
  return validated(envelope.data.membership, file, option);
}
