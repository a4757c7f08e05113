// Suite `exchange` (issue 16, item 3): what a TAXII client's walk of an agency's collection costs,
// against the same alerts read page by page over GraphQL in the same run (the baseline), at the
// agency's node as its own officer and through the gateway as a partner's (release and audit on
// each page), and a MISP manifest of the same alerts. Pages of about 100 alerts either way: a
// route alert is 4 STIX objects (a report, 3 locations), so TAXII pages are 400 objects.
import { encodeAlertCursor } from '@corridor/proto';
import { ALERT_FIELDS, routeAlert } from '../../support/fixtures.js';
import { type GraphQLResponse, gql } from '../../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../../support/test-network.js';
import { machineLoad } from '../process-stats.js';
import { type BenchResult, suiteResults } from '../results-file.js';

const ALERTS = Number(process.env.BENCH_EXCHANGE_ALERTS ?? 2000);
const TAXII = 'application/taxii+json;version=2.1';
const ROUNDS = 3;

async function publishAll(net: TestNetwork): Promise<void> {
  const token = await net.token('it-polfr-officer');
  for (let done = 0; done < ALERTS; done += 500) {
    const inputs = Array.from({ length: Math.min(500, ALERTS - done) }, (_, i) =>
      routeAlert({ summary: `Exchange bench alert number ${done + i}` }),
    );
    const r = await gql(
      net.nodes['it-polfr']?.url as string,
      token,
      'mutation($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id } }',
      {
        inputs,
      },
    );
    if (r.errors) throw new Error(`bench: publishing failed: ${JSON.stringify(r.errors)}`);
  }
}

/** Seconds for a whole TAXII walk of Italy's collection at `server`, and the reports it held. */
async function taxiiWalk(server: string, token: string): Promise<{ seconds: number; reports: number }> {
  const headers = { authorization: `Bearer ${token}`, accept: TAXII };
  const started = performance.now();
  const collections = (await (await fetch(new URL('/taxii2/it-polfr/collections/', server), { headers })).json()) as {
    collections: { id: string }[];
  };
  const objects = new URL(`/taxii2/it-polfr/collections/${collections.collections[0]?.id}/objects/`, server);
  let reports = 0;
  let query = 'limit=400';
  for (;;) {
    const page = (await (await fetch(`${objects}?${query}`, { headers })).json()) as {
      more: boolean;
      next?: string;
      objects?: { type: string }[];
    };
    reports += (page.objects ?? []).filter((o) => o.type === 'report').length;
    if (!page.more) break;
    query = `limit=400&next=${encodeURIComponent(page.next as string)}`;
  }
  return { seconds: (performance.now() - started) / 1000, reports };
}

type Walked = { origin: { agency: string }; id: string; createdAt: string };

/** Seconds for the same alerts read with GraphQL `alerts`, 100 at a time: at the node (a list) or the gateway (a connection). */
async function graphqlWalk(url: string, token: string, atGateway: boolean): Promise<{ seconds: number; alerts: number }> {
  const started = performance.now();
  let after: string | null = null;
  let alerts = 0;
  for (;;) {
    const query = atGateway
      ? `query($after: String) { alerts(limit: 100, after: $after) { alerts { ${ALERT_FIELDS} } nextCursor } }`
      : `query($after: String) { alerts(limit: 100, after: $after) { ${ALERT_FIELDS} } }`;
    type Answer = Walked[] | { alerts: Walked[]; nextCursor: string | null };
    const r: GraphQLResponse<{ alerts: Answer }> = await gql<{ alerts: Answer }>(url, token, query, { after });
    const answer: Answer | undefined = r.data?.alerts;
    if (!answer) throw new Error(`bench: ${JSON.stringify(r.errors)}`);
    const page: Walked[] = Array.isArray(answer) ? answer : answer.alerts;
    alerts += page.filter((a) => a.origin.agency === 'it-polfr').length;
    const last = page[page.length - 1];
    const next: string | null = Array.isArray(answer)
      ? page.length < 100 || !last
        ? null
        : encodeAlertCursor({ createdAt: last.createdAt, agency: last.origin.agency, id: last.id })
      : answer.nextCursor;
    if (!next) break;
    after = next;
  }
  return { seconds: (performance.now() - started) / 1000, alerts };
}

const best = async <T extends { seconds: number }>(run: () => Promise<T>): Promise<T> => {
  let out: T | undefined;
  for (let i = 0; i < ROUNDS; i++) {
    const r = await run();
    if (!out || r.seconds < out.seconds) out = r;
  }
  return out as T;
};

export async function exchangeSuite(): Promise<BenchResult[]> {
  const net = await startTestNetwork();
  try {
    await publishAll(net);
    const own = await net.token('it-polfr-officer');
    const partner = await net.token('ng-nis-officer');
    const node = new URL('/', net.nodes['it-polfr']?.url as string).toString();
    const gateway = new URL('/', net.gatewayUrl).toString();
    const loadBefore = machineLoad();
    const nodeTaxii = await best(() => taxiiWalk(node, own));
    const nodeGraphql = await best(() => graphqlWalk(net.nodes['it-polfr']?.url as string, own, false));
    const gatewayTaxii = await best(() => taxiiWalk(gateway, partner));
    const gatewayGraphql = await best(() => graphqlWalk(net.gatewayUrl, partner, true));
    const misp = await best(async () => {
      const started = performance.now();
      const manifest = (await (
        await fetch(new URL('/misp/it-polfr/manifest.json', gateway), { headers: { authorization: `Bearer ${partner}` } })
      ).json()) as object;
      return { seconds: (performance.now() - started) / 1000, events: Object.keys(manifest).length };
    });
    const loadAfter = machineLoad();
    for (const [what, n] of [
      ['node TAXII', nodeTaxii.reports],
      ['node GraphQL', nodeGraphql.alerts],
      ['gateway TAXII', gatewayTaxii.reports],
      ['gateway GraphQL', gatewayGraphql.alerts],
      ['MISP manifest', misp.events],
    ] as const)
      if (n !== ALERTS) throw new Error(`bench: ${what} walk saw ${n} of ${ALERTS} alerts`);
    const r = suiteResults('exchange');
    const perS = (s: number) => Number((ALERTS / s).toFixed(0));
    return [
      r('alerts', ALERTS, 'alerts'),
      r('node_graphql_walk_alerts_per_s', perS(nodeGraphql.seconds), 'alerts/s'),
      r('node_taxii_walk_alerts_per_s', perS(nodeTaxii.seconds), 'alerts/s', {
        metric: 'node_graphql_walk_alerts_per_s',
        value: perS(nodeGraphql.seconds),
      }),
      r('gateway_graphql_walk_alerts_per_s', perS(gatewayGraphql.seconds), 'alerts/s'),
      r('gateway_taxii_walk_alerts_per_s', perS(gatewayTaxii.seconds), 'alerts/s', {
        metric: 'gateway_graphql_walk_alerts_per_s',
        value: perS(gatewayGraphql.seconds),
      }),
      r('gateway_misp_manifest_ms', Number((misp.seconds * 1000).toFixed(0)), 'ms'),
      r('load1_before', loadBefore.load1, 'load'),
      r('load1_after', loadAfter.load1, 'load'),
      r('cores', loadAfter.cores, 'cores'),
    ];
  } finally {
    await net.stop();
  }
}
