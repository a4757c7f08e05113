// The release policy each agency of a launched network runs with unless the network spec gives
// its own: a plausible sharing agreement for a demonstration, not a recommendation. Alerts go to
// every member, the case reference only to prosecutors and central authorities of an agency
// sharing a network with the owner; directory entries go to every member, their phone numbers only within a shared network;
// consultations with any member.
import { parseOrThrow, type ReleasePolicy, type ReleasePolicyInput, releasePolicy } from '@corridor/proto';

export function standardReleasePolicy(agency: string): ReleasePolicy {
  return parseOrThrow(
    releasePolicy,
    {
      agency,
      version: 1,
      rules: [
        {
          id: 'alerts-prosecutors-shared-network',
          description: 'Prosecutors and central authorities of an agency in a network we belong to see the case reference.',
          resource: 'alert',
          // Those who send formal requests cite it (proto REQUEST_AUTHORITY_ROLES).
          roles: ['prosecutor', 'central_authority'],
          sameNetwork: true,
        },
        {
          id: 'alerts-members',
          description: 'Every member receives alerts, without our case reference.',
          resource: 'alert',
          redact: ['caseReference'],
        },
        {
          id: 'directory-shared-network',
          description: 'Members of a network the contact belongs to see every channel.',
          resource: 'directory_entry',
          sameNetwork: true,
        },
        {
          id: 'directory-members',
          description: 'Every member sees the directory without phone numbers.',
          resource: 'directory_entry',
          redact: ['channels.phone'],
        },
        {
          id: 'consultations-members',
          description: 'We consult with, and send requests to, any member.',
          resource: 'consultation',
        },
      ],
    } satisfies ReleasePolicyInput,
    `standard release policy of ${agency}`,
  );
}
