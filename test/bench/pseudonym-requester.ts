// The pseudonyms bench's network and requester, shared by the suite (suites/pseudonyms.ts) and the
// profile scripts (profile-pseudonyms.ts, profile-pseudonym-cpu.ts), so that they measure the same
// thing: three holder nodes holding the key 2 of 3, and Italy's officer asking from a process that
// holds no share, so that every evaluation crosses loopback HTTP.

import type { NetworkSpec } from '@corridor/deploy';
import { type AccessClaims, createDelegationSigner, type IdentifierInput } from '@corridor/proto';
import { decodeJwt } from 'jose';
import { createHolderClient, type HolderClient } from '../../services/src/pseudonyms/holder-client.js';
import type { TestNetwork } from '../support/test-network.js';

export const KEY_HOLDERS = ['it-polfr', 'ne-ppn', 'ng-nis'];

/** startTestNetwork's options for it: limits high enough never to refuse the bench. */
export const pseudonymNetwork: Pick<NetworkSpec, 'pseudonyms'> = {
  pseudonyms: { holders: KEY_HOLDERS, limits: { perMinute: 10_000_000, perDay: 100_000_000 } },
};

/** Five identifiers of an alert, all different from call to call. */
export function alertIdentifiers(n: number): IdentifierInput[] {
  const d = String(n).padStart(6, '0');
  return [
    { kind: 'phone', value: `+234 803 5${d}` },
    { kind: 'travel_document', value: `A07${d}`, qualifier: 'NGA' },
    { kind: 'person', value: `Blessing Okonkwo ${'abcdefghij'[n % 10]}`, qualifier: '1994-03-12' },
    { kind: 'email', value: `coordinator${n}@example.org` },
    { kind: 'social_handle', value: `@boat_${n}`, qualifier: 'telegram' },
  ];
}

/** Italy's officer, and a holder client as Italy's node would have, were it not a key holder itself. */
export async function benchRequester(net: TestNetwork): Promise<{ asker: AccessClaims; holders: HolderClient }> {
  const asker = decodeJwt(await net.token('it-polfr-officer', { expiresIn: '1h' })) as unknown as AccessClaims;
  const holders = createHolderClient({
    self: 'bench',
    membership: () => net.membership,
    signer: await createDelegationSigner('it-polfr', net.delegationKey('it-polfr')),
    evaluateHere: async () => {
      throw new Error('not a key holder');
    },
  });
  return { asker, holders };
}
