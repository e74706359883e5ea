import { mockBackend, renderPage as renderRaw, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { timelinePartyLabel } from '../../../cloudfunctions/core/app/requests/timeline';
import { inboxItem } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function renderPage(): Promise<PageHandle> {
  const p = await renderRaw('staff/requests/inbox/index');
  await p.settle(150);
  return p;
}

/** The caller's inboxes as the server names them. */
const inboxes = (...queues: Array<'residents_committee' | 'owners_committee' | 'property' | 'party_org'>) => ({
  queues,
  queueOptions: queues.map((value) => ({ value, label: timelinePartyLabel(value) })),
});
const inboxPage = (items: object[], extra: object = {}, nextCursor: string | null = null) => ({
  ok: true as const,
  data: { items, nextCursor, queue: 'property', ...inboxes('property'), ...extra },
});
const past = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

test('lists open work overdue first with why it is here', async () => {
  const backend = mockBackend({
    'requests.list': inboxPage([
      inboxItem('lead', {
        requestId: 'rq_lift',
        title: '5栋电梯频繁故障',
        status: 'in_progress',
        overdue: true,
        escalated: true,
        dueAt: past(50),
      }),
      inboxItem('lead', { requestId: 'rq_garbage', title: '东门垃圾清运不及时', status: 'in_progress' }),
      inboxItem('deliberation', { requestId: 'rq_wall', title: '小区围墙及主干道改造', status: 'assigned', major: true }),
    ]),
  });
  page = await renderPage();
  expect(backend.calls('requests.list')).toEqual([{ scope: 'inbox', open: true, limit: 20 }]);
  const text = page.text();
  expect(text).toContain('1 件诉求已超时，请优先办理');
  expect(text.indexOf('5栋电梯频繁故障')).toBeLessThan(text.indexOf('东门垃圾清运不及时'));
  expect(text).toContain('已超时 2 天');
  expect(text.split('牵头').length - 1).toBe(2);
  expect(text).toContain('待表态');
  expect(text).toContain('重大事项');
});

test('opens a request from the inbox', async () => {
  mockBackend({ 'requests.list': inboxPage([inboxItem('acceptance', { title: '3栋楼道声控灯不亮' })]) });
  page = await renderPage();
  await page.tap('3栋楼道声控灯不亮');
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/requests/detail/index?requestId=rq_demo_light' }));
});

test('shows finished work on 已办', async () => {
  const backend = mockBackend({
    'requests.list': (d) => (d.open ? inboxPage([]) : inboxPage([inboxItem('lead', { title: '儿童游乐区滑梯破损', status: 'closed' })])),
  });
  page = await renderPage();
  expect(page.text()).toContain('暂无待办诉求');
  await page.tap('已办');
  await page.settle(100);
  expect(backend.calls('requests.list').at(-1)).toEqual({ scope: 'inbox', open: false, limit: 20, queue: 'property' });
  expect(page.text()).toContain('儿童游乐区滑梯破损');
  expect(page.text()).toContain('已关闭');
});

test('switches between the inboxes of a caller in two parties', async () => {
  const backend = mockBackend({
    'requests.list': (d) =>
      d.queue === 'party_org'
        ? inboxPage([inboxItem('supervision', { title: '建议将中心绿地改建停车场' })], {
            queue: 'party_org',
            ...inboxes('residents_committee', 'party_org'),
          })
        : inboxPage([inboxItem('acceptance', { title: '3栋楼道声控灯不亮' })], {
            queue: 'residents_committee',
            ...inboxes('residents_committee', 'party_org'),
          }),
  });
  page = await renderPage();
  expect(page.text()).toContain('待受理');
  await page.tap('社区党组织');
  await page.settle(100);
  expect(backend.calls('requests.list').at(-1)).toMatchObject({ queue: 'party_org' });
  expect(page.text()).toContain('建议将中心绿地改建停车场');
  expect(page.text()).toContain('督办');
});

test('pages on to the next items', async () => {
  const backend = mockBackend({
    'requests.list': (d) =>
      d.cursor
        ? inboxPage([inboxItem('lead', { requestId: 'rq_2', title: '第二页' })])
        : inboxPage([inboxItem('lead', { title: '第一页' })], {}, 'c2'),
  });
  page = await renderPage();
  await page.tap('加载更多');
  expect(backend.calls('requests.list').at(-1)).toMatchObject({ cursor: 'c2' });
  expect(page.text()).toContain('第二页');
  expect(page.text()).toContain('没有更多了');
});

test('explains when the caller has no inbox, and retries on failure', async () => {
  const backend = mockBackend({
    'requests.list': { ok: false, error: { code: 'FORBIDDEN', message: '您没有待办诉求的处理职责', reason: 'NO_INBOX' } },
  });
  page = await renderPage();
  expect(page.text()).toContain('没有待办诉求');
  backend.answer('requests.list', inboxPage([inboxItem('lead', { title: '恢复后的诉求' })]));
  await page.tap('重试');
  await page.settle(100);
  expect(page.text()).toContain('恢复后的诉求');
});

test('refreshes on pull-down', async () => {
  const backend = mockBackend({ 'requests.list': inboxPage([]) });
  page = await renderPage();
  (page.comp.instance as unknown as { onPullDownRefresh(): void }).onPullDownRefresh();
  await page.settle(100);
  expect(backend.calls('requests.list')).toHaveLength(2);
  expect(wx.stopPullDownRefresh).toHaveBeenCalled();
});
