// The federated directory: a search fanned out to every node, each answering its best entries
// under its own policy, ranked together here in proto's directory order; and the keeping of the
// caller's own agency's entries, forwarded to its own node, which checks the administrator role.
import { directoryFilter, parseOrThrow } from '@corridor/proto';
import { type DirectoryEntryFields, withoutNulls } from '@corridor/proto/graphql';
import { fanOut, type SourceStatus } from '../fan-out.js';
import { mergeDirectory } from '../merge.js';
import {
  CREATE_ENTRY_MUTATION,
  DIRECTORY_HISTORY_QUERY,
  DIRECTORY_QUERY,
  DIRECTORY_TO_VERIFY_QUERY,
  IMPORT_CSV_MUTATION,
  OWN_DIRECTORY_QUERY,
  RETIRE_ENTRY_MUTATION,
  UPDATE_ENTRY_MUTATION,
  VERIFY_ENTRY_MUTATION,
} from '../node-queries.js';
import {
  builder,
  DirectoryChangeRef,
  DirectoryEntryInput,
  DirectoryEntryRef,
  DirectoryFilterInput,
  DirectoryImportRef,
} from './builder.js';
import { fromOwnNode } from './own-node.js';
import { authorizationFor, reportMissing, SourceRef } from './shared.js';

const DEFAULT_LIMIT = 50;

const DirectoryResult = builder
  .objectRef<{ entries: DirectoryEntryFields[]; total: number; sources: SourceStatus[] }>('DirectoryResult')
  .implement({
    fields: (t) => ({
      entries: t.field({ type: [DirectoryEntryRef], resolve: (r) => r.entries, description: 'The best ranked first.' }),
      total: t.exposeInt('total', { description: 'How many entries matched at the agencies that answered.' }),
      sources: t.field({ type: [SourceRef], resolve: (r) => r.sources }),
    }),
  });

builder.queryFields((t) => ({
  directory: t.field({
    type: DirectoryResult,
    description:
      'Entries of every agency matching the filter, as each agency’s policy lets the caller see them: reachable now first, then those speaking `speaks`, then the most recently verified.',
    args: { filter: t.arg({ type: DirectoryFilterInput, required: false }) },
    resolve: async (_r, args, ctx) => {
      // Checked here too, so a bad filter is one clear error instead of one per node.
      const filter = parseOrThrow(directoryFilter, withoutNulls(args.filter ?? {}), 'directory filter');
      const limit = filter.limit ?? DEFAULT_LIMIT;
      const { answers, sources } = await fanOut(
        ctx.nodes.values(),
        DIRECTORY_QUERY,
        { filter: { ...filter, limit } },
        authorizationFor(ctx),
        ctx.deadlineMs,
      );
      reportMissing(ctx, sources, 'directory');
      return {
        entries: mergeDirectory(
          answers.map((a) => a.data.directory.entries),
          { now: new Date(), limit, ...(filter.speaks ? { speaks: filter.speaks } : {}) },
        ),
        total: answers.reduce((n, a) => n + a.data.directory.total, 0),
        sources,
      };
    },
  }),
  ownDirectory: t.field({
    type: [DirectoryEntryRef],
    description: "Every entry of the caller's agency, at its own node; retired ones too when asked.",
    args: { includeRetired: t.arg.boolean({ defaultValue: false, required: true }) },
    resolve: fromOwnNode(OWN_DIRECTORY_QUERY),
  }),
  directoryToVerify: t.field({
    type: [DirectoryEntryRef],
    description: "Entries of the caller's agency that are stale or about to be, the longest unconfirmed first (administrators).",
    resolve: fromOwnNode(DIRECTORY_TO_VERIFY_QUERY),
  }),
  directoryEntryHistory: t.field({
    type: [DirectoryChangeRef],
    description: "Who changed an entry of the caller's agency, when and how (administrators).",
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(DIRECTORY_HISTORY_QUERY),
  }),
}));

builder.mutationFields((t) => ({
  createDirectoryEntry: t.field({
    type: DirectoryEntryRef,
    description: "Creates an entry of the caller's agency at its own node (proto directoryEntryDraft; administrators).",
    args: { entry: t.arg({ type: DirectoryEntryInput, required: true }) },
    resolve: fromOwnNode(CREATE_ENTRY_MUTATION),
  }),
  updateDirectoryEntry: t.field({
    type: DirectoryEntryRef,
    description: "Replaces an entry of the caller's agency; writing it verifies it (administrators).",
    args: { id: t.arg.id({ required: true }), entry: t.arg({ type: DirectoryEntryInput, required: true }) },
    resolve: fromOwnNode(UPDATE_ENTRY_MUTATION),
  }),
  verifyDirectoryEntry: t.field({
    type: DirectoryEntryRef,
    description: 'Records that the caller confirmed the entry as it stands, today (administrators).',
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(VERIFY_ENTRY_MUTATION),
  }),
  retireDirectoryEntry: t.field({
    type: DirectoryEntryRef,
    description: 'Takes an entry of the caller’s agency out of every search (administrators).',
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(RETIRE_ENTRY_MUTATION),
  }),
  importDirectoryCsv: t.field({
    type: DirectoryImportRef,
    description: 'Imports entries from CSV at the caller’s own node: all rows are applied, or none (administrators).',
    args: { csv: t.arg.string({ required: true }) },
    resolve: fromOwnNode(IMPORT_CSV_MUTATION),
  }),
}));
