// The network's pseudonym keys by epoch (issue 5: key rotation). A node holds one key per epoch in
// use. Rotation: the secretariat hands every node the key of a new epoch; from then on nodes
// pseudonymize each identifier under every epoch not yet retired (the overlap), so an alert made
// before the rotation still matches one made after it; when the old epoch's retirement date
// passes, nodes stop using it, and pseudonyms of that epoch no longer link to anything new.
import type { IdentifierInput, PseudonymizedIdentifier } from './alert.js';
import { type NetworkKey, parseNetworkKey, pseudonymize } from './pseudonym.js';

interface KeyEpoch {
  key: NetworkKey;
  /** From this instant the epoch is no longer used; null while no retirement is scheduled. */
  retireAt: Date | null;
}

export interface NetworkKeyring {
  /** Oldest epoch first. */
  epochs: KeyEpoch[];
}

/**
 * Parses `<epoch>:<base64url secret>[@<ISO date-time it retires>]`, comma-separated, as a node's
 * configuration holds the keys, e.g. `1:…@2027-01-31T00:00:00Z,2:…`.
 */
export function parseNetworkKeyring(text: string): NetworkKeyring {
  const epochs = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part): KeyEpoch => {
      const [keyText, retire] = part.split('@') as [string, string | undefined];
      const retireAt = retire === undefined ? null : new Date(retire);
      if (retireAt && Number.isNaN(retireAt.getTime()))
        throw new Error(`retirement of a network key must be an ISO date-time, not ${retire}`);
      return { key: parseNetworkKey(keyText), retireAt };
    })
    .sort((a, b) => a.key.epoch - b.key.epoch);
  if (epochs.length === 0) throw new Error('give at least one network key');
  const seen = new Set<number>();
  for (const e of epochs) {
    if (seen.has(e.key.epoch)) throw new Error(`network key epoch ${e.key.epoch} is given twice`);
    seen.add(e.key.epoch);
  }
  return { epochs };
}

/** The HMAC keys in use at `now`, oldest first; none once every epoch retired (the oblivious service took over). */
export function keysInUse(ring: NetworkKeyring, now: Date): NetworkKey[] {
  return ring.epochs.filter((e) => !e.retireAt || e.retireAt > now).map((e) => e.key);
}

/** The keys in use at `now`, oldest first. None is a configuration error worth stopping for. */
export function activeKeys(ring: NetworkKeyring, now: Date): NetworkKey[] {
  const keys = keysInUse(ring, now);
  if (keys.length === 0) throw new Error('every network key epoch is retired: the secretariat must issue a new one');
  return keys;
}

/** An identifier's pseudonyms under every epoch in use: one outside a rotation, two during the overlap. */
export function pseudonymizeUnderAll(id: IdentifierInput, ring: NetworkKeyring, now: Date): PseudonymizedIdentifier[] {
  return activeKeys(ring, now).map((key) => pseudonymize(id, key));
}
