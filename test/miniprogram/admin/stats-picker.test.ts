// 社区统计 for someone overseeing several communities: the community picker chooses which.
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { communityList, ok } from '../fixtures';
import { installWx } from '../wx-mock';
import { stats } from '../staff/fixtures';
import { streetStructure, structureView, untilShows, whoamiAdmin, whoamiStreet } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

test('a street_admin sees the first community of the street, named by the picker', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiStreet,
    'community.list': communityList,
    'admin.structure': ok(streetStructure()),
    'community.stats': ok(stats()),
  });
  page = await renderPage('staff/stats/index');
  await untilShows(page, '注册志愿者 120 人');
  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_hongxing' }]);
  expect(page.text()).toContain('红星社区');
});

test('the admin switches community with the picker and sees that community’s figures', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'community.list': communityList,
    'admin.structure': ok(structureView()),
    'community.stats': (data) => ok(data.communityId === 'cm_wenhua' ? stats({ communityId: 'cm_wenhua', volunteers: 90 }) : stats()),
  });
  page = await renderPage('staff/stats/index');
  await untilShows(page, '注册志愿者 120 人');
  await page.pick('社区', '东城街道 · 文化社区');
  await untilShows(page, '注册志愿者 90 人');
  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_hongxing' }, { communityId: 'cm_wenhua' }]);
});

test('opened from the overview, it shows the community of the query', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiAdmin,
    'community.list': communityList,
    'admin.structure': ok(structureView()),
    'community.stats': ok(stats({ communityId: 'cm_wenhua', volunteers: 90 })),
  });
  page = await renderPage('staff/stats/index', { properties: { communityId: 'cm_wenhua' } });
  await untilShows(page, '注册志愿者 90 人');
  expect(backend.calls('community.stats')).toEqual([{ communityId: 'cm_wenhua' }]);
  expect(page.text()).toContain('东城街道 · 文化社区');
});
