// The node's read-only TAXII 2.1 server (OASIS TAXII 2.1, cs01): discovery at /taxii2/, this
// agency's API root at /taxii2/<agency>/ with one collection of its exportable alerts as STIX 2.1
// (proto exchange/stix.ts), under the same tokens and release policy as GraphQL. Also serves, to
// anyone, Corridor's extension definition and its schema (/stix/…), which hold no alert data.
import {
  type AccessClaims,
  type Alert,
  acceptsTaxii,
  agencyOf,
  alertCollectionId,
  alertToStix,
  CORRIDOR_EXTENSION_DEFINITION,
  CORRIDOR_EXTENSION_SCHEMA,
  EXCHANGE_EPOCH,
  pathSegment,
  STIX_MEDIA_TYPE,
  type StixObject,
  sharedStixObjects,
  TAXII_DEFAULT_LIMIT,
  TAXII_MAX_LIMIT,
  TAXII_PATH,
  taxiiAlertCollection,
  taxiiApiRoot,
  taxiiDiscovery,
  taxiiError,
  taxiiResponse,
} from '@corridor/proto';
import { NODE_BODY_BYTES } from '@corridor/proto/graphql';
import type { Plugin } from 'graphql-yoga';
import { afterMoment, type ExportCursor } from '../alerts/alert-store.js';
import type { NodeServices } from '../node-services.js';
import { challenge, verifyCaller } from './caller.js';
import { exportPage } from './exported-alerts.js';
import { decodeNext, encodeNext } from './taxii-cursor.js';

const EPOCH = new Date(EXCHANGE_EPOCH);

export function useTaxii(services: NodeServices): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/stix/extension-definition.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_DEFINITION, STIX_MEDIA_TYPE));
      if (url.pathname === '/stix/corridor-extension.schema.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_SCHEMA, 'application/schema+json'));
      if (url.pathname !== TAXII_PATH.slice(0, -1) && !url.pathname.startsWith(TAXII_PATH)) return;
      endResponse(await answer(services, request, url));
    },
  };
}

function publicJson(body: unknown, type: string): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': type } });
}

async function answer(services: NodeServices, request: Request, url: URL): Promise<Response> {
  const caller = await verifyCaller(services.verifier, request, services.log, 'taxii');
  if ('refused' in caller) return taxiiError(401, 'Unauthorized', 'send Authorization: Bearer <access token>', challenge(caller.refused));
  // Read-only: the API root takes no objects (can_write is false on its collection).
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return taxiiError(405, 'Method not allowed', 'this TAXII server is read-only', { allow: 'GET, HEAD' });
  if (!acceptsTaxii(request.headers.get('accept')))
    return taxiiError(406, 'Not acceptable', 'ask for Accept: application/taxii+json;version=2.1');
  const self = agencyOf(services.membership(), services.agency.id) ?? services.agency;
  const root = { agency: self.id, name: self.name };
  // API roots are named under the node's address in the membership (beside its /graphql, so a
  // path prefix of its proxy is kept), not the Host header a client may set to anything.
  const base = new URL(TAXII_PATH.slice(1), new URL('.', self.nodeUrl));
  const parts = url.pathname.slice(TAXII_PATH.length).split('/');
  // ['', ] for /taxii2/, [agency, ''] for the API root, [agency, 'collections', id, what, ''] below it.
  if (url.pathname === TAXII_PATH || url.pathname === TAXII_PATH.slice(0, -1))
    return taxiiResponse(taxiiDiscovery(base.toString(), [root], `Corridor node of ${self.name}`));
  const [agency, collections, id, what, rest] = parts.map(pathSegment);
  if (agency !== self.id) return taxiiError(404, 'Not found', `this node serves the API root of ${self.id} only`);
  if (parts.length === 2 && collections === '') return taxiiResponse(taxiiApiRoot(root, NODE_BODY_BYTES));
  if (collections !== 'collections') return notFound();
  if (parts.length === 3 && id === '') return taxiiResponse({ collections: [taxiiAlertCollection(root)] });
  if (id !== alertCollectionId(self.id)) return notFound();
  if (parts.length === 4 && what === '') return taxiiResponse(taxiiAlertCollection(root));
  if (parts.length !== 5 || rest !== '' || (what !== 'objects' && what !== 'manifest')) return notFound();
  const query = readQuery(url);
  if ('error' in query) return taxiiError(400, 'Bad request', query.error);
  return collectionPage(services, caller.claims, { ...query, shared: sharedStixObjects(self), manifest: what === 'manifest' });
}

function notFound(): Response {
  return taxiiError(404, 'Not found', 'no such TAXII resource: see /taxii2/ and the API root’s collections');
}

interface PageQuery {
  after: ExportCursor | null;
  limit: number;
  types: Set<string> | null;
}

/** The query parameters of objects and manifest (§3.4, §5.3, §5.4): each refused by name. */
function readQuery(url: URL): PageQuery | { error: string } {
  const p = url.searchParams;
  const limitText = p.get('limit');
  const limit = limitText === null ? TAXII_DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) return { error: 'limit must be a positive whole number' };
  let after: ExportCursor | null = null;
  const next = p.get('next');
  const addedAfter = p.get('added_after');
  if (next !== null) {
    after = decodeNext(next);
    if (!after) return { error: 'next must be a value this server gave in a previous answer' };
  } else if (addedAfter !== null) {
    const at = Date.parse(addedAfter);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(addedAfter) || Number.isNaN(at))
      return { error: 'added_after must be a timestamp such as 2026-11-30T12:00:00.000Z' };
    after = afterMoment(new Date(at));
  }
  const typeText = p.get('match[type]');
  return { after, limit: Math.min(limit, TAXII_MAX_LIMIT), types: typeText ? new Set(typeText.split(',')) : null };
}

/**
 * A page of the collection. The shared objects (identities, extension, markings) count as added at
 * EXCHANGE_EPOCH, before every alert, so a walk from the start takes them first; an alert's report
 * and locations are never split across pages (a page holds at least one alert, even past `limit`).
 */
async function collectionPage(
  services: NodeServices,
  claims: AccessClaims,
  q: PageQuery & { shared: StixObject[]; manifest: boolean },
): Promise<Response> {
  const shared = q.after === null || q.after.added < EPOCH ? q.shared : [];
  const page = await exportPage(services, claims, {
    after: q.after,
    budget: Math.max(1, q.limit - shared.length),
    weight: (a: Alert) => 1 + (a.route?.waypoints.length ?? 0),
  });
  const entries: { added: string; objects: StixObject[] }[] = [
    ...(shared.length > 0 ? [{ added: EXCHANGE_EPOCH, objects: shared }] : []),
    ...page.items.map((i) => ({ added: i.added.toISOString(), objects: alertToStix(i.alert, i.added.toISOString()) })),
  ];
  const listed = entries.flatMap((e) => e.objects.filter((o) => !q.types || q.types.has(o.type)).map((o) => ({ o, added: e.added })));
  const headers: Record<string, string> = {};
  const first = entries[0];
  const last = entries[entries.length - 1];
  if (first && last) {
    headers['x-taxii-date-added-first'] = first.added;
    headers['x-taxii-date-added-last'] = last.added;
  }
  const more = { more: page.next !== null, ...(page.next ? { next: encodeNext(page.next) } : {}) };
  if (q.manifest) {
    const objects = listed.map(({ o, added }) => ({
      id: o.id,
      date_added: added,
      version: String(o.modified ?? o.created),
      media_type: STIX_MEDIA_TYPE,
    }));
    return taxiiResponse({ ...more, ...(objects.length > 0 ? { objects } : {}) }, 200, headers);
  }
  const objects = listed.map(({ o }) => o);
  return taxiiResponse({ ...more, ...(objects.length > 0 ? { objects } : {}) }, 200, headers);
}
