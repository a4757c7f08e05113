// The public face of deploy/: what the demo and the tests of the whole use.
export { createDevIssuer, type UserSpec } from './dev-token-issuer.js';
export {
  type AgencySpec,
  buildConsole,
  type NetworkSpec,
  type NodeHandle,
  REPO_ROOT,
  type RunningNetwork,
  startNetwork,
} from './network.js';
