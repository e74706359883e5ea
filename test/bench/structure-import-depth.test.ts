/**
 * admin.importStructure at city scale (bench/city: 30 streets, 368 communities, 3,000 compounds),
 * through the function entry on the seeded embedded database, with the DelayStore
 * (bench/lib/delay-store.ts) counting database round trips in sequence and the content check's
 * requests counted beside. Run twice: the second import finds every compound (all 3,000, not the
 * first 1,000 a single read returns) and creates nothing.
 */
import { DelayStore } from '../../bench/lib/delay-store';
import { BENCH_NOW } from '../../bench/lib/round-trips';
import { FixedClock } from '../../cloudfunctions/core/adapters/clocks';
import { MemoryLogger } from '../../cloudfunctions/core/adapters/console-logger';
import { OutboxNotifier } from '../../cloudfunctions/core/adapters/outbox-notifier';
import { adminActions } from '../../cloudfunctions/core/app/admin/actions';
import { COMPOUNDS } from '../../cloudfunctions/core/app/community/community';
import { callBudgetMs } from '../../cloudfunctions/core/app/function-timeouts';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';

const STREETS = 30;
const COMMUNITIES = 368;
const COMPOUNDS_IN_CITY = 3000;
/** The slowest CloudBase request the issue names (10–30 ms), and a msgSecCheck call's. */
const SLOW_REQUEST_MS = 30;
const CHECK_MS = 300;

/** One row per compound, with one building: the city's structure as a spreadsheet would list it. */
function cityRows(): object[] {
  return Array.from({ length: COMPOUNDS_IN_CITY }, (_, i) => {
    const community = Math.floor((i * COMMUNITIES) / COMPOUNDS_IN_CITY);
    const street = Math.floor((community * STREETS) / COMMUNITIES);
    return {
      district: street % 2 ? '沙市区' : '荆州区',
      street: `测试${street}街道`,
      community: `测试${community}社区`,
      compound: `测试${i}小区`,
      building: '1栋',
    };
  });
}

test('the whole city imports, and imports again as nothing new, far inside the admin budget', async () => {
  const clock = new FixedClock(BENCH_NOW);
  const base = createLocalDeps({ filename: ':memory:', clock, logger: new MemoryLogger() });
  try {
    await seedDemo(base);
    const before = await base.store.count(COMPOUNDS, {});
    const delay = new DelayStore(base.store);
    let checks = 0;
    const contentCheck = { check: (text: string, openid: string) => (checks++, base.contentCheck.check(text, openid)) };
    const deps = { ...base, store: delay, contentCheck, notifier: new OutboxNotifier(delay, clock) };
    const entry = createCloudEntry('admin', adminActions, deps);
    const call = () => entry({ action: 'importStructure', data: { rows: cityRows() } }, platformContextFor('demo-admin'));

    const first = await call();
    const depth = delay.reset();
    expect(first).toMatchObject({
      ok: true,
      data: { created: { streets: STREETS, communities: COMMUNITIES, compounds: COMPOUNDS_IN_CITY }, errors: [] },
    });
    expect(await base.store.count(COMPOUNDS, {})).toBe(before + COMPOUNDS_IN_CITY);
    // 3,400 names, joined 2,000 characters a request, issued together.
    expect(checks).toBeLessThanOrEqual(30);
    expect(depth).toBeLessThanOrEqual(120);
    expect(depth * SLOW_REQUEST_MS + CHECK_MS).toBeLessThan(callBudgetMs('admin') / 4);
    console.log(
      `admin.importStructure, the city: depth ${depth} (${depth * SLOW_REQUEST_MS} ms at ${SLOW_REQUEST_MS} ms), ${checks} content checks`,
    );

    const again = await call();
    expect(again).toMatchObject({ ok: true, data: { created: { streets: 0, communities: 0, compounds: 0, buildings: 0 } } });
    expect(await base.store.count(COMPOUNDS, {})).toBe(before + COMPOUNDS_IN_CITY);
  } finally {
    await base.store.close();
  }
}, 60_000);
