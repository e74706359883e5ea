// 社区统计 opened from a community row of 工作概览: that community, not the caller's own.
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { communityList, ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { stats } from '../staff/fixtures';
import { untilShows, whoamiAdmin, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('a street_admin sees the community of the query, named', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'community.list': communityList,
    'community.stats': ok(stats()),
  });
  page = await renderPage('staff/stats/index', { properties: { communityId: 'cm_hongxing' } });
  await untilShows(page, '注册志愿者 120 人');
  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_hongxing' }]);
  expect(page.text()).toContain('红星社区');
});

test('the admin sees another community than their own', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'community.list': communityList,
    'community.stats': ok(stats({ communityId: 'cm_wenhua', volunteers: 90 })),
  });
  page = await renderPage('staff/stats/index', { properties: { communityId: 'cm_wenhua' } });
  await untilShows(page, '注册志愿者 90 人');
  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_wenhua' }]);
  expect(page.text()).toContain('文化社区');
});

test('a street_admin without a community in the query is sent to the overview’s rows, nothing asked', async () => {
  const backend = mockBackend({ 'account.whoami': whoamiStreet, 'community.list': communityList });
  page = await renderPage('staff/stats/index');
  await untilShows(page, '无权访问');
  expect(backend.calls('community.stats')).toEqual([]);
});
