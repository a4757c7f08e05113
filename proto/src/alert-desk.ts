// Whom a partner should call about an agency's alerts (the hit / no-hit answer): a desk of that
// agency that handles the kind of alert, and that can be reached. A protection desk looks after
// children and victims, not alerts; an entry with no phone cannot be called from a counter.
import type { AlertKind, Competence, DirectoryRole } from './codes.js';
import type { DirectoryEntry } from './directory.js';

/** Who handles each kind of alert, by directory role and competence. */
const HANDLED_BY: Record<AlertKind, { roles: readonly DirectoryRole[]; competences: readonly Competence[] }> = {
  route: {
    roles: ['border_control', 'police_investigation', 'liaison_officer', 'immigration'],
    competences: ['informal_contact'],
  },
  document_fraud: { roles: ['border_control', 'immigration'], competences: ['document_examination'] },
};

const handles = (e: DirectoryEntry, kinds: readonly AlertKind[]) =>
  kinds.some(
    (k) => e.roles.some((r) => HANDLED_BY[k].roles.includes(r)) || e.competences.some((c) => HANDLED_BY[k].competences.includes(c)),
  );

/**
 * The entries that handle alerts of `kinds`, best first: the agency's single point of contact
 * (it answers at any hour and routes to whoever handles the case; issue 17), then desks before
 * persons (a desk answers whoever is on duty), then 24/7, then those with a phone, then by name.
 * Empty when the agency lists none. The caller names the first one it may show with a channel left.
 */
export function desksForAlerts(entries: readonly DirectoryEntry[], kinds: readonly AlertKind[]): DirectoryEntry[] {
  const rank = (e: DirectoryEntry) => [
    Number(e.spoc === true),
    Number(e.kind === 'desk'),
    Number(e.availability.always),
    Number(e.channels.some((c) => c.type === 'phone')),
  ];
  const candidates = entries.filter((e) => !e.retiredAt && e.channels.length > 0 && (e.spoc === true || handles(e, kinds)));
  candidates.sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (rb[i] ?? 0) - (ra[i] ?? 0);
    return a.name.localeCompare(b.name);
  });
  return candidates;
}
