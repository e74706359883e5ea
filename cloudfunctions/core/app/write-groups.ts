/**
 * Bulk writes (imports) in groups issued together. Each database call is a round trip (~10–30 ms
 * on CloudBase), so 3,000 writes one after another take 30–90 s, past any function's timeout;
 * in groups of WRITES_IN_FLIGHT they take ⌈n / 50⌉ round trips in sequence.
 */

/**
 * How many writes one call keeps in flight. A handful of round trips of 50 fit any budget, and 50
 * stays well below what an environment serves at once, which every other user's calls share.
 */
export const WRITES_IN_FLIGHT = 50;

/**
 * Runs `write` for every item, a group of `size` at a time: each group is issued together and the
 * next starts when it is done. The first failure rejects (after its group settles); later groups
 * never start.
 */
export async function inGroups<T>(items: readonly T[], write: (item: T) => Promise<unknown>, size = WRITES_IN_FLIGHT): Promise<void> {
  for (let i = 0; i < items.length; i += size) {
    const outcomes = await Promise.allSettled(items.slice(i, i + size).map(write));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
