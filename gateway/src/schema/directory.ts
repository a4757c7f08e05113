// The federated directory: a search fanned out to every node, each answering its best entries
// under its own policy, ranked together here in proto's directory order; and the keeping of the
// caller's own agency's entries, forwarded to its own node, which checks the administrator role.
import {
  agencyOf,
  directoryFilter,
  type LiaisonPost,
  type Membership,
  type NetworkRecord,
  parseOrThrow,
  ValidationError,
} from '@corridor/proto';
import { type DirectoryEntryFields, withoutNulls } from '@corridor/proto/graphql';
import { mergeDirectory, unknownZonesNote, withKnownTimeZones } from '../merge.js';
import { graphql } from '../node-gql/index.js';
import { DIRECTORY_QUERY } from '../node-queries.js';
import { builder, contract, inputs } from './builder.js';
import { fromOwnNode } from './own-node.js';
import { Agency, askNodes, gatheredResult } from './shared.js';

/** A member agency as the console names it; an id the membership no longer lists stays an id. */
function agencyNamed(m: Membership, id: string) {
  const a = agencyOf(m, id);
  return { id, name: a?.name ?? id, country: a?.country ?? '' };
}

type Named<T> = T & { membership: Membership };

const AgencyEntry = builder.objectRef<Named<{ agency: string; entry?: string | undefined }>>('AgencyEntry').implement({
  description: "An agency's role in a network, and the directory entry (of that agency) to reach for it.",
  fields: (t) => ({
    agency: t.field({ type: Agency, resolve: (r) => agencyNamed(r.membership, r.agency) }),
    entry: t.id({ nullable: true, resolve: (r) => r.entry ?? null }),
  }),
});

const NetworkRecordRef = builder.objectRef<Named<NetworkRecord>>('NetworkRecord').implement({
  description: 'A regional network as the signed membership records it: its members, secretariat and focal points.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    members: t.field({ type: [Agency], resolve: (r) => r.members.map((a) => agencyNamed(r.membership, a)) }),
    secretariat: t.field({
      type: AgencyEntry,
      nullable: true,
      resolve: (r) => (r.secretariat ? { ...r.secretariat, membership: r.membership } : null),
    }),
    focalPoints: t.field({ type: [AgencyEntry], resolve: (r) => r.focalPoints.map((f) => ({ ...f, membership: r.membership })) }),
  }),
});

const LiaisonPostRef = builder.objectRef<Named<LiaisonPost>>('LiaisonPost').implement({
  description: 'Officers of the sending agency posted at the host agency, under a legal basis, on the routes it covers.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sendingAgency: t.field({ type: Agency, resolve: (r) => agencyNamed(r.membership, r.sendingAgency) }),
    hostAgency: t.field({ type: Agency, resolve: (r) => agencyNamed(r.membership, r.hostAgency) }),
    hostCountry: t.exposeString('hostCountry'),
    legalBasis: t.exposeString('legalBasis'),
    routes: t.exposeStringList('routes'),
    officers: t.idList({ resolve: (r) => r.officers, description: 'The directory entries of the officers posted.' }),
  }),
});

const DEFAULT_LIMIT = 50;

const DirectoryResult = gatheredResult<{ entries: DirectoryEntryFields[]; total: number }>('DirectoryResult', (t) => ({
  entries: t.field({ type: [contract.DirectoryEntryRef], resolve: (r) => r.entries, description: 'The best ranked first.' }),
  total: t.exposeInt('total', { description: 'How many entries matched at the agencies that answered.' }),
}));

builder.queryFields((t) => ({
  networkRecords: t.field({
    type: [NetworkRecordRef],
    description: 'The networks the membership records, with their members, secretariat and focal points.',
    resolve: (_r, _a, ctx) => (ctx.membership.networks ?? []).map((n) => ({ ...n, membership: ctx.membership })),
  }),
  liaisonPosts: t.field({
    type: [LiaisonPostRef],
    description: 'The liaison posts the membership records, with their legal basis and routes.',
    resolve: (_r, _a, ctx) => (ctx.membership.liaisonPosts ?? []).map((p) => ({ ...p, membership: ctx.membership })),
  }),
  directory: t.field({
    type: DirectoryResult,
    description:
      'Entries of every agency matching the filter, as each agency’s policy lets the caller see them: reachable now first, then those speaking `speaks`, then the most recently verified.',
    args: { filter: t.arg({ type: contract.DirectoryFilterInput, required: false }) },
    resolve: async (_r, args, ctx) => {
      // Checked here too, so a bad filter is one clear error instead of one per node.
      const filter = parseOrThrow(directoryFilter, withoutNulls(args.filter ?? {}), 'directory filter');
      if (filter.liaisonPost !== undefined && !ctx.membership.liaisonPosts?.some((p) => p.id === filter.liaisonPost))
        throw new ValidationError('directory filter', [
          { path: 'liaisonPost', rule: 'unknown_liaison_post', message: `names no liaison post of the membership (${filter.liaisonPost})` },
        ]);
      const limit = filter.limit ?? DEFAULT_LIMIT;
      const { answers, sources } = await askNodes(ctx, 'directory', DIRECTORY_QUERY, { filter: { ...filter, limit } });
      // One partner's bad entry costs that entry, named on its node's line, not everyone's search.
      let droppedCount = 0;
      const lists = answers.map((a) => {
        const { kept, dropped } = withKnownTimeZones(a.data.directory.entries);
        if (dropped.length > 0) {
          droppedCount += dropped.length;
          const source = sources.find((s) => s.agency === a.agency);
          if (source) source.error = unknownZonesNote(dropped);
        }
        return kept;
      });
      return {
        entries: mergeDirectory(lists, { now: new Date(), limit, ...(filter.speaks ? { speaks: filter.speaks } : {}) }),
        total: answers.reduce((n, a) => n + a.data.directory.total, 0) - droppedCount,
        sources,
      };
    },
  }),
  ownDirectory: t.field({
    type: [contract.DirectoryEntryRef],
    description: "Every entry of the caller's agency, at its own node; retired ones too when asked.",
    args: { includeRetired: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: fromOwnNode(
      graphql(`query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }`),
    ),
  }),
  directoryToVerify: t.field({
    type: [contract.DirectoryEntryRef],
    description: "Entries of the caller's agency that are stale or about to be, the longest unconfirmed first (administrators).",
    resolve: fromOwnNode(graphql(`query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }`)),
  }),
  directoryEntryHistory: t.field({
    type: [contract.DirectoryChangeRef],
    description: "Who changed an entry of the caller's agency, when and how (administrators).",
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(
      graphql(`query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }`),
    ),
  }),
}));

builder.mutationFields((t) => ({
  createDirectoryEntry: t.field({
    type: contract.DirectoryEntryRef,
    description: "Creates an entry of the caller's agency at its own node (proto directoryEntryDraft; administrators).",
    args: { entry: t.arg({ type: inputs.DirectoryEntryInput, required: true }) },
    resolve: fromOwnNode(
      graphql(`mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }`),
    ),
  }),
  updateDirectoryEntry: t.field({
    type: contract.DirectoryEntryRef,
    description: "Replaces an entry of the caller's agency; writing it verifies it (administrators).",
    args: { id: t.arg.id({ required: true }), entry: t.arg({ type: inputs.DirectoryEntryInput, required: true }) },
    resolve: fromOwnNode(
      graphql(
        `mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }`,
      ),
    ),
  }),
  verifyDirectoryEntry: t.field({
    type: contract.DirectoryEntryRef,
    description: 'Records that the caller confirmed the entry as it stands, today (administrators).',
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(graphql(`mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }`)),
  }),
  retireDirectoryEntry: t.field({
    type: contract.DirectoryEntryRef,
    description: 'Takes an entry of the caller’s agency out of every search (administrators).',
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(graphql(`mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }`)),
  }),
  designateSinglePointOfContact: t.field({
    type: contract.DirectoryEntryRef,
    description:
      'Designates a live 24/7 entry of the caller’s agency its single point of contact, in place of the one before (administrators).',
    args: { entryId: t.arg.id({ required: true }) },
    resolve: fromOwnNode(
      graphql(
        `mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...NodeEntryFields } }`,
      ),
    ),
  }),
  importDirectoryCsv: t.field({
    type: contract.DirectoryImportRef,
    description: 'Imports entries from CSV at the caller’s own node: all rows are applied, or none (administrators).',
    args: { csv: t.arg.string({ required: true }) },
    resolve: fromOwnNode(
      graphql(
        `mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }`,
      ),
    ),
  }),
}));
