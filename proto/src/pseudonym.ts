// Keyed pseudonyms (DESIGN principle 2): HMAC-SHA-256 over a canonical form, per identifier kind,
// under the network key of a numbered epoch. Partners can match a pseudonym (hit / no hit)
// without learning the value. Only nodes hold the key; users and the gateway never do.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { IdentifierInput, PseudonymizedIdentifier } from './alert.js';
import type { IdentifierKind } from './codes.js';
import { canonicalIdentifier } from './identifiers/index.js';

export interface NetworkKey {
  epoch: number;
  /** At least 32 random bytes. */
  secret: Uint8Array;
}

/** Parses `<epoch>:<base64url secret>`, the form in which a node's configuration holds the key. */
export function parseNetworkKey(text: string): NetworkKey {
  const match = /^(\d+):([A-Za-z0-9_-]+)$/.exec(text.trim());
  if (!match) throw new Error('network key must look like <epoch>:<base64url secret>');
  const secret = base64urlBytes(match[2] as string);
  if (secret.length < 32) throw new Error('network key secret must be at least 32 bytes');
  return { epoch: Number(match[1]), secret };
}

/** The canonical form of an identifier (identifiers/): two spellings of the same thing give the same form. */
export function canonicalize(id: IdentifierInput): string {
  return canonicalIdentifier(id);
}

function pseudonymOf(kind: IdentifierKind, canonical: string, key: NetworkKey): string {
  const mac = hmac(sha256, key.secret, new TextEncoder().encode(`${kind}\u0000${canonical}`));
  return base64urlEncode(mac);
}

export function pseudonymize(id: IdentifierInput, key: NetworkKey): PseudonymizedIdentifier {
  return { kind: id.kind, pseudonym: pseudonymOf(id.kind, canonicalize(id), key), epoch: key.epoch };
}

/**
 * Node's Buffer where there is one (every node), which encodes and decodes base64 natively: a bulk
 * publish's pseudonym calls move tens of thousands of elements each way, and the portable path
 * cost a requesting node a twentieth of its time. The console's browsers take the portable path.
 */
const nodeBuffer = (
  globalThis as unknown as {
    Buffer?: {
      from(buffer: ArrayBufferLike, offset: number, length: number): { toString(encoding: 'base64url'): string };
      from(text: string, encoding: 'base64url'): Uint8Array;
    };
  }
).Buffer;
/** Unpadded base64url: Buffer would skip anything else and atob would take standard base64 and spaces, so both paths check first. */
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64urlEncode(bytes: Uint8Array): string {
  if (nodeBuffer) return nodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  // A chunk of bytes per call, not one: every signature encodes its whole document this way.
  let bin = '';
  for (let at = 0; at < bytes.length; at += 0x2000) bin += String.fromCharCode(...bytes.subarray(at, at + 0x2000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Base64url (unpadded) to bytes; throws on a character outside its alphabet or a length no encoding has. */
export function base64urlBytes(text: string): Uint8Array {
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw new Error('not unpadded base64url');
  if (nodeBuffer) return new Uint8Array(nodeBuffer.from(text, 'base64url'));
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
