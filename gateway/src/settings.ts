// Where the gateway's variables come from: its environment over the settings file named by
// `--config` (proto's gateway settings). config.ts validates them.
import { readFileSync } from 'node:fs';
import { type ResolvedSettings, resolveGatewaySettings } from '@corridor/proto';

/** This process's settings; a relative `--config` is read from where `pnpm start` was typed. */
export function processSettings(): ResolvedSettings {
  return resolveGatewaySettings({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    read: (path) => readFileSync(path, 'utf8'),
  });
}
