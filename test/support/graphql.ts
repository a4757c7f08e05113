// A plain GraphQL-over-HTTP client for tests: what any console or script would send.
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export async function gql<T = Record<string, unknown>>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  /** A network's own fetch (RunningNetwork.fetch) where it serves HTTPS under its CA. */
  send: typeof fetch = fetch,
): Promise<GraphQLResponse<T>> {
  const res = await send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

/**
 * Opens a GraphQL subscription over SSE (graphql-sse "distinct connections" mode, which Yoga
 * serves) and collects every `next` payload until closed.
 */
export function subscribe<T>(url: string, token: string, query: string, send: typeof fetch = fetch) {
  const controller = new AbortController();
  const events: T[] = [];
  /** Error payloads the server sent on the stream (e.g. the token expired), in order. */
  const errors: { message: string; extensions?: Record<string, unknown> }[] = [];
  /** When each event was read (performance.now()), in step with `events`: for latency figures. */
  const receivedAt: number[] = [];
  const waiters: { test: (e: T) => boolean; resolve: (e: T) => void }[] = [];
  let opened!: () => void;
  const ready = new Promise<void>((r) => {
    opened = r;
  });
  const done = (async () => {
    const res = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    });
    if (!res.ok || !res.body) throw new Error(`subscription refused: HTTP ${res.status} ${await res.text()}`);
    opened();
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trim())
          .join('\n');
        if (!data) continue;
        const payload = JSON.parse(data) as { data?: T; errors?: typeof errors };
        if (payload.errors) errors.push(...payload.errors);
        if (!payload.data) continue;
        events.push(payload.data);
        receivedAt.push(performance.now());
        for (const w of [...waiters]) {
          if (w.test(payload.data)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(payload.data);
          }
        }
      }
    }
  })().catch((e: unknown) => {
    if (!controller.signal.aborted) throw e;
  });
  return {
    ready,
    events,
    errors,
    /** Settles when the server ends the stream (or close() aborts it). */
    ended: done,
    receivedAt,
    /** Resolves with the first event (past or future) that passes the test. */
    waitFor(test: (e: T) => boolean, timeoutMs = 20_000): Promise<T> {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms (saw ${events.length})`)), timeoutMs);
        waiters.push({
          test,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}

/** Polls until `probe` returns a value, or fails with the last error after the deadline. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000, stepMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
}
