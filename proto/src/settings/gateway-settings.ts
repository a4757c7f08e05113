// The gateway's settings file (`corridor gateway --config FILE`): its schema and, for each key,
// the CORRIDOR_* variable that overrides it. gateway/src/config.ts validates the merged variables.
import { z } from 'zod';
import {
  HTTP_TLS_SETTING_KEYS,
  loadSettings,
  MEMBERSHIP_SETTING_KEYS,
  type ResolvedSettings,
  type SettingKey,
  settingField,
} from './settings-file.js';

export const gatewaySettings = z.strictObject({
  http: settingField.httpServer,
  /** The network CA every node's certificate must chain to; with it, nodes are asked over https only. */
  nodes: z.strictObject({ caFile: settingField.path.optional() }).optional(),
  membership: settingField.membership,
  nodeDeadlineMs: settingField.milliseconds(1).optional(),
  limits: z.strictObject({ maxTokenLifetimeS: settingField.count(60).optional() }).optional(),
});

export const GATEWAY_SETTING_KEYS: readonly SettingKey[] = [
  { env: 'CORRIDOR_GATEWAY_HOST', path: ['http', 'host'] },
  { env: 'CORRIDOR_GATEWAY_PORT', path: ['http', 'port'] },
  ...HTTP_TLS_SETTING_KEYS,
  { env: 'CORRIDOR_NODE_CA', path: ['nodes', 'caFile'], isPath: true },
  ...MEMBERSHIP_SETTING_KEYS,
  { env: 'CORRIDOR_NODE_DEADLINE_MS', path: ['nodeDeadlineMs'] },
  { env: 'CORRIDOR_MAX_TOKEN_LIFETIME_S', path: ['limits', 'maxTokenLifetimeS'] },
];

/** The variables the gateway starts with: its environment over its settings file, if one is named. */
export function resolveGatewaySettings(input: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  read: (path: string) => string;
}): ResolvedSettings {
  return loadSettings({ ...input, schema: gatewaySettings, keys: GATEWAY_SETTING_KEYS });
}
