// The GraphQL shape of a release preview (proto release-preview.ts), served by the node and relayed
// as it is by the gateway.
import type { ReleasePreviewItem, ReleasePreviewReader } from '../release-preview.js';
import type { ContractBuilder } from './contract-builder.js';

/** What the type reads: a node's ReleasePreviewItem, or its answer read back by the gateway (the reason as a string). */
type ReleasePreviewFields = Omit<ReleasePreviewItem, 'reason'> & { reason: string };

export function defineReleasePreviewTypes<Context extends object, AuthScopes extends object>(
  builder: ContractBuilder<Context, AuthScopes>,
) {
  const ReleasePreviewReaderRef = builder.objectRef<ReleasePreviewReader>('ReleasePreviewReader').implement({
    description: 'A role of the receiving agency whose users may read the alert, and the fields withheld from them.',
    fields: (t) => ({
      role: t.exposeString('role'),
      rule: t.exposeString('rule', { description: 'The release policy rule that releases it to them.' }),
      withheld: t.exposeStringList('withheld'),
    }),
  });
  const ReleasePreviewItemRef = builder.objectRef<ReleasePreviewFields>('ReleasePreviewItem').implement({
    description: 'What one member agency would receive of a draft alert under the release policy in force.',
    fields: (t) => ({
      agency: t.exposeString('agency'),
      name: t.exposeString('name'),
      country: t.exposeString('country'),
      receives: t.exposeBoolean('receives', { description: 'A copy is sent to its node, where all of its users may read it.' }),
      reason: t.exposeString('reason', {
        description: 'released, tlp_red, not_named (TLP:AMBER or AMBER+STRICT not naming it), denied_by_rule or no_rule.',
      }),
      rule: t.exposeString('rule', { nullable: true, description: 'The rule deciding; null when TLP decides or no rule matches.' }),
      policyVersion: t.exposeInt('policyVersion'),
      withheld: t.exposeStringList('withheld', { description: 'Fields withheld from its copy: only those the draft has.' }),
      readers: t.field({ type: [ReleasePreviewReaderRef], resolve: (i) => i.readers }),
    }),
  });
  return { ReleasePreviewItemRef };
}
