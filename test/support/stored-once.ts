// Exactly-once delivery as a receiver sees it: the ids of the alerts its node stored as received,
// each counted, so that a duplicate shows as well as a loss.
import { expect } from 'vitest';
import { eventually, gql } from './graphql.js';

/** A node and a token of one of its agency's users. */
export interface NodeAccess {
  url: string;
  token: string;
  /** The network's fetch (RunningNetwork.fetch) where its nodes serve HTTPS under its CA. */
  send?: typeof fetch;
}

/** The ids of the alerts the node has stored as received, duplicates included. */
export async function receivedIds(node: NodeAccess): Promise<string[]> {
  const r = await gql<{ alerts: { id: string }[] }>(node.url, node.token, '{ alerts(scope: RECEIVED, limit: 500) { id } }', {}, node.send);
  return r.data?.alerts.map((a) => a.id) ?? [];
}

/** Waits until the node has stored every one of `ids`, then expects each exactly once. */
export async function expectStoredOnce(node: NodeAccess, ids: string[], timeoutMs = 60_000): Promise<void> {
  await eventually(async () => {
    const got = await receivedIds(node);
    return ids.every((id) => got.includes(id));
  }, timeoutMs);
  const got = await receivedIds(node);
  for (const id of ids) expect(got.filter((g) => g === id)).toHaveLength(1);
}
