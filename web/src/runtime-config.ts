// Where the gateway and the token issuer are: read at start-up from /config.json, so one build
// serves any deployment (the launcher writes it next to the built files).
export interface RuntimeConfig {
  gatewayUrl: string;
  issuerUrl: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`cannot load /config.json (HTTP ${res.status})`);
  return (await res.json()) as RuntimeConfig;
}
