import { RULE_FIELDS } from '../../../miniprogram/admin/rules/fields';
import { mockBackend, renderPage, textOf, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';
import {
  cityStreets,
  forbidden,
  namedStreet,
  rulesConfig,
  streetStructure,
  structureView,
  untilShows,
  whoamiAdmin,
  whoamiRcStaff,
  whoamiStreet,
} from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const rulesOf = (communityId: string, name: string, overrides = {}) => ok({ communityId, name, rules: rulesConfig(overrides) });

/** The figure the input labelled `label` shows: the page's value bound to it (t-input's `value`). */
function valueOf(p: PageHandle, label: string): string {
  p.field(label); // the field is shown
  const key = RULE_FIELDS.find((f) => f.label === label)?.key ?? '';
  return (p.comp.instance as unknown as { data: { form: Record<string, string> } }).data.form[key];
}

async function open(properties: Record<string, string> = {}): Promise<PageHandle> {
  const p = await renderPage('admin/rules/index', { properties });
  await untilShows(p, '社区');
  await p.settle(60);
  return p;
}

test('shows the figures the server holds for the caller’s community, shares as percentages', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.rules': rulesOf('cm_hongxing', '红星社区'),
  });
  page = await open();

  expect(backend.calls('admin.rules')).toEqual([{ communityId: 'cm_hongxing' }]);
  expect(valueOf(page, '紧急诉求时限')).toBe('4');
  expect(valueOf(page, '办结后可重新打开')).toBe('10');
  expect(valueOf(page, '志愿者占比目标')).toBe('20');
  expect(valueOf(page, '每项重大问题扣分')).toBe('12');
  expect(valueOf(page, '业主满意度权重')).toBe('40');
  expect(valueOf(page, '表决事项提前公示')).toBe('20');
});

test('saves only the changed figures, shares sent as 0–1, and shows what the server answers', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.rules': rulesOf('cm_hongxing', '红星社区'),
    'admin.setRules': ok({ communityId: 'cm_hongxing', rules: rulesConfig({ volunteerTarget: 0.18, reopenWindowDays: 14 }) }),
  });
  page = await open();
  await page.tap('保存修改');
  expect(page.text()).toContain('没有修改任何参数');

  await page.type('志愿者占比目标', '18');
  await page.type('办结后可重新打开', '14');
  await page.tap('保存修改');
  await page.settle(60);
  expect(backend.calls('admin.setRules')).toEqual([{ communityId: 'cm_hongxing', rules: { reopenWindowDays: 14, volunteerTarget: 0.18 } }]);
  expect(valueOf(page, '志愿者占比目标')).toBe('18');
});

test('a weight change the server refuses shows its reason', async () => {
  mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.rules': rulesOf('cm_hongxing', '红星社区'),
    'admin.setRules': {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: '评分权重之和须为 1',
        issues: [{ path: ['rules', 'ratingWeights'], message: '评分权重之和须为 1' }],
      },
    },
  });
  page = await open();
  await page.type('业主满意度权重', '50');
  await page.tap('保存修改');
  await page.settle(60);
  expect(page.text()).toContain('评分权重之和须为 1');
});

test('a typed figure that is not a number is refused before sending', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'admin.structure': ok(streetStructure()),
    'admin.rules': rulesOf('cm_hongxing', '红星社区'),
  });
  page = await open();
  await page.type('紧急诉求时限', '两小时');
  await page.tap('保存修改');
  expect(page.text()).toContain('紧急诉求时限请填写数字');
  expect(backend.calls('admin.setRules')).toEqual([]);
});

test('the admin picks a street, then one of its communities, and sees its own figures', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.structure': (data: { streetId?: string }) => ok(data.streetId ? namedStreet(data.streetId) : cityStreets()),
    'admin.rules': (data) =>
      data.communityId === 'cm_wenhua' ? rulesOf('cm_wenhua', '文化社区', { reopenWindowDays: 5 }) : rulesOf('cm_hongxing', '红星社区'),
  });
  page = await open();
  // The city's streets, then the first street's communities: never the whole city at once.
  expect(backend.calls('admin.structure')).toEqual([{}, { streetId: 'st_dongcheng' }]);
  expect(textOf(page.field('街道'))).toContain('东城街道');
  expect(textOf(page.field('社区'))).toContain('文化社区');
  expect(valueOf(page, '办结后可重新打开')).toBe('5');

  await page.pick('街道', '胜利街道');
  await untilShows(page, '红星社区');
  await page.settle(60);
  expect(backend.calls('admin.structure')).toEqual([{}, { streetId: 'st_dongcheng' }, { streetId: 'st_shengli' }]);
  expect(backend.calls('admin.rules')).toEqual([{ communityId: 'cm_wenhua' }, { communityId: 'cm_hongxing' }]);
  expect(valueOf(page, '办结后可重新打开')).toBe('10');
});

test('a street without communities says so, and no rules are shown', async () => {
  const empty = {
    ...namedStreet('st_shengli'),
    streets: [{ ...namedStreet('st_shengli').streets[0], communityCount: 0, communities: [] }],
  };
  mockBackend({
    'account.whoami': whoamiAdmin,
    'admin.structure': (data: { streetId?: string }) =>
      ok(data.streetId === 'st_shengli' ? empty : data.streetId ? namedStreet(data.streetId) : cityStreets()),
    'admin.rules': rulesOf('cm_wenhua', '文化社区'),
  });
  page = await open();
  await page.pick('街道', '胜利街道');
  await untilShows(page, '该街道还没有社区');
  expect(page.queryByText('保存修改')).toBeNull();
  expect(page.text()).not.toContain('无权查看');
});

test('a community staff member without the right is told so in Chinese', async () => {
  mockBackend({
    'account.whoami': whoamiRcStaff,
    'admin.structure': ok(structureView({ isAdmin: false, streets: [streetStructure().streets[0]] })),
    'admin.rules': forbidden('只能查看本街道社区的规则'),
  });
  page = await open();
  await untilShows(page, '只能查看本街道社区的规则');
  expect(page.text()).toContain('无权查看');
  expect(page.queryByText('保存修改')).toBeNull();
});
