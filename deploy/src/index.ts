// The public face of deploy/: what the demo and the tests of the whole use.

export { makeAgencyKeys } from './agency-keys.js';
export { serveConsole } from './console-server.js';
export { type DelayRelay, type DelayRelayOptions, startDelayRelay } from './delay-relay.js';
export { corridorAccessTokens } from './dev-oidc-provider.js';
export {
  createDevIssuer,
  DEV_ISSUER_WARNING,
  type DevIssuer,
  type DevIssuerAgency,
  type DevIssuerOptions,
  issuerFor,
  type UserSpec,
} from './dev-token-issuer.js';
export { EXAMPLE_VALUES, fillExampleNatsConfig, makeExampleCertificates } from './example-nats-fill.js';
export { freePort } from './free-port.js';
export { type Host, LOOPBACK, type NetworkHosts } from './host.js';
export type { HubAndLeaves, HubAndLeavesTls } from './hub-and-leaves.js';
export { type KeyPair, newKeyPair } from './keys.js';
export { AUDIENCE, buildMembership, DEMO_NETWORK } from './membership-document.js';
export { LEAF_PING } from './nats-hub-config.js';
export {
  type AgencySpec,
  buildConsole,
  consoleIsStale,
  type NatsTopology,
  type NetworkSpec,
  type NodeHandle,
  REPO_ROOT,
  type RunningNetwork,
  startNetwork,
} from './network.js';
export { createNetworkCa, type MemberTls, type NetworkCa, openNetworkCa } from './network-ca.js';
export { type KillableProcessHandle, natsServerBinary, type ProcessHandle } from './process-handle.js';
export { bySea, centralMediterranean, overland } from './route-parts.js';
