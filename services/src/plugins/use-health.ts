// GET /health: what an operator (and the launcher) checks before sending traffic.
import type { Plugin } from 'graphql-yoga';
import { quarantinedCount } from '../bus/quarantine-store.js';
import type { NodeServices } from '../node-services.js';

export function useHealth(services: () => NodeServices): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/health' || request.method !== 'GET') return;
      const s = services();
      let database = 'ok';
      let outboxPending = -1;
      let quarantined = -1;
      try {
        outboxPending = await s.outbox.pending();
        // Messages refused by the inbox (not alerts, bad signatures): an operator watches this grow.
        quarantined = await quarantinedCount(s.db);
      } catch {
        database = 'unreachable';
      }
      const nats = s.bus.connected() ? 'connected' : 'disconnected';
      const body = { status: database === 'ok' ? 'ok' : 'degraded', agency: s.agency.id, database, nats, outboxPending, quarantined };
      endResponse(Response.json(body, { status: database === 'ok' ? 200 : 503 }));
    },
  };
}
