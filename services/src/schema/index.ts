// The node API: this agency's directory and alerts, publishing, and the live feed.
import { directoryFilter, mayRelease, parseOrThrow, ValidationError } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import { getAlert, listAlerts } from '../alert-store.js';
import { searchDirectory } from '../directory-store.js';
import { publishAlert } from '../publish-alert.js';
import { AlertRef, builder, DirectoryEntryRef, DirectoryFilterInput } from './builder.js';
import { AlertScopeEnum } from './types.js';

function validationError(e: ValidationError): GraphQLError {
  return new GraphQLError(e.message, { extensions: { code: e.code, fieldErrors: e.fieldErrors } });
}

builder.queryType({
  fields: (t) => ({
    directory: t.field({
      type: [DirectoryEntryRef],
      args: { filter: t.arg({ type: DirectoryFilterInput, required: false }) },
      resolve: async (_root, args, ctx) => {
        try {
          const filter = parseOrThrow(directoryFilter, stripNulls(args.filter ?? {}), 'directory filter');
          return await searchDirectory(ctx.services.db, filter);
        } catch (e) {
          throw e instanceof ValidationError ? validationError(e) : e;
        }
      },
    }),
    alerts: t.field({
      type: [AlertRef],
      args: {
        scope: t.arg({ type: AlertScopeEnum, defaultValue: 'OWN', required: true }),
        kind: t.arg.string({ required: false }),
        limit: t.arg.int({ defaultValue: 100, required: true }),
      },
      resolve: (_root, args, ctx) =>
        listAlerts(ctx.services.db, {
          self: ctx.services.agency.id,
          viewerAgency: ctx.claims.agency,
          scope: args.scope,
          kind: args.kind,
          limit: args.limit,
        }),
    }),
    alert: t.field({
      type: AlertRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_root, args, ctx) => getAlert(ctx.services.db, String(args.id), ctx.claims.agency, ctx.services.agency.id),
    }),
  }),
});

builder.mutationType({
  fields: (t) => ({
    publishAlert: t.field({
      type: AlertRef,
      description: 'Publishes an alert of this agency (proto alertInput). Identifiers are pseudonymized here.',
      args: { input: t.arg({ type: 'JSONObject', required: true }) },
      resolve: async (_root, args, ctx) => {
        if (ctx.claims.agency !== ctx.services.agency.id) {
          throw new GraphQLError(`only users of agency ${ctx.services.agency.id} publish at this node`, {
            extensions: { code: 'FORBIDDEN' },
          });
        }
        try {
          const published = await publishAlert(ctx.services.publishContext, args.input);
          ctx.services.log.info('alert published', { alert: published.id, kind: published.kind, tlp: published.tlp, user: ctx.claims.sub });
          return published;
        } catch (e) {
          if (e instanceof ValidationError) {
            ctx.services.log.info('alert refused', { user: ctx.claims.sub, fields: e.fieldErrors.map((f) => f.path) });
            throw validationError(e);
          }
          throw e;
        }
      },
    }),
  }),
});

builder.subscriptionType({
  fields: (t) => ({
    alertFeed: t.field({
      type: AlertRef,
      description: 'Every alert stored at this node from now on (own or received) that the caller may see.',
      subscribe: (_root, _args, ctx) => filtered(ctx.services.feed.subscribe('alert'), (a) => mayRelease(a, ctx.claims.agency)),
      resolve: (a) => a,
    }),
  }),
});

async function* filtered<T>(source: AsyncIterable<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of source) if (keep(item)) yield item;
}

function stripNulls<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as never;
}

export const schema = builder.toSchema();
