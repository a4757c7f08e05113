import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const TRUST = JSON.stringify({
  keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'secretariat-1' }],
});
const base = { CORRIDOR_MEMBERSHIP_FILE: '/nonexistent/membership.json', CORRIDOR_MEMBERSHIP_TRUST: TRUST };

describe('gateway configuration: token lifetime cap', () => {
  it('refuses tokens living longer than 12 hours unless told otherwise', () => {
    expect(loadConfig(base).maxTokenLifetimeS).toBe(43_200);
    expect(loadConfig({ ...base, CORRIDOR_MAX_TOKEN_LIFETIME_S: '3600' }).maxTokenLifetimeS).toBe(3600);
  });

  it('names the variable when its value is not a whole number of seconds, at least 60', () => {
    for (const bad of ['12h', '30', '-1', '1.5'])
      expect(() => loadConfig({ ...base, CORRIDOR_MAX_TOKEN_LIFETIME_S: bad })).toThrow(
        expect.objectContaining({ constructor: ConfigError, message: expect.stringMatching(/^CORRIDOR_MAX_TOKEN_LIFETIME_S: /) }),
      );
  });
});
