// How this node turns identifiers into pseudonyms (issue 18): under every HMAC epoch still in use
// with the node's own network key (CORRIDOR_NETWORK_KEY, until that epoch retires and its key is
// destroyed), and under the membership's oblivious epoch by asking its key holders, who see only
// blinded elements. During the overlap an identifier has a pseudonym of each, so alerts made before
// the epoch change still match ones made after it.
import {
  type AccessClaims,
  canonicalize,
  type HolderDoubts,
  holderDoubts,
  type IdentifierInput,
  type KeyHolder,
  keyHoldersOf,
  keysInUse,
  MAX_BLINDED_PER_REQUEST,
  type Membership,
  type NetworkKeyring,
  OperatorError,
  obliviousPseudonyms,
  type PseudonymizedIdentifier,
  pseudonymInput,
  pseudonymize,
} from '@corridor/proto';
import type { Logger } from '../log.js';
import type { HolderClient } from './holder-client.js';

export interface Pseudonymizer {
  /**
   * Each identifier's pseudonyms under every epoch in use (oldest first), in input order. The
   * oblivious epoch is asked for on behalf of `asker`, whose agency the key holders limit and audit.
   */
  pseudonymize(ids: readonly IdentifierInput[], now: Date, asker?: AccessClaims): Promise<PseudonymizedIdentifier[][]>;
}

class NoPseudonymEpoch extends OperatorError {
  readonly code = 'NO_PSEUDONYM_EPOCH' as const;
}

/** HMAC epochs only: the node's own keys (specs, and a network without a pseudonym service). */
export function localPseudonymizer(keyring: NetworkKeyring): Pseudonymizer {
  return createPseudonymizer({ keyring, membership: () => undefined });
}

export interface PseudonymizerDeps {
  keyring: NetworkKeyring;
  /** The membership in force; its pseudonymService, when present, is the oblivious epoch. */
  membership: () => Pick<Membership, 'pseudonymService'> | undefined;
  holders?: HolderClient;
  log?: Logger;
}

export function createPseudonymizer(deps: PseudonymizerDeps): Pseudonymizer {
  // Which key holders failed this node lately: while one is in doubt, batches are asked with proofs.
  const doubts = holderDoubts();
  return {
    async pseudonymize(ids, now, asker) {
      const hmacKeys = keysInUse(deps.keyring, now);
      const service = deps.membership()?.pseudonymService;
      if (hmacKeys.length === 0 && !service)
        throw new NoPseudonymEpoch('no pseudonym epoch is in use: every network key retired and the membership names no pseudonym service');
      if (service && hmacKeys.some((k) => k.epoch >= service.epoch))
        throw new NoPseudonymEpoch(
          `an HMAC epoch is not below the pseudonym service's epoch ${service.epoch}: the membership and the node's keys disagree`,
        );
      const local = ids.map((id) => hmacKeys.map((key) => pseudonymize(id, key)));
      if (!service || ids.length === 0) return local;
      if (!deps.holders || !asker) throw new NoPseudonymEpoch('the pseudonym service needs a requesting user and a holder client');
      const oblivious = await obliviousBatch(deps, doubts, service, ids, asker);
      return ids.map((id, i) => [...(local[i] ?? []), { kind: id.kind, pseudonym: oblivious[i] as string, epoch: service.epoch }]);
    },
  };
}

/** One evaluation per distinct input (a batch often repeats a phone number), in requests of at most MAX_BLINDED_PER_REQUEST. */
async function obliviousBatch(
  deps: PseudonymizerDeps,
  doubts: HolderDoubts,
  service: NonNullable<Membership['pseudonymService']>,
  ids: readonly IdentifierInput[],
  asker: AccessClaims,
): Promise<string[]> {
  const keys = ids.map((id) => `${id.kind}\u0000${canonicalize(id)}`);
  const distinct = [...new Set(keys)];
  const holders = keyHoldersOf(service);
  const client = deps.holders as HolderClient;
  const report = {
    wrongShare: (agency: string) =>
      deps.log?.error('key holder answered with a wrong share', { holder: agency, epoch: service.epoch, asker: asker.agency }),
    unavailable: (agency: string, reason: string) =>
      deps.log?.warn('key holder did not evaluate', { holder: agency, epoch: service.epoch, reason }),
  };
  const out = new Map<string, string>();
  for (let at = 0; at < distinct.length; at += MAX_BLINDED_PER_REQUEST) {
    const chunk = distinct.slice(at, at + MAX_BLINDED_PER_REQUEST);
    const inputs = chunk.map((k) => {
      const [kind, canonical] = k.split('\u0000') as [string, string];
      return pseudonymInput(kind, canonical);
    });
    const pseudonyms = await obliviousPseudonyms(
      inputs,
      { threshold: service.threshold, holders },
      (holder: KeyHolder, blinded, proof) => client.ask(asker, holder, service.epoch, blinded, proof),
      report,
      doubts,
    );
    for (const [i, k] of chunk.entries()) out.set(k, pseudonyms[i] as string);
  }
  return keys.map((k) => out.get(k) as string);
}
