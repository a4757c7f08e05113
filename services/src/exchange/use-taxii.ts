// The node's read-only TAXII 2.1 server (OASIS TAXII 2.1, cs01): discovery at /taxii2/, this
// agency's API root at /taxii2/<agency>/ with one collection of its exportable alerts as STIX 2.1
// (proto exchange/stix.ts), under the same tokens and release policy as GraphQL: its objects and
// manifest page by page, one object and its versions (§5.3–5.7), with the match[…] filters
// (taxii-filters.ts). An object the caller may not have (AMBER, RED, withheld by the policy, not
// this agency's) is 404, as one that does not exist. Also serves, to anyone, Corridor's extension
// definition and its schema (/stix/…), which hold no alert data.
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
  taxiiWriteRefusal,
} from '@corridor/proto';
import { NODE_BODY_BYTES } from '@corridor/proto/graphql';
import type { Plugin } from 'graphql-yoga';
import { afterMoment, type ExportCursor } from '../alerts/alert-store.js';
import type { NodeServices } from '../node-services.js';
import { challenge, verifyCaller } from './caller.js';
import { exportOne, exportPage } from './exported-alerts.js';
import { type StixObjectIndex, stixObjectIndex } from './stix-object-index.js';
import { decodeNext, encodeNext } from './taxii-cursor.js';
import { matches, readTaxiiFilters, type TaxiiFilters, versionOf } from './taxii-filters.js';

const EPOCH = new Date(EXCHANGE_EPOCH);

export function useTaxii(services: NodeServices): Plugin {
  const index = stixObjectIndex(services.db);
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname === '/stix/extension-definition.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_DEFINITION, STIX_MEDIA_TYPE));
      if (url.pathname === '/stix/corridor-extension.schema.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_SCHEMA, 'application/schema+json'));
      if (url.pathname !== TAXII_PATH.slice(0, -1) && !url.pathname.startsWith(TAXII_PATH)) return;
      endResponse(await answer(services, index, request, url));
    },
  };
}

function publicJson(body: unknown, type: string): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': type } });
}

async function answer(services: NodeServices, index: StixObjectIndex, request: Request, url: URL): Promise<Response> {
  const caller = await verifyCaller(services.verifier, request, services.log, 'taxii');
  if ('refused' in caller) return taxiiError(401, 'Unauthorized', 'send Authorization: Bearer <access token>', challenge(caller.refused));
  // Read-only: the API root takes no objects (can_write is false on its collection).
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return taxiiWriteRefusal(request.method, url.pathname.slice(TAXII_PATH.length));
  if (!acceptsTaxii(request.headers.get('accept')))
    return taxiiError(406, 'Not acceptable', 'ask for Accept: application/taxii+json;version=2.1');
  const self = agencyOf(services.membership(), services.agency.id) ?? services.agency;
  const root = { agency: self.id, name: self.name };
  // API roots are named under the node's address in the membership (beside its /graphql, so a
  // path prefix of its proxy is kept), not the Host header a client may set to anything.
  const base = new URL(TAXII_PATH.slice(1), new URL('.', self.nodeUrl));
  const parts = url.pathname.slice(TAXII_PATH.length).split('/');
  // ['', ] for /taxii2/, [agency, ''] for the API root, [agency, 'collections', id, what, ''] below
  // it, and [agency, 'collections', id, 'objects', objectId, ''] or (…, objectId, 'versions', '').
  if (url.pathname === TAXII_PATH || url.pathname === TAXII_PATH.slice(0, -1))
    return taxiiResponse(taxiiDiscovery(base.toString(), [root], `Corridor node of ${self.name}`));
  const [agency, collections, id, what, objectId, sub, rest] = parts.map(pathSegment);
  if (agency !== self.id) return taxiiError(404, 'Not found', `this node serves the API root of ${self.id} only`);
  if (parts.length === 2 && collections === '') return taxiiResponse(taxiiApiRoot(root, NODE_BODY_BYTES));
  if (collections !== 'collections') return notFound();
  if (parts.length === 3 && id === '') return taxiiResponse({ collections: [taxiiAlertCollection(root)] });
  if (id !== alertCollectionId(self.id)) return notFound();
  if (parts.length === 4 && what === '') return taxiiResponse(taxiiAlertCollection(root));
  const shared = sharedStixObjects(self);
  if (parts.length === 5 && objectId === '' && (what === 'objects' || what === 'manifest')) {
    const query = readQuery(url);
    if ('error' in query) return taxiiError(400, 'Bad request', query.error);
    const filters = readTaxiiFilters(url.searchParams, LIST_FILTERS);
    if ('error' in filters) return taxiiError(400, 'Bad request', filters.error);
    return collectionPage(services, caller.claims, { ...query, filters, shared, manifest: what === 'manifest' });
  }
  const single = what === 'objects' ? oneObjectResource(parts.length, objectId, sub, rest) : null;
  if (!single || !objectId) return notFound();
  const query = readOneObjectQuery(url);
  if ('error' in query) return taxiiError(400, 'Bad request', query.error);
  const filters = readTaxiiFilters(url.searchParams, single === 'object' ? OBJECT_FILTERS : VERSIONS_FILTERS);
  if ('error' in filters) return taxiiError(400, 'Bad request', filters.error);
  const found = await oneObject(services, index, caller.claims, shared, objectId);
  if (!found) return taxiiError(404, 'Not found', 'no such object in this collection for this caller');
  // The one version (taxii-filters.ts), when it passes the filters: its envelope, or the versions resource.
  const kept = (query.addedAfter === null || Date.parse(found.added) > query.addedAfter) && matches(filters, found.object);
  const headers: Record<string, string> = kept ? { 'x-taxii-date-added-first': found.added, 'x-taxii-date-added-last': found.added } : {};
  if (single === 'versions') return taxiiResponse({ more: false, ...(kept ? { versions: [versionOf(found.object)] } : {}) }, 200, headers);
  return taxiiResponse({ more: false, ...(kept ? { objects: [found.object] } : {}) }, 200, headers);
}

/** Which of one object's resources a path names below objects/: the object, its versions, or none. */
function oneObjectResource(
  length: number,
  objectId: string | null | undefined,
  sub: string | null | undefined,
  rest: string | null | undefined,
) {
  if (!objectId) return null;
  if (length === 6 && sub === '') return 'object';
  if (length === 7 && sub === 'versions' && rest === '') return 'versions';
  return null;
}

/** The filters each endpoint takes (§5.3, 5.4: all four; §5.5: version and spec version; §5.7: spec version). */
const LIST_FILTERS = new Set(['id', 'type', 'version', 'spec_version'] as const);
const OBJECT_FILTERS = new Set(['version', 'spec_version'] as const);
const VERSIONS_FILTERS = new Set(['spec_version'] as const);

/**
 * An object of the collection the caller may have, with when it was added: a shared one, or one an
 * exportable alert of this agency makes and the release policy gives the caller (audited as it
 * leaves, as a page is). Null for any other, whether it does not exist or is withheld.
 */
async function oneObject(
  services: NodeServices,
  index: StixObjectIndex,
  claims: AccessClaims,
  shared: StixObject[],
  objectId: string,
): Promise<{ object: StixObject; added: string } | null> {
  const common = shared.find((o) => o.id === objectId);
  if (common) return { object: common, added: EXCHANGE_EPOCH };
  const alertId = await index.alertOf(objectId);
  if (!alertId) return null;
  const item = await exportOne(services, claims, alertId);
  if (!item) return null;
  const added = item.added.toISOString();
  const object = alertToStix(item.alert, added).find((o) => o.id === objectId);
  return object ? { object, added } : null;
}

function notFound(): Response {
  return taxiiError(404, 'Not found', 'no such TAXII resource: see /taxii2/ and the API root’s collections');
}

interface PageQuery {
  after: ExportCursor | null;
  limit: number;
}

const ADDED_AFTER_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const ADDED_AFTER_MESSAGE = 'added_after must be a timestamp such as 2026-11-30T12:00:00.000Z';
const LIMIT_MESSAGE = 'limit must be a positive whole number';

/**
 * The paging parameters of one object or its versions (§5.5, §5.7): one version, so one page, and
 * `next` is never given; `limit` and `added_after` are read as for a page, each refused by name.
 */
function readOneObjectQuery(url: URL): { addedAfter: number | null } | { error: string } {
  const p = url.searchParams;
  const limit = p.get('limit');
  if (limit !== null && !(Number.isInteger(Number(limit)) && Number(limit) >= 1)) return { error: LIMIT_MESSAGE };
  if (p.get('next') !== null) return { error: 'next must be a value this server gave in a previous answer: an object has one page here' };
  const addedAfter = p.get('added_after');
  if (addedAfter === null) return { addedAfter: null };
  const at = Date.parse(addedAfter);
  return ADDED_AFTER_FORMAT.test(addedAfter) && !Number.isNaN(at) ? { addedAfter: at } : { error: ADDED_AFTER_MESSAGE };
}

/** The query parameters of objects and manifest (§3.4, §5.3, §5.4): each refused by name. */
function readQuery(url: URL): PageQuery | { error: string } {
  const p = url.searchParams;
  const limitText = p.get('limit');
  const limit = limitText === null ? TAXII_DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1) return { error: LIMIT_MESSAGE };
  let after: ExportCursor | null = null;
  const next = p.get('next');
  const addedAfter = p.get('added_after');
  if (next !== null) {
    after = decodeNext(next);
    if (!after) return { error: 'next must be a value this server gave in a previous answer' };
  } else if (addedAfter !== null) {
    const at = Date.parse(addedAfter);
    if (!ADDED_AFTER_FORMAT.test(addedAfter) || Number.isNaN(at)) return { error: ADDED_AFTER_MESSAGE };
    after = afterMoment(new Date(at));
  }
  return { after, limit: Math.min(limit, TAXII_MAX_LIMIT) };
}

/**
 * A page of the collection. The shared objects (identities, extension, markings) count as added at
 * EXCHANGE_EPOCH, before every alert, so a walk from the start takes them first; an alert's report
 * and locations are never split across pages (a page holds at least one alert, even past `limit`).
 */
async function collectionPage(
  services: NodeServices,
  claims: AccessClaims,
  q: PageQuery & { filters: TaxiiFilters; shared: StixObject[]; manifest: boolean },
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
  const listed = entries.flatMap((e) => e.objects.filter((o) => matches(q.filters, o)).map((o) => ({ o, added: e.added })));
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
      version: versionOf(o),
      media_type: STIX_MEDIA_TYPE,
    }));
    return taxiiResponse({ ...more, ...(objects.length > 0 ? { objects } : {}) }, 200, headers);
  }
  const objects = listed.map(({ o }) => o);
  return taxiiResponse({ ...more, ...(objects.length > 0 ? { objects } : {}) }, 200, headers);
}
