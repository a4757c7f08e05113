// Dealing the oblivious epoch's key for a network on one machine (issue 18): a fresh key split
// t-of-n among the key-holder agencies, the membership's pseudonymService entry, and each holder's
// CORRIDOR_PSEUDONYM_KEY_SHARE. The whole key exists only inside splitNewKey: in production this is
// the secretariat's key ceremony, and each share goes to its agency alone.
import { base64urlEncode, type EvaluationLimits, type PseudonymService, splitNewKey } from '@corridor/proto';

export interface PseudonymServiceSpec {
  /** Agencies holding a share; default: the network's first three (all of them when fewer). */
  holders?: string[];
  /** How many must answer; default: 2 (1 with a single holder). */
  threshold?: number;
  /** Per requesting agency at each holder; default: roomy enough for benchmarks' bulk loads. */
  limits?: EvaluationLimits;
}

/** What a network's bulk loads need: 1,000 alerts of 5 identifiers several times a minute. */
export const DEFAULT_EVALUATION_LIMITS: EvaluationLimits = { perMinute: 200_000, perDay: 20_000_000 };

export interface DealtService {
  service: PseudonymService;
  /** CORRIDOR_PSEUDONYM_KEY_SHARE of each holder, by agency. */
  shares: Record<string, string>;
}

export function dealPseudonymService(agencies: readonly string[], epoch: number, spec: PseudonymServiceSpec = {}): DealtService {
  const holders = spec.holders ?? agencies.slice(0, 3);
  if (holders.length === 0) throw new Error('a pseudonym service needs at least one key holder');
  for (const h of holders) if (!agencies.includes(h)) throw new Error(`key holder ${h} is not an agency of this network`);
  const threshold = spec.threshold ?? Math.min(2, holders.length);
  const { shares, publicKey } = splitNewKey(threshold, holders.length);
  return {
    service: {
      epoch,
      threshold,
      publicKey: base64urlEncode(publicKey),
      holders: holders.map((agency, i) => ({
        agency,
        index: i + 1,
        publicKey: base64urlEncode((shares[i] as (typeof shares)[number]).publicKey),
      })),
      limits: spec.limits ?? DEFAULT_EVALUATION_LIMITS,
    },
    shares: Object.fromEntries(
      holders.map((agency, i) => {
        const share = shares[i] as (typeof shares)[number];
        return [agency, `${epoch}:${share.index}:${base64urlEncode(share.secretKey)}`];
      }),
    ),
  };
}
