// The nats-server configuration of a network on one machine: one NATS account per agency, so that
// each agency's stream, consumers and reply inboxes live in a subject space no other agency's
// connection can see. Accounts share nothing but what they export: each agency exports to each
// partner, as a service, the inbox subjects that end in that partner's id, and the partner imports
// them. A JetStream publish by a sender lands in the receiver's stream, and the publish ack comes
// back through the import. (On many machines each agency has its own server, joined to a hub as a
// leaf node, with the same accounts and exports.) Written for nats-server 2.9.
import { randomBytes } from 'node:crypto';
import { inboxFilterFor, partnerInboxSubjects } from '@corridor/proto';

export interface NatsUser {
  user: string;
  password: string;
}

/** An agency's two users in its own account: its node's (least privilege) and its operator's. */
export interface AgencyNatsUsers {
  node: NatsUser;
  /** Everything within the agency's own account and nothing outside it: for operators and tests. */
  admin: NatsUser;
}

export interface AgencyPermissions {
  publish: string[];
  subscribe: string[];
}

/** The durable consumer through which an agency's node reads its inbox. */
export function inboxConsumer(agency: string): string {
  return `node-${agency}-inbox`;
}

/**
 * What one agency's node may do inside its own account. It writes only into partners' inboxes
 * under its own id (the imports carry nothing else anyway), manages only its own inbox stream and
 * its one consumer (the create subject carries the filter), and receives replies on _INBOX, which
 * in its own account only its own connections can subscribe to.
 */
export function agencyPermissions(agency: string, subjectRoot: string, stream: string): AgencyPermissions {
  const consumer = inboxConsumer(agency);
  return {
    publish: [
      ...partnerInboxSubjects(subjectRoot, '*', agency),
      '$JS.API.INFO',
      `$JS.API.STREAM.INFO.${stream}`,
      `$JS.API.STREAM.CREATE.${stream}`,
      // To set the inbox limits on a stream made before them (services/src/bus/bus.ts).
      `$JS.API.STREAM.UPDATE.${stream}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${consumer}.${inboxFilterFor(subjectRoot, agency)}`,
      `$JS.API.CONSUMER.INFO.${stream}.${consumer}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
      `$JS.ACK.${stream}.${consumer}.>`,
    ],
    subscribe: ['_INBOX.>'],
  };
}

/**
 * The exports and imports of one agency's account: to each partner, the subjects of its own inbox
 * that end in that partner's id; from each partner, the subjects of the partner's inbox that end
 * in its own id. Derived from proto's subject grammar, so the two cannot drift.
 */
export function agencyAccountLinks(
  agency: string,
  partners: string[],
  subjectRoot: string,
): { exports: { service: string; accounts: string[] }[]; imports: { service: { account: string; subject: string } }[] } {
  const others = partners.filter((p) => p !== agency);
  return {
    exports: others.flatMap((partner) =>
      partnerInboxSubjects(subjectRoot, agency, partner).map((service) => ({ service, accounts: [partner] })),
    ),
    imports: others.flatMap((partner) =>
      partnerInboxSubjects(subjectRoot, partner, agency).map((subject) => ({ service: { account: partner, subject } })),
    ),
  };
}

export function newNatsUser(user: string): NatsUser {
  return { user, password: randomBytes(18).toString('base64url') };
}

export function newAgencyNatsUsers(agency: string): AgencyNatsUsers {
  return { node: newNatsUser(`node-${agency}`), admin: newNatsUser(`admin-${agency}`) };
}

export function natsServerConfig(opts: {
  port: number;
  storeDir: string;
  subjectRoot: string;
  stream: string;
  agencies: Record<string, AgencyNatsUsers>;
}): string {
  const q = JSON.stringify;
  const ids = Object.keys(opts.agencies);
  const accounts = Object.entries(opts.agencies).map(([agency, users]) => {
    const p = agencyPermissions(agency, opts.subjectRoot, opts.stream);
    const links = agencyAccountLinks(agency, ids, opts.subjectRoot);
    return `  ${q(agency)}: {
    jetstream: enabled
    users: [
      { user: ${q(users.node.user)}, password: ${q(users.node.password)}, permissions: { publish: { allow: ${q(p.publish)} }, subscribe: { allow: ${q(p.subscribe)} } } },
      { user: ${q(users.admin.user)}, password: ${q(users.admin.password)} }
    ]
    exports: ${q(links.exports)}
    imports: ${q(links.imports)}
  }`;
  });
  return `# Generated for one run of a Corridor network on one machine.
listen: 127.0.0.1:${opts.port}
jetstream { store_dir: ${q(opts.storeDir)} }
accounts {
${accounts.join('\n')}
}
`;
}
