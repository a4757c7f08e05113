// TAXII 2.1 (OASIS, cs01) as Corridor serves it, read-only: what a node and the gateway both say.
// Paths: /taxii2/ (discovery), /taxii2/<agency>/ (each node's API root, the same path at the node
// and through the gateway), one collection per API root holding that agency's exportable alerts.
import { exchangeUuid, STIX_MEDIA_TYPE } from './stix.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const TAXII_PATH = '/taxii2/';
/** Objects per page when a client does not say, and the most it may ask for. */
export const TAXII_DEFAULT_LIMIT = 100;
export const TAXII_MAX_LIMIT = 1000;

/** The collection of an agency's alerts: the same id at every node and gateway, for good. */
export function alertCollectionId(agency: string): string {
  return exchangeUuid(`taxii-collection:alerts:${agency}`);
}

/** A path segment as written, or null when its percent-encoding is broken (answered 404, not a defect). */
export function pathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Whether an Accept header takes TAXII 2.1 (TAXII 2.1 §1.6.8.1): the TAXII media type without a
 * version or with 2.1, `application/*` or `*\/*`; a missing header is taken as any. Anything
 * else is answered 406.
 */
export function acceptsTaxii(accept: string | null): boolean {
  if (accept === null || accept.trim() === '') return true;
  return accept.split(',').some((part) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = params.find((p) => p.startsWith('version='));
    return version === undefined || version === 'version=2.1';
  });
}

/**
 * The refusal of a request that is not a read (TAXII is read-only here): a POST to a collection's
 * objects (Add Objects, §5.4) or a DELETE of an object (§5.6) is 403, as the spec answers a client
 * that may not write to a collection (can_write is false); any other method or resource, 405.
 * `below` is the path after /taxii2/.
 */
export function taxiiWriteRefusal(method: string, below: string): Response {
  const [, collections, , objects, object, rest] = below.split('/');
  const isObjects = collections === 'collections' && objects === 'objects';
  if ((method === 'POST' && isObjects && object === '') || (method === 'DELETE' && isObjects && object && rest === ''))
    return taxiiError(403, 'Forbidden', 'this collection is read-only (can_write is false): no object is added or deleted');
  return taxiiError(405, 'Method not allowed', 'this TAXII server is read-only', { allow: 'GET, HEAD' });
}

/** A TAXII error message (§3.6.1) as a response. */
export function taxiiError(status: number, title: string, description?: string, headers: Record<string, string> = {}): Response {
  return taxiiResponse({ title, ...(description ? { description } : {}), http_status: String(status) }, status, headers);
}

export function taxiiResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': TAXII_MEDIA_TYPE, ...headers } });
}

export interface ApiRootEntry {
  agency: string;
  name: string;
}

/** The discovery resource (§4.1): one API root per agency, under `base` (an absolute URL ending in /taxii2/). */
export function taxiiDiscovery(base: string, roots: readonly ApiRootEntry[], title: string): Record<string, unknown> {
  const urls = roots.map((r) => new URL(`${encodeURIComponent(r.agency)}/`, base).toString());
  return {
    title,
    description: 'Corridor alerts released to the caller, TLP:CLEAR and TLP:GREEN only, as STIX 2.1 (read-only).',
    ...(urls.length === 1 ? { default: urls[0] } : {}),
    api_roots: urls,
  };
}

/** An API root's information (§4.2). */
export function taxiiApiRoot(root: ApiRootEntry, maxContentLength: number): Record<string, unknown> {
  return {
    title: `Corridor: ${root.name}`,
    description: `Alerts of ${root.name} (${root.agency}) that its release policy gives the caller, TLP:CLEAR and TLP:GREEN only.`,
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: maxContentLength,
  };
}

/** The one collection of an API root (§5.2): read-only. */
export function taxiiAlertCollection(root: ApiRootEntry): Record<string, unknown> {
  return {
    id: alertCollectionId(root.agency),
    title: `Alerts of ${root.name}`,
    description: 'Route and document-fraud alerts as STIX reports with their waypoints as locations; Corridor fields in its extension.',
    alias: 'alerts',
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}
