// Keyed pseudonyms (DESIGN principle 2): HMAC-SHA-256 over a canonical form, per identifier kind,
// under the network key of a numbered epoch. Partners can match a pseudonym (hit / no hit)
// without learning the value. Only nodes hold the key; users and the gateway never do.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { IdentifierInput, PseudonymizedIdentifier } from './alert.js';
import type { IdentifierKind } from './codes.js';

export interface NetworkKey {
  epoch: number;
  /** At least 32 random bytes. */
  secret: Uint8Array;
}

/** Parses `<epoch>:<base64url secret>`, the form in which a node's configuration holds the key. */
export function parseNetworkKey(text: string): NetworkKey {
  const match = /^(\d+):([A-Za-z0-9_-]+)$/.exec(text.trim());
  if (!match) throw new Error('network key must look like <epoch>:<base64url secret>');
  const secret = base64urlDecode(match[2] as string);
  if (secret.length < 32) throw new Error('network key secret must be at least 32 bytes');
  return { epoch: Number(match[1]), secret };
}

function stripDiacritics(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '');
}

const alnumUpper = (s: string) =>
  stripDiacritics(s)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');

/**
 * The canonical form of an identifier: two spellings of the same thing map to the same form.
 * First cut; the pseudonym issue deepens each kind (transliteration, libphonenumber, IMO checks).
 */
export function canonicalize(id: IdentifierInput): string {
  const q = id.qualifier ? alnumUpper(id.qualifier) : '';
  switch (id.kind) {
    case 'travel_document':
    case 'vehicle_plate':
    case 'vessel':
      return `${q}|${alnumUpper(id.value)}`;
    case 'bank_account':
      return alnumUpper(id.value);
    case 'person': {
      // Name order varies between registers (surname first or last): sort the name parts.
      const parts = stripDiacritics(id.value)
        .toLowerCase()
        .replace(/[^a-z\s]/g, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .sort();
      return `${parts.join(' ')}|${(id.qualifier ?? '').trim()}`;
    }
    case 'phone': {
      const v = id.value.trim().replace(/^00/, '+');
      return (v.startsWith('+') ? '+' : '') + v.replace(/\D/g, '');
    }
    case 'email':
      return id.value.trim().toLowerCase();
    case 'social_handle':
      return `${q}|${id.value.trim().replace(/^@/, '').toLowerCase()}`;
  }
}

export function pseudonymOf(kind: IdentifierKind, canonical: string, key: NetworkKey): string {
  const mac = hmac(sha256, key.secret, new TextEncoder().encode(`${kind}\u0000${canonical}`));
  return base64urlEncode(mac);
}

export function pseudonymize(id: IdentifierInput, key: NetworkKey): PseudonymizedIdentifier {
  return { kind: id.kind, pseudonym: pseudonymOf(id.kind, canonicalize(id), key), epoch: key.epoch };
}

export function base64urlEncode(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function base64urlDecode(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
