// "Who will see this?" (issue 17, item 6): what a node answers about a draft alert of its own
// agency before it is published, per member agency, from the same release decisions that send and
// answer the alert once published (services/src/policy/release.ts). Nothing of the draft is kept.

/**
 * Why an agency receives the alert or not: the policy released it (`released`), TLP:RED keeps it
 * in the agency (`tlp_red`), TLP:AMBER or AMBER+STRICT does not name the agency (`not_named`), a
 * deny rule refuses it (`denied_by_rule`), or no rule matches (`no_rule`, the policy's default).
 */
export type ReleasePreviewReason = 'released' | 'tlp_red' | 'not_named' | 'denied_by_rule' | 'no_rule';

/** A role of the receiving agency whose users may read the alert at this node (the console asks there), and what each is spared. */
export interface ReleasePreviewReader {
  role: string;
  rule: string;
  withheld: string[];
}

export interface ReleasePreviewItem {
  agency: string;
  name: string;
  country: string;
  /** A copy is sent to the agency's node, where all of its users may read it. */
  receives: boolean;
  reason: ReleasePreviewReason;
  /** The rule deciding the copy (a deny rule when refused by one); null when TLP decides or no rule matches. */
  rule: string | null;
  policyVersion: number;
  /** Fields withheld from the copy, as its `redacted` will list them: only fields the draft has. */
  withheld: string[];
  /** The roles whose users may read it through the network, each with the fields withheld from them. */
  readers: ReleasePreviewReader[];
}
