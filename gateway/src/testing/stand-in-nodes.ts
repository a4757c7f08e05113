// For specs: clients of stand-in nodes, each agency listed in a made-up membership at the address
// its stand-in server listens at (only what node clients read of a membership is filled in).
import { createNodeClients, type NodeClient } from '../node-clients.js';

export function standInNodeClients(urls: Record<string, string>): Map<string, NodeClient> {
  const membership = {
    network: { id: 'n', name: 'n' },
    audience: 'corridor',
    version: 1,
    agencies: Object.entries(urls).map(([id, nodeUrl]) => ({
      id,
      name: id,
      country: 'ITA' as const,
      networks: [],
      nodeUrl,
      tokenIssuer: { issuer: id, jwks: { keys: [] } },
      alertSigningKeys: { keys: [] },
    })),
  };
  return createNodeClients(membership as never);
}
