// TAXII 2.1 and the MISP feeds through the gateway: discovery at /taxii2/ lists one API root per
// member agency, at /taxii2/<agency>/, and every request below it goes to that agency's node, the
// path unchanged; /misp/<agency>/<file> is that node's /misp/<file>. Each goes
// with the caller's own token to their own node and a token delegated to that node alone elsewhere
// (delegated-tokens.ts), exactly as a GraphQL fan-out does. The node decides what the caller sees
// (TLP, its release policy, its audit); the gateway adds nothing and widens nothing.
import {
  AuthError,
  acceptsTaxii,
  CORRIDOR_EXTENSION_DEFINITION,
  CORRIDOR_EXTENSION_SCHEMA,
  type Membership,
  pathSegment,
  STIX_MEDIA_TYPE,
  TAXII_PATH,
  type TokenVerifier,
  taxiiDiscovery,
  taxiiError,
  taxiiResponse,
  taxiiWriteRefusal,
} from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';
import type { DelegatedTokens } from '../delegated-tokens.js';
import type { NodeClient } from '../node-clients.js';

/** The node's headers a TAXII client reads, passed on as the node sent them. */
const PASSED_ON = ['content-type', 'x-taxii-date-added-first', 'x-taxii-date-added-last', 'allow'];

export interface ExchangeProxyOptions {
  membership: () => Membership;
  nodes: Map<string, NodeClient>;
  verifier: TokenVerifier;
  delegatedTokens: DelegatedTokens;
  deadlineMs: number;
  log: (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;
}

const MISP_PATH = '/misp/';

export function useExchangeProxy(opts: ExchangeProxyOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      // Corridor's extension definition and its schema, as every node serves them: no alert data, no token.
      if (url.pathname === '/stix/extension-definition.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_DEFINITION, STIX_MEDIA_TYPE));
      if (url.pathname === '/stix/corridor-extension.schema.json')
        return endResponse(publicJson(CORRIDOR_EXTENSION_SCHEMA, 'application/schema+json'));
      if (url.pathname.startsWith(MISP_PATH)) return endResponse(await mispAnswer(opts, request, url));
      if (url.pathname !== TAXII_PATH.slice(0, -1) && !url.pathname.startsWith(TAXII_PATH)) return;
      endResponse(await answer(opts, request, url));
    },
  };
}

function publicJson(body: unknown, type: string): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': type } });
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** /misp/<agency>/<file> → that agency's node's /misp/<file>, under the caller's token for it. */
async function mispAnswer(opts: ExchangeProxyOptions, request: Request, url: URL): Promise<Response> {
  const caller = await verify(opts, request);
  if ('refused' in caller)
    return json({ error: 'unauthenticated', message: 'send Authorization: Bearer <access token>' }, 401, challenge(caller.refused));
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return json({ error: 'method_not_allowed', message: 'MISP feeds are read-only' }, 405, { allow: 'GET, HEAD' });
  const [target = '', file = '', ...more] = url.pathname.slice(MISP_PATH.length).split('/');
  const client = opts.nodes.get(pathSegment(target) ?? '');
  if (!client || file === '' || more.length > 0)
    return json({ error: 'not_found', message: 'a feed is at /misp/<agency>/manifest.json' }, 404);
  const forwarded = await forward(opts, request, caller, client, `misp/${file}`, 'application/json');
  return forwarded ?? json({ error: 'bad_gateway', message: `agency ${client.agency}'s node cannot be asked now` }, 502);
}

type Verified = { authorization: string; agency: string } | { refused: AuthError };

async function verify(opts: ExchangeProxyOptions, request: Request): Promise<Verified> {
  const authorization = request.headers.get('authorization');
  try {
    return { authorization: authorization as string, agency: (await opts.verifier.verify(authorization)).agency };
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    opts.log('warn', 'request refused', { surface: new URL(request.url).pathname.split('/')[1], reason: e.reason, detail: e.message });
    return { refused: e };
  }
}

function challenge(e: AuthError): Record<string, string> {
  return { 'www-authenticate': `Bearer error="invalid_token", error_description="${e.reason}"` };
}

/**
 * Asks `client`'s node for `path` (relative to its GraphQL endpoint's folder) with the caller's
 * token for that node; the node's answer passed on (status, body, the headers a client reads), or
 * null when the node could not be asked.
 */
async function forward(
  opts: ExchangeProxyOptions,
  request: Request,
  caller: { authorization: string; agency: string },
  client: NodeClient,
  path: string,
  accept: string,
): Promise<Response | null> {
  let header: string;
  try {
    header = await opts.delegatedTokens.authorizationFor(caller, client.agency);
  } catch (e) {
    opts.log('warn', 'token exchange failed', { agency: client.agency, error: (e as Error).message });
    return null;
  }
  const to = new URL(`${path}${new URL(request.url).search}`, new URL('.', client.endpoint));
  let answered: Response;
  try {
    answered = await client.fetch(to, {
      method: request.method,
      headers: { authorization: header, accept: request.headers.get('accept') ?? accept },
      signal: AbortSignal.timeout(opts.deadlineMs),
    });
  } catch (e) {
    opts.log('warn', 'node did not answer', { agency: client.agency, error: (e as Error).message });
    return null;
  }
  const headers = new Headers();
  for (const name of PASSED_ON) {
    const value = answered.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(await answered.arrayBuffer(), { status: answered.status, headers });
}

async function answer(opts: ExchangeProxyOptions, request: Request, url: URL): Promise<Response> {
  const caller = await verify(opts, request);
  if ('refused' in caller) return taxiiError(401, 'Unauthorized', 'send Authorization: Bearer <access token>', challenge(caller.refused));
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return taxiiWriteRefusal(request.method, url.pathname.slice(TAXII_PATH.length));
  if (!acceptsTaxii(request.headers.get('accept')))
    return taxiiError(406, 'Not acceptable', 'ask for Accept: application/taxii+json;version=2.1');
  const membership = opts.membership();
  if (url.pathname === TAXII_PATH || url.pathname === TAXII_PATH.slice(0, -1)) {
    const roots = membership.agencies.map((a) => ({ agency: a.id, name: a.name }));
    return taxiiResponse(taxiiDiscovery(new URL(TAXII_PATH, url).toString(), roots, `Corridor: ${membership.network.name}`));
  }
  const rest = url.pathname.slice(TAXII_PATH.length);
  const client = opts.nodes.get(pathSegment(rest.split('/')[0] ?? '') ?? '');
  if (!client) return taxiiError(404, 'Not found', 'no such API root: see /taxii2/');
  // The node's TAXII root sits beside its GraphQL endpoint (…/graphql → …/taxii2/…).
  const forwarded = await forward(opts, request, caller, client, `taxii2/${rest}`, 'application/taxii+json;version=2.1');
  return forwarded ?? taxiiError(502, 'Bad gateway', `agency ${client.agency}'s node cannot be asked now`);
}
