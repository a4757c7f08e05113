// `./corridor secretariat hub-streams --hub DIR`: on the running hub that `hub` configured, each
// agency's transit stream, made as the agency's hub-account operator with the network's limits
// (nats-hub-config.ts TRANSIT_LIMITS), as the test launcher makes them. An existing stream is kept,
// so it is run again after each new agency.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsError } from '@corridor/proto';
import { transitStreamConfig } from '../nats-hub-config.js';
import { ensureTransitStream } from '../transit-stream.js';
import { HUB_FILE, type HubFile } from './hub.js';

export async function makeTransitStreams(opts: { hubDir: string; stream: string; timeoutMs?: number }): Promise<string[]> {
  const file = join(opts.hubDir, HUB_FILE);
  if (!existsSync(file)) throw new SettingsError(`--hub: ${opts.hubDir} has no ${HUB_FILE} (made by \`./corridor secretariat hub\`)`);
  const hub = JSON.parse(readFileSync(file, 'utf8')) as HubFile;
  const made: string[] = [];
  for (const [agency, admin] of Object.entries(hub.admins)) {
    try {
      await ensureTransitStream(
        hub.servers,
        { admin },
        transitStreamConfig(agency, hub.subjectRoot, opts.stream),
        join(opts.hubDir, 'ca.pem'),
        opts.timeoutMs,
      );
    } catch (e) {
      // The hub not running, or not the one `hub` configured: what the secretariat checks next.
      throw new SettingsError(`--hub: the transit stream of ${agency} on ${hub.servers.join(', ')}: ${(e as Error).message}`);
    }
    made.push(agency);
  }
  return made;
}
