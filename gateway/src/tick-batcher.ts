// DataLoader's idea for requests to a node, with group commit's: the calls made while a batch is
// under way wait for it and then go together as the next batch, and each caller gets its own
// item's outcome. A call made while nothing is under way leaves as soon as the turn of the event
// loop ends (setImmediate, with the calls made in the same turn): nothing waits for company when
// the gateway is quiet, and the busier it is, the more checks share one request.

export type Batcher<I, O> = (item: I) => Promise<O>;

/**
 * `send` answers the items of one batch in their order, or throws, which every item of that batch
 * is then told. At most `inFlight` batches are under way at once, each of at most `maxBatch` items.
 */
export function tickBatcher<I, O>(send: (items: I[]) => Promise<O[]>, opts: { maxBatch: number; inFlight: number }): Batcher<I, O> {
  const pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let underWay = 0;
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    while (pending.length > 0 && underWay < opts.inFlight) {
      const part = pending.splice(0, opts.maxBatch);
      underWay++;
      send(part.map((p) => p.item))
        .then((outcomes) => {
          if (outcomes.length !== part.length) throw new Error(`a batch of ${part.length} was answered with ${outcomes.length}`);
          for (const [i, p] of part.entries()) p.resolve(outcomes[i] as O);
        })
        .catch((e: unknown) => {
          for (const p of part) p.reject(e);
        })
        .finally(() => {
          underWay--;
          flush();
        });
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      if (!scheduled && underWay < opts.inFlight) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
