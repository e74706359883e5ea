// Bulk writes in groups (app/write-groups.ts): every item written, never more than a group in
// flight, and a failure stops the writes that have not started.
import { inGroups } from '../../cloudfunctions/core/app/write-groups';

/** A write that finishes on the next macrotask, recording how many ran at once. */
function recorder() {
  const done: number[] = [];
  let inFlight = 0;
  let most = 0;
  const write = async (n: number) => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    if (n === 13) throw new Error('write 13 failed');
    done.push(n);
  };
  return { done, write, most: () => most };
}

test('writes every item, a group at a time', async () => {
  const r = recorder();
  await inGroups(
    Array.from({ length: 12 }, (_, i) => i),
    r.write,
    5,
  );
  expect([...r.done].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  expect(r.most()).toBe(5);
});

test('a failure rejects once its group settles, and later groups never start', async () => {
  const r = recorder();
  await expect(
    inGroups(
      Array.from({ length: 30 }, (_, i) => i),
      r.write,
      5,
    ),
  ).rejects.toThrow('write 13 failed');
  // The group of 10–14 ran to its end; 15 and after never started.
  expect([...r.done].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14]);
});
