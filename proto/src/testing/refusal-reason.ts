// For specs: which reason a check refused with, so a table of bad inputs reads as a table of reasons.
// Not on proto's face: specs only.

/**
 * `'accepted'` when `check` resolves, the error's reason when it throws one of `refusal`; anything
 * else it throws is a bug in the check and is thrown on.
 */
export async function refusalReason(
  check: () => Promise<unknown>,
  refusal: abstract new (...args: never[]) => Error & { reason: string },
): Promise<string> {
  try {
    await check();
    return 'accepted';
  } catch (e) {
    if (e instanceof refusal) return e.reason;
    throw e;
  }
}
