// What a caller may see of this agency's own items. Its own users see everything. A user of
// another agency sees what the release policy releases to them, with fields withheld, and every
// item released is recorded in the audit (with the rule) before the answer leaves the node.
import { type AccessClaims, type Alert, agencyOf, type Receiver } from '@corridor/proto';
import type { AlertWithCorrelations } from '@corridor/proto/graphql';
import type { AuditRecord } from '../audit/audit-log.js';
import type { NodeServices } from '../node-services.js';
import { type Released, releaseAlert, userReceiver } from '../policy/release.js';

export interface Answer<T> {
  resource: AuditRecord['resource'];
  decide: (item: T, to: Receiver) => Released<T> | null;
  ref: (item: T) => string;
}

export async function releaseToCaller<T>(
  services: Pick<NodeServices, 'agency' | 'membership' | 'policy' | 'audit'>,
  claims: AccessClaims,
  items: T[],
  answer: Answer<T>,
): Promise<T[]> {
  if (claims.agency === services.agency.id) return items;
  const to = userReceiver(claims, services.membership(), services.agency.id);
  if (!to) return [];
  const released: T[] = [];
  const byRule = new Map<string, string[]>();
  for (const item of items) {
    const r = answer.decide(item, to);
    if (!r) continue;
    released.push(r.item);
    byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), answer.ref(item)]);
  }
  if (byRule.size > 0) {
    const policyVersion = services.policy().version;
    await services.audit(
      [...byRule].map(([rule, refs]) => ({
        channel: 'query',
        agency: to.agency,
        subject: claims.sub,
        resource: answer.resource,
        items: refs,
        rule,
        policyVersion,
      })),
    );
  }
  return released;
}

/**
 * How this agency's alerts are answered to a user of another agency, whichever the surface
 * (GraphQL, the live feed, TAXII, the MISP feed): the release policy in force, as the bus applies it.
 */
export function alertAnswer(services: Pick<NodeServices, 'agency' | 'membership' | 'policy'>): Answer<Alert> {
  const policy = services.policy();
  const self = agencyOf(services.membership(), services.agency.id) ?? services.agency;
  return {
    resource: 'alert',
    decide: (a, to) => {
      const released = releaseAlert(policy, self, withoutCorrelations(a), to);
      return released && { ...released, item: withoutCorrelations(released.item) };
    },
    ref: (a) => `${a.id}@${a.revision}`,
  };
}

/** Correlations are this agency's own knowledge: never part of what it releases to another. */
function withoutCorrelations(a: Alert): Alert {
  if (!('correlations' in a)) return a;
  const { correlations: _, ...rest } = a as AlertWithCorrelations;
  return rest;
}
