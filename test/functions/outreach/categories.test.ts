/**
 * Need categories per community (RULES.md §7, configurable): set through admin.setRules
 * (validated, audited), read back by outreach.needCategories and enforced by publishNeed.
 */
import { DEFAULT_NEED_CATEGORIES } from '../../../cloudfunctions/core/domain/outreach-categories';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../../support/harness';
import { NEED } from './support';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const professional = [
  { key: 'tax', label: '税务咨询' },
  { key: 'appliance', label: '家电维修' },
];
const setRules = (needCategories: unknown, openid = 'demo-street') =>
  h.call('admin', 'setRules', { communityId: DEMO.communityId, rules: { needCategories } }, openid);

test('a street office replaces the professional categories: the pages read them, publishing follows them, the change is audited', async () => {
  const r = await setRules({ professional });
  expect(r.ok).toBe(true);
  const read = await h.call<typeof DEFAULT_NEED_CATEGORIES>(
    'outreach',
    'needCategories',
    { communityId: DEMO.communityId },
    'demo-resident',
  );
  expect(read.ok && read.data).toEqual({ general: DEFAULT_NEED_CATEGORIES.general, professional });
  const taxNeed = await h.call('outreach', 'publishNeed', { ...NEED, kind: 'professional', category: 'tax' }, 'demo-party');
  expect(taxNeed.ok).toBe(true);
  const legal = await h.call('outreach', 'publishNeed', { ...NEED, kind: 'professional', category: 'legal' }, 'demo-party');
  expect(!legal.ok && legal.error).toMatchObject({ code: 'INVALID_INPUT', reason: 'UNKNOWN_CATEGORY' });
  const audit = await h.store.find<{ _id: string; detail: { rules: unknown } }>('audit', { action: 'admin.setRules' });
  expect(audit.map((a) => a.detail.rules)).toEqual([{ needCategories: { professional } }]);

  // Setting the general list later keeps the professional one.
  const general = [...DEFAULT_NEED_CATEGORIES.general.slice(0, 2), { key: 'micro_wish', label: '微心愿' }];
  expect((await setRules({ general })).ok).toBe(true);
  const again = await h.call<typeof DEFAULT_NEED_CATEGORIES>(
    'outreach',
    'needCategories',
    { communityId: DEMO.communityId },
    'demo-resident',
  );
  expect(again.ok && again.data).toEqual({ general, professional });
});

test.each([
  ['a general list without the wish category', { general: [{ key: 'elder_care', label: '助老助残' }] }],
  ['duplicate keys', { professional: [professional[0], { key: 'tax', label: '纳税服务' }] }],
  ['an empty list', { professional: [] }],
  ['a malformed key', { professional: [{ key: 'Tax Help', label: '税务' }] }],
  ['an unknown kind', { other: professional }],
])('refuses %s as INVALID_INPUT, changing nothing', async (_, needCategories) => {
  const before = h.snapshot();
  const r = await setRules(needCategories);
  expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  expect(h.snapshot()).toEqual(before);
});

test('a community’s staff cannot set them', async () => {
  const r = await setRules({ professional }, 'demo-party');
  expect(!r.ok && r.error.code).toBe('FORBIDDEN');
});
