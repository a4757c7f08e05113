// JSON-line logs. Callers pass ids, codes and counts only: never a raw identifier, never a token.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(base: Record<string, unknown>): Logger {
  // Read here, not at import: a settings file may set it after this module loaded.
  const threshold = ORDER[(process.env.CORRIDOR_LOG_LEVEL as Level) ?? 'info'] ?? ORDER.info;
  const write =
    (level: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < threshold) return;
      const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields });
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
