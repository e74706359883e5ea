/**
 * app/find-all.ts: every document past the store's cap per call, on the embedded database; `findAllWide`
 * reads them in two rounds whatever their number (the count beside the first page, then the other
 * pages at once), where `findAll` takes a round per page.
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { findAll, findAllWide } from '../../cloudfunctions/core/app/find-all';
import { COMPOUNDS, type CompoundDoc } from '../../cloudfunctions/core/app/community/community';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';

const N = 2345;

test('findAllWide returns every document once, in _id order, in two rounds where findAll takes a round per page', async () => {
  const deps = createLocalDeps({
    filename: ':memory:',
    clock: new FixedClock(new Date('2026-11-29T00:00:00Z')),
    logger: new MemoryLogger(),
  });
  try {
    await deps.store.transaction(async (tx) => {
      for (let i = 0; i < N; i++) {
        const doc: CompoundDoc = {
          _id: `cp_${String(i).padStart(5, '0')}`,
          communityId: i % 3 ? 'cm_a' : 'cm_b',
          name: `小区${i}`,
          firmId: '',
          firmName: '',
        };
        await tx.insert(COMPOUNDS, doc);
      }
    });
    const delay = new DelayStore(deps.store);
    const wide = await findAllWide<CompoundDoc>(delay, COMPOUNDS, {});
    expect(delay.reset()).toBe(2);
    const paged = await findAll<CompoundDoc>(delay, COMPOUNDS, {});
    expect(delay.reset()).toBe(3);
    expect(wide.map((d) => d._id)).toEqual(paged.map((d) => d._id));
    expect(new Set(wide.map((d) => d._id)).size).toBe(N);
    expect(wide.map((d) => d._id)).toEqual([...wide.map((d) => d._id)].sort());
    // A filter, and fewer than a page: one round.
    const some = await findAllWide<CompoundDoc>(delay, COMPOUNDS, { communityId: 'cm_b' });
    expect(delay.reset()).toBe(1);
    expect(some).toHaveLength(Math.ceil(N / 3));
  } finally {
    await deps.store.close();
  }
});
