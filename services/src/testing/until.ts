// For specs and tests of the whole: a state reached in the background (a row written, a queue
// drained) is polled for rather than waited for blindly.

/**
 * Calls `probe` every `stepMs` until `ok` accepts its value or `timeoutMs` has passed; the last
 * value either way, so the caller's assertion shows what was there instead of a timeout.
 */
export async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number, stepMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
