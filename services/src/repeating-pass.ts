// The node's background passes (request clocks, the retention purge, held publications) all run
// the same way: at start (after `first`, when given) and then every `everyMs`, never two at once,
// and a stop waits for the pass under way, so that none runs against a closed database.

export interface RepeatingPass {
  stop(): Promise<void>;
}

export function startRepeatingPass(
  pass: () => Promise<unknown>,
  everyMs: number,
  onError: (e: Error) => void,
  first: Promise<unknown> = Promise.resolve(),
): RepeatingPass {
  let last: Promise<unknown> = Promise.resolve();
  let busy = false;
  let stopped = false;
  const run = () => {
    if (busy || stopped) return;
    busy = true;
    last = pass()
      .catch((e: unknown) => onError(e as Error))
      .finally(() => {
        busy = false;
      });
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  // The interval starts once the first step is done: no pass runs before it (clocks before their rebuild).
  const starting = first
    .catch((e: unknown) => onError(e as Error))
    .then(() => {
      if (stopped) return;
      run();
      timer = setInterval(run, everyMs);
      timer.unref();
    });
  return {
    async stop() {
      stopped = true;
      await starting;
      clearInterval(timer);
      await last;
    },
  };
}
