// The nats-server configuration of a network on one machine: one user per agency, allowed to
// publish only on its own alert subjects and to read only through its own consumers, plus an
// operator user. (On many machines each agency has its own server and account, joined to a hub
// as a leaf node; the subjects and permissions are the same.) Written for nats-server 2.9.
import { randomBytes } from 'node:crypto';

export interface NatsUser {
  user: string;
  password: string;
}

export interface AgencyPermissions {
  publish: string[];
  subscribe: string[];
}

/**
 * What one agency's node may do on the bus. Its alerts go out only under its own id; it may create
 * only its two consumers (the create subject carries the filter, so they can only read the
 * broadcast subjects and its own inbox); replies come back on _INBOX.
 */
export function agencyPermissions(agency: string, subjectRoot: string, stream: string): AgencyPermissions {
  const broadcast = `node-${agency}-broadcast`;
  const inbox = `node-${agency}-inbox`;
  return {
    publish: [
      `${subjectRoot}.alert.*.*.*.${agency}`,
      `${subjectRoot}.inbox.*.alert.*.*.*.${agency}`,
      `${subjectRoot}.inbox.*.correlation.${agency}`,
      `${subjectRoot}.inbox.*.case.${agency}`,
      `${subjectRoot}.inbox.*.audit.${agency}`,
      '$JS.API.INFO',
      `$JS.API.STREAM.INFO.${stream}`,
      `$JS.API.STREAM.CREATE.${stream}`,
      `$JS.API.CONSUMER.CREATE.${stream}.${broadcast}.${subjectRoot}.alert.>`,
      `$JS.API.CONSUMER.CREATE.${stream}.${inbox}.${subjectRoot}.inbox.${agency}.>`,
      `$JS.API.CONSUMER.INFO.${stream}.${broadcast}`,
      `$JS.API.CONSUMER.INFO.${stream}.${inbox}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${broadcast}`,
      `$JS.API.CONSUMER.MSG.NEXT.${stream}.${inbox}`,
      `$JS.ACK.${stream}.${broadcast}.>`,
      `$JS.ACK.${stream}.${inbox}.>`,
    ],
    subscribe: ['_INBOX.>'],
  };
}

export function newNatsUser(user: string): NatsUser {
  return { user, password: randomBytes(18).toString('base64url') };
}

export function natsServerConfig(opts: {
  port: number;
  storeDir: string;
  subjectRoot: string;
  stream: string;
  operator: NatsUser;
  agencies: Record<string, NatsUser>;
}): string {
  const q = JSON.stringify;
  const users = [
    `    { user: ${q(opts.operator.user)}, password: ${q(opts.operator.password)} }`,
    ...Object.entries(opts.agencies).map(([agency, u]) => {
      const p = agencyPermissions(agency, opts.subjectRoot, opts.stream);
      return `    { user: ${q(u.user)}, password: ${q(u.password)}, permissions: { publish: { allow: ${q(p.publish)} }, subscribe: { allow: ${q(p.subscribe)} } } }`;
    }),
  ];
  return `# Generated for one run of a Corridor network on one machine.
listen: 127.0.0.1:${opts.port}
jetstream { store_dir: ${q(opts.storeDir)} }
authorization {
  users: [
${users.join(',\n')}
  ]
}
`;
}
