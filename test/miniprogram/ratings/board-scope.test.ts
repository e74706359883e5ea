// Whose 红黑榜 (issue #12 §4, RULES.md §4): the caller's own community by default, any community
// picked with the community picker, or the city ranking — and the page says whose board it shows
// from the server's answer, never presenting another community's board as the caller's own.
import { communityList, user, whoamiAs } from '../fixtures';
import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { boardOf, cityBoard, EMPTY_BOARD } from './fixtures';
import { until, waitFor } from './wait';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

const WENHUA = { communityId: 'cm_wenhua', communityName: '文化社区' };
const resident = whoamiAs(user());

/** ratings.board as the server answers it: the city ranking, the community asked for, else the caller's (红星社区). */
const boards = (data: Record<string, unknown>) => {
  if (data.scope === 'city') return { ok: true as const, data: cityBoard() };
  if (data.communityId === 'cm_wenhua') return { ok: true as const, data: { ...EMPTY_BOARD, ...WENHUA } };
  return { ok: true as const, data: boardOf('2026-H1') };
};

/** Picks a community in the picker once it has its choices, as a person does after the page shows. */
async function pickCommunity(p: PageHandle, name: string): Promise<void> {
  await waitFor(() => p.queryByText('社区') !== null);
  await p.pick('社区', name);
}

test('opens on the caller’s own community’s board and says it is theirs', async () => {
  const backend = mockBackend({ 'ratings.board': boards, 'account.whoami': resident, 'community.list': communityList });
  page = await renderPage('ratings/board/index');

  expect(backend.calls('ratings.board')).toEqual([{}]);
  expect(page.text()).toContain('本社区（红星社区）红黑榜');
  expect(page.text()).toContain('荆州楚韵物业服务有限公司');
});

test('another community picked with the picker is named as that community’s, not as the caller’s own', async () => {
  const backend = mockBackend({ 'ratings.board': boards, 'account.whoami': resident, 'community.list': communityList });
  page = await renderPage('ratings/board/index');

  await pickCommunity(page, '文化社区');
  await until(page, '文化社区红黑榜');
  expect(backend.calls('ratings.board')).toEqual([{}, { communityId: 'cm_wenhua' }]);
  expect(page.text()).toContain('文化社区红黑榜（非本社区）');
  expect(page.text()).not.toContain('本社区（');
  // 文化社区 has published nothing: its empty board, not 红星社区's lists.
  expect(page.text()).toContain('暂无已发布的红黑榜');
  expect(page.text()).not.toContain('荆州楚韵物业服务有限公司');
});

test('a board the server answers for another community is never shown as the caller’s own', async () => {
  // The caller asked for their default board, and the answer is 文化社区's (their record moved, or a mix-up):
  // the page names the community the server answered for.
  mockBackend({
    'ratings.board': { ok: true, data: boardOf('2026-H1', WENHUA) },
    'account.whoami': resident,
    'community.list': communityList,
  });
  page = await renderPage('ratings/board/index');

  expect(page.text()).toContain('文化社区红黑榜（非本社区）');
  expect(page.text()).not.toContain('本社区（');
});

test('without knowing who the caller is, no board is called theirs', async () => {
  mockBackend({
    'ratings.board': { ok: true, data: boardOf('2026-H1') },
    'account.whoami': { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } },
    'community.list': communityList,
  });
  page = await renderPage('ratings/board/index');

  expect(page.text()).toContain('红星社区红黑榜（非本社区）');
  expect(page.text()).not.toContain('本社区（');
});

test('全市排名 shows the city ranking, and 社区红黑榜 comes back to the community shown before', async () => {
  const backend = mockBackend({ 'ratings.board': boards, 'account.whoami': resident, 'community.list': communityList });
  page = await renderPage('ratings/board/index');

  await page.tap('全市排名');
  await until(page, '全市物业企业信用排名');
  expect(page.text()).toContain('全市物业企业信用排名（各社区已发布结果汇总）');
  expect(page.text()).not.toContain('红星社区红黑榜');
  expect(page.queryByText('选择社区')).toBeNull();

  await page.tap('社区红黑榜');
  await until(page, '本社区（红星社区）红黑榜');
  expect(backend.calls('ratings.board')).toEqual([{}, { scope: 'city' }, { communityId: 'cm_hongxing' }]);
});

test('someone without a community of their own sees the city ranking, and picks a community to see its board', async () => {
  const backend = mockBackend({
    'ratings.board': boards,
    'account.whoami': whoamiAs(null, 'demo-newcomer'),
    'community.list': communityList,
  });
  // The server answers the city ranking to a caller without a community.
  backend.answer('ratings.board', (data) => (data.communityId ? boards(data) : { ok: true, data: cityBoard() }));
  page = await renderPage('ratings/board/index');
  expect(page.text()).toContain('全市物业企业信用排名');

  await page.tap('社区红黑榜');
  expect(page.text()).toContain('请选择社区，查看该社区的红黑榜');
  expect(backend.calls('ratings.board')).toEqual([{}]);

  await pickCommunity(page, '文化社区');
  await until(page, '文化社区红黑榜');
  expect(backend.calls('ratings.board')).toEqual([{}, { communityId: 'cm_wenhua' }]);
  expect(page.text()).toContain('文化社区红黑榜（非本社区）');
});

test('the picker names the community whose board the page shows, however it came to show it', async () => {
  mockBackend({ 'ratings.board': boards, 'account.whoami': resident, 'community.list': communityList });
  page = await renderPage('ratings/board/index');
  await waitFor(() => page!.queryByText('社区') !== null);
  expect(page.field('社区').textContent).toContain('红星社区');

  // The page turns to 文化社区's board without a tap in the picker (as the gallery's state does).
  (page.comp.instance as unknown as { onCommunity(e: object): void }).onCommunity({
    detail: { communityId: 'cm_wenhua', label: '文化社区', picked: true },
  });
  await until(page, '文化社区红黑榜');
  expect(page.field('社区').textContent).toContain('文化社区');
  expect(page.field('社区').textContent).not.toContain('红星社区');
});
