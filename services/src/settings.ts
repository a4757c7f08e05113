// Where the node's variables come from: its environment over the settings file named by
// `--config` (proto's node settings), with secrets read from files. config.ts validates them.
import { readFileSync } from 'node:fs';
import { type ResolvedSettings, resolveNodeSettings } from '@corridor/proto';

/** This process's settings; a relative `--config` is read from where `pnpm start` was typed. */
export function processSettings(): ResolvedSettings {
  const settings = resolveNodeSettings({
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    read: (path) => readFileSync(path, 'utf8'),
  });
  // log.ts reads the level from the environment when a logger is made.
  if (settings.env.CORRIDOR_LOG_LEVEL) process.env.CORRIDOR_LOG_LEVEL = settings.env.CORRIDOR_LOG_LEVEL;
  return settings;
}
