// Networks and liaison posts as records of the membership (membership.ts), read for the directory
// and the release policy: who a recorded network's members are, and which posts an agency hosts.
import type { DirectoryFilter } from './directory.js';
import type { LiaisonPost, Membership, NetworkRecord } from './membership.js';

export function networkRecordOf(m: Membership, id: string): NetworkRecord | undefined {
  return m.networks?.find((n) => n.id === id);
}

export function liaisonPostOf(m: Membership, id: string): LiaisonPost | undefined {
  return m.liaisonPosts?.find((p) => p.id === id);
}

/** The recorded networks `agency` is a member of (never its own or its users' word). */
export function recordedNetworksOf(m: Membership, agency: string): string[] {
  return (m.networks ?? []).filter((n) => n.members.includes(agency)).map((n) => n.id);
}

/** The posts whose officers `sending` has posted at `host`. */
export function liaisonPostsAt(m: Membership, host: string, sending: string): LiaisonPost[] {
  return (m.liaisonPosts ?? []).filter((p) => p.hostAgency === host && p.sendingAgency === sending);
}

/**
 * What a node searches of its own entries for a directory filter. A recorded network means its
 * member agencies (every entry of a member, none of anyone else), not the entries' own tags; an
 * unrecorded one keeps meaning the tags. A liaison post means its officers, at the sending agency.
 * `none`: this agency has nothing to answer. `unknown`: the filter names a post no record has.
 */
export type DirectoryScope = { none: true; unknownPost?: string } | { none: false; filter: DirectoryFilter; ids?: readonly string[] };

export function directoryScope(m: Membership, agency: string, filter: DirectoryFilter): DirectoryScope {
  let rest: DirectoryFilter = filter;
  let ids: readonly string[] | undefined = filter.ids;
  if (filter.network !== undefined) {
    const record = networkRecordOf(m, filter.network);
    if (record) {
      if (!record.members.includes(agency)) return { none: true };
      const { network: _recorded, ...others } = rest;
      rest = others;
    }
  }
  if (filter.liaisonPost !== undefined) {
    const post = liaisonPostOf(m, filter.liaisonPost);
    if (!post) return { none: true, unknownPost: filter.liaisonPost };
    if (post.sendingAgency !== agency) return { none: true };
    ids = ids ? ids.filter((id) => post.officers.includes(id)) : post.officers;
    if (ids.length === 0) return { none: true };
  }
  return ids ? { none: false, filter: rest, ids } : { none: false, filter: rest };
}
