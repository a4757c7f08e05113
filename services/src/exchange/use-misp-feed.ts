// The node's MISP feed (MISP's feed format, as a MISP instance pulls it: GET manifest.json, then
// GET <uuid>.json for each event it does not hold at that timestamp), under the same Bearer token
// as GraphQL (MISP sends a feed's custom headers), and the same release policy and audit.
import { type AccessClaims, agencyOf, alertToMispEvent, type MispEvent, mispManifestEntry } from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';
import type { ExportCursor, StoredExport } from '../alerts/alert-store.js';
import type { NodeServices } from '../node-services.js';
import { challenge, verifyCaller } from './caller.js';
import { exportOne, exportPage } from './exported-alerts.js';

const MISP_PATH = '/misp/';
const EVENT_FILE = /^\/misp\/([0-9a-f-]{36})\.json$/;
/** A manifest lists at most this many events (the newest are then left out, and the log says so). */
const MAX_MANIFEST_EVENTS = 50_000;

export function useMispFeed(services: NodeServices): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(MISP_PATH)) return;
      endResponse(await answer(services, request, url));
    },
  };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

async function answer(services: NodeServices, request: Request, url: URL): Promise<Response> {
  const caller = await verifyCaller(services.verifier, request, services.log, 'misp');
  if ('refused' in caller)
    return json({ error: 'unauthenticated', message: 'send Authorization: Bearer <access token>' }, 401, challenge(caller.refused));
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return json({ error: 'method_not_allowed', message: 'this MISP feed is read-only' }, 405, { allow: 'GET, HEAD' });
  if (url.pathname === `${MISP_PATH}manifest.json`) return json(await manifest(services, caller.claims));
  const id = EVENT_FILE.exec(url.pathname)?.[1];
  const found = id ? await exportOne(services, caller.claims, id) : null;
  if (!found) return json({ error: 'not_found', message: 'no such event in this feed: see manifest.json' }, 404);
  return json({ Event: event(services, found) });
}

function event(services: NodeServices, e: StoredExport): MispEvent {
  const publisher = agencyOf(services.membership(), e.alert.origin.agency) ?? services.agency;
  return alertToMispEvent(e.alert, e.added.toISOString(), publisher);
}

/** Every event the caller may pull, by uuid: read a page at a time, each page audited as it is listed. */
async function manifest(services: NodeServices, claims: AccessClaims): Promise<Record<string, ReturnType<typeof mispManifestEntry>>> {
  const out: Record<string, ReturnType<typeof mispManifestEntry>> = {};
  let after: ExportCursor | null = null;
  let count = 0;
  for (;;) {
    const page = await exportPage(services, claims, { after, budget: 1000, weight: () => 1 });
    for (const item of page.items) out[item.alert.id] = mispManifestEntry(event(services, item));
    count += page.items.length;
    if (!page.next) break;
    if (count >= MAX_MANIFEST_EVENTS) {
      services.log.warn('misp manifest cut', { events: count });
      break;
    }
    after = page.next;
  }
  return out;
}
