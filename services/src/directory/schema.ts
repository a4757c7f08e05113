// The node's directory API: search (for anyone the policy lets see entries, ranked, with stale
// marks), and for the agency's administrators the keeping of its own entries: create, edit,
// verify, retire, bulk import from CSV, and the list of what to re-verify.
import {
  type DirectoryEntry,
  directoryFilter,
  directoryScope,
  isStale,
  parseDirectoryCsv,
  parseOrThrow,
  ValidationError,
} from '@corridor/proto';
import { type DirectoryEntryView, withoutNulls } from '@corridor/proto/graphql';
import { releaseToCaller } from '../alerts/answer-release.js';
import { releaseEntry } from '../policy/release.js';
import { builder, contract, inputs, type NodeContext } from '../schema/builder.js';
import {
  createEntry,
  type DirectoryActor,
  designateSpoc,
  entriesToVerify,
  entryHistory,
  importEntries,
  ownEntries,
  retireEntry,
  searchDirectory,
  updateEntry,
  verifyEntry,
} from './directory-store.js';

const KEEP = 'keep the agency’s directory';

function withStale(ctx: NodeContext, entries: DirectoryEntry[], now = new Date()): DirectoryEntryView[] {
  return entries.map((e) => ({ ...e, stale: isStale(e, now, ctx.services.staleAfterDays) }));
}

function actor(ctx: NodeContext): DirectoryActor {
  return { subject: ctx.claims.sub, name: ctx.claims.name };
}

function agencyOfNode(ctx: NodeContext) {
  return { id: ctx.services.agency.id, name: ctx.services.agency.name };
}

builder.queryFields((t) => ({
  directory: t.field({
    type: contract.DirectoryPageRef,
    description: 'This agency’s live entries matching the filter, best first, as its release policy lets the caller see them.',
    args: { filter: t.arg({ type: contract.DirectoryFilterInput, required: false }) },
    resolve: async (_root, args, ctx) => {
      const filter = parseOrThrow(directoryFilter, withoutNulls(args.filter ?? {}), 'directory filter');
      // A recorded network is its member agencies, a liaison post its officers (network-records.ts).
      const scope = directoryScope(ctx.services.membership(), ctx.services.agency.id, filter);
      if (scope.none && scope.unknownPost)
        throw new ValidationError('directory filter', [
          { path: 'liaisonPost', rule: 'unknown_liaison_post', message: `names no liaison post of the membership (${scope.unknownPost})` },
        ]);
      if (scope.none) return { entries: [], total: 0 };
      const { entries, total } = await searchDirectory(ctx.services.db, scope.filter, new Date(), scope.ids);
      const policy = ctx.services.policy();
      const released = await releaseToCaller(ctx.services, ctx.claims, withStale(ctx, entries), {
        resource: 'directory_entry',
        decide: (e, to) => releaseEntry(policy, e, to),
        ref: (e) => e.id,
      });
      // What the policy withholds is not counted either: the total never hints at hidden entries.
      return { entries: released, total: total - (entries.length - released.length) };
    },
  }),
  ownDirectory: t.field({
    type: [contract.DirectoryEntryRef],
    description: 'Every entry of this agency, live ones first; retired ones too when asked. For its own users.',
    args: { includeRetired: t.arg.boolean({ defaultValue: false, required: true }) },
    authScopes: { ownAgency: 'list the agency’s own directory' },
    resolve: async (_root, args, ctx) => withStale(ctx, await ownEntries(ctx.services.db, { includeRetired: args.includeRetired })),
  }),
  directoryToVerify: t.field({
    type: [contract.DirectoryEntryRef],
    description: 'Live entries already stale or stale within 30 days, the longest unconfirmed first. For administrators.',
    authScopes: { administrators: KEEP },
    resolve: async (_root, _args, ctx) => withStale(ctx, await entriesToVerify(ctx.services.db, ctx.services.staleAfterDays)),
  }),
  directoryEntryHistory: t.field({
    type: [contract.DirectoryChangeRef],
    description: 'Who changed this entry, when and how, oldest first. For administrators.',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { administrators: KEEP },
    resolve: async (_root, args, ctx) => {
      return (await entryHistory(ctx.services.db, String(args.id))).map((c) => ({
        seq: c.seq.toString(),
        change: c.change,
        subject: c.subject,
        name: c.name,
        at: c.at.toISOString(),
      }));
    },
  }),
}));

/** The entry as the caller gets it back after a change, logged by its id and the user's subject only. */
function changed(ctx: NodeContext, what: string, e: DirectoryEntry): DirectoryEntryView {
  ctx.services.log.info(`directory entry ${what}`, { entry: e.id, user: ctx.claims.sub });
  return withStale(ctx, [e])[0] as DirectoryEntryView;
}

builder.mutationFields((t) => {
  // Verifying and retiring take only the entry's id and record who did it, today.
  const confirmation = (description: string, what: string, confirm: typeof verifyEntry) =>
    t.field({
      type: contract.DirectoryEntryRef,
      description,
      args: { id: t.arg.id({ required: true }) },
      authScopes: { administrators: KEEP },
      resolve: async (_root, args, ctx) =>
        changed(ctx, what, await confirm(ctx.services.db, String(args.id), actor(ctx), ctx.services.agency.name)),
    });
  return {
    createDirectoryEntry: t.field({
      type: contract.DirectoryEntryRef,
      description: 'A new entry of this agency (proto directoryEntryDraft), verified today by its author.',
      args: { entry: t.arg({ type: inputs.DirectoryEntryInput, required: true }) },
      authScopes: { administrators: KEEP },
      resolve: async (_root, args, ctx) =>
        changed(ctx, 'created', await createEntry(ctx.services.db, agencyOfNode(ctx), args.entry, actor(ctx))),
    }),
    updateDirectoryEntry: t.field({
      type: contract.DirectoryEntryRef,
      description: 'Replaces an entry’s content (proto directoryEntryDraft); writing it verifies it.',
      args: { id: t.arg.id({ required: true }), entry: t.arg({ type: inputs.DirectoryEntryInput, required: true }) },
      authScopes: { administrators: KEEP },
      resolve: async (_root, args, ctx) =>
        changed(ctx, 'edited', await updateEntry(ctx.services.db, agencyOfNode(ctx), String(args.id), args.entry, actor(ctx))),
    }),
    verifyDirectoryEntry: confirmation('Records that the caller confirmed the entry as it stands, today.', 'verified', verifyEntry),
    retireDirectoryEntry: confirmation(
      'Takes the entry out of every search; it stays at this node with its history.',
      'retired',
      retireEntry,
    ),
    designateSinglePointOfContact: t.field({
      type: contract.DirectoryEntryRef,
      description:
        'Designates a live 24/7 entry of this agency its single point of contact, in place of the one before (at most one per agency).',
      args: { entryId: t.arg.id({ required: true }) },
      authScopes: { administrators: KEEP },
      resolve: async (_root, args, ctx) =>
        changed(
          ctx,
          'designated single point of contact',
          await designateSpoc(ctx.services.db, String(args.entryId), actor(ctx), ctx.services.agency.name),
        ),
    }),
    importDirectoryCsv: t.field({
      type: contract.DirectoryImportRef,
      description: 'Imports entries from CSV (proto directory-csv): every row is checked first; all are applied, or none.',
      args: { csv: t.arg.string({ required: true }) },
      authScopes: { administrators: KEEP },
      resolve: async (_root, args, ctx) => {
        const refuse = (problems: { row: number; field: string; message: string }[]) => {
          ctx.services.log.info('directory import refused', { user: ctx.claims.sub, problems: problems.length });
          return { applied: false, created: 0, updated: 0, unchanged: 0, problems };
        };
        const parsed = parseDirectoryCsv(args.csv, { agency: ctx.services.agency.id });
        if (parsed.problems.length > 0) return refuse(parsed.problems);
        const outcome = await importEntries(ctx.services.db, agencyOfNode(ctx), parsed.rows, actor(ctx));
        if ('refused' in outcome) return refuse(outcome.refused);
        ctx.services.log.info('directory imported', { user: ctx.claims.sub, ...outcome });
        return { applied: true, ...outcome, problems: [] };
      },
    }),
  };
});
