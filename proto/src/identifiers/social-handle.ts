// A social-media handle with its platform: the handle without @ or profile-URL wrapping
// (t.me/name, https://www.facebook.com/name, instagram.com/name/), lower case. Platforms treat
// handles case-insensitively; the platform is part of the form, since the same handle on two
// platforms is usually two people.
import { COMMUNICATION_PLATFORMS } from '../codes.js';
import { IdentifierError } from './identifier-error.js';

const PLATFORMS = new Set<string>(COMMUNICATION_PLATFORMS);

export function canonicalHandle(value: string, qualifier: string | undefined): string {
  const platform = qualifier?.trim().toLowerCase() ?? '';
  if (!PLATFORMS.has(platform)) throw new IdentifierError('qualifier', 'give the platform, e.g. telegram, whatsapp, facebook');
  const handle = value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^(www\.)?[a-z0-9.-]+\.[a-z]{2,}\//i, '')
    .replace(/^@/, '')
    .replace(/[/?#].*$/, '')
    .toLowerCase();
  if (!/^[\p{L}\p{N}._-]{2,64}$/u.test(handle))
    throw new IdentifierError('value', 'is not a handle (letters, digits, dots, dashes, underscores)');
  return `${platform}|${handle}`;
}
