// The first release rule, applied by every node to what it answers and what it sends (TLP 2.0):
// RED never leaves the originating agency; AMBER and AMBER+STRICT go only to the agencies the
// alert names; GREEN and CLEAR go to every member. The release-policy issue refines this into
// per-agency policy documents.
import type { Alert } from './alert.js';

type Releasable = Pick<Alert, 'tlp' | 'recipients' | 'origin'>;

/** Who may receive the alert outside its originating agency: everyone, or a list (maybe empty). */
export function releaseAudience(a: Releasable): 'all' | string[] {
  switch (a.tlp) {
    case 'RED':
      return [];
    case 'AMBER':
    case 'AMBER+STRICT':
      return a.recipients.filter((r) => r !== a.origin.agency);
    case 'GREEN':
    case 'CLEAR':
      return 'all';
  }
}

export function mayRelease(a: Releasable, toAgency: string): boolean {
  if (toAgency === a.origin.agency) return true;
  const audience = releaseAudience(a);
  return audience === 'all' || audience.includes(toAgency);
}
