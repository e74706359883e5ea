/**
 * owners.importRegister at production size: a 3,000-unit register, run through the function entry
 * on the seeded embedded database with the DelayStore (bench/lib/delay-store.ts) counting round
 * trips in sequence. One by one its writes were 3,000+ rounds (30–90 s at CloudBase's 10–30 ms a
 * request, past the owners function's 16 s budget); in groups (app/write-groups.ts) they are ⌈n/50⌉.
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { BENCH_NOW } from '../../bench/lib/round-trips';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { callBudgetMs } from '../../cloudfunctions/core/app/function-timeouts';
import { ownersActions } from '../../cloudfunctions/core/app/owners/actions';
import type { Store } from '../../cloudfunctions/core/ports/store';
import { USERS, type UserDoc } from '../../cloudfunctions/core/app/account/user';
import { OWNER_LINKS, OWNER_UNITS } from '../../cloudfunctions/core/app/owners/model';
import { WRITES_IN_FLIGHT } from '../../cloudfunctions/core/app/write-groups';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { whole } from '../../cloudfunctions/core/ports/store';

const UNITS = 3000;
/** Residents already registered in the compound who match a row: each gets a link, one more write. */
const MATCHING = 500;
/** The slowest CloudBase request the issue names, for the budget comparison. */
const SLOW_REQUEST_MS = 30;

const row = (i: number) => ({
  building: `${100 + Math.floor(i / 100)}栋`,
  room: String(1000 + (i % 100)),
  area: '88.50',
  ownerName: `业主${i}`,
  ownerPhone: `139${String(10_000_000 + i).padStart(8, '0')}`,
});

/** The first MATCHING rows' owners as active residents of the compound: copies of a demo resident. */
async function registerResidents(store: Store): Promise<void> {
  const [model] = await store.find<UserDoc>(USERS, { compoundId: DEMO.compound1, status: 'active' }, { limit: whole(1) });
  for (let i = 0; i < MATCHING; i++) {
    const { building, room, ownerPhone } = row(i);
    await store.insert(USERS, { ...model, _id: `u_bench_${i}`, openid: `bench-${i}`, building, room, phone: ownerPhone });
  }
}

test(`a ${UNITS}-unit register imports in a depth that fits the owners function's budget`, async () => {
  const clock = new FixedClock(BENCH_NOW);
  const base = createLocalDeps({ filename: ':memory:', clock, logger: new MemoryLogger() });
  try {
    await seedDemo(base);
    await registerResidents(base.store);
    const linksBefore = await base.store.count(OWNER_LINKS, { compoundId: DEMO.compound1 });
    const delay = new DelayStore(base.store);
    const deps = { ...base, store: delay, notifier: new OutboxNotifier(delay, clock) };
    const r = await createCloudEntry(
      'owners',
      ownersActions,
      deps,
    )(
      { action: 'importRegister', data: { compoundId: DEMO.compound1, rows: Array.from({ length: UNITS }, (_, i) => row(i)) } },
      platformContextFor('demo-oc'),
    );
    const depth = delay.reset();
    expect(r).toMatchObject({ ok: true, data: { imported: true, errors: [], linked: MATCHING } });
    expect(await base.store.count(OWNER_UNITS, { compoundId: DEMO.compound1 })).toBeGreaterThanOrEqual(UNITS);
    expect(await base.store.count(OWNER_LINKS, { compoundId: DEMO.compound1 })).toBe(linksBefore + MATCHING);
    expect(await base.store.count(OWNER_UNITS, { compoundId: DEMO.compound1, linked: true })).toBeGreaterThanOrEqual(MATCHING);
    // The reads before (caller, compound, residents, links), the writes in groups, the register and its audit entry.
    const writeRounds = Math.ceil((UNITS + MATCHING) / WRITES_IN_FLIGHT);
    expect(depth).toBeLessThanOrEqual(writeRounds + 10);
    expect(depth * SLOW_REQUEST_MS).toBeLessThan(callBudgetMs('owners') / 4);
    console.log(
      `owners.importRegister, ${UNITS} units, ${MATCHING} linked: depth ${depth} (${depth * SLOW_REQUEST_MS} ms at ${SLOW_REQUEST_MS} ms a request)`,
    );
  } finally {
    await base.store.close();
  }
}, 60_000);
