/**
 * A community created by `admin.createCommunity` or the structure import is counted from its first
 * write: it carries `counters.recountedAt`, so the scheduler's backfill (app/admin/recount.ts, which
 * recounts outside the writes' transactions and then rewrites its street's totals) never touches a
 * community in use. Only data from before the counters is backfilled.
 */
import { countersTick } from '../../cloudfunctions/core/app/admin/recount';
import { COMMUNITIES, type CommunityDoc } from '../../cloudfunctions/core/app/community/community';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

test('created and imported communities are never backfilled by the scheduler', async () => {
  expect(await countersTick(h.deps)).toBe(0);
  const made = await h.call<{ communityId: string }>(
    'admin',
    'createCommunity',
    { streetId: DEMO.street1, name: '新建社区' },
    'demo-admin',
  );
  if (!made.ok) throw new Error(made.error.message);
  const rows = [{ district: '沙市区', street: '新设街道', community: '导入社区', compound: '导入小区', building: '1栋' }];
  const imported = await h.call('admin', 'importStructure', { rows }, 'demo-admin');
  expect(imported.ok).toBe(true);

  const created = await h.store.find<CommunityDoc>(COMMUNITIES, { name: { $in: ['新建社区', '导入社区'] } });
  expect(created).toHaveLength(2);
  for (const c of created) expect(c.counters?.recountedAt).toEqual(expect.any(String));
  expect(await countersTick(h.deps)).toBe(0);
});
