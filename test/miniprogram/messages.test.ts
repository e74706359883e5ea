/** 我的消息: newest first as the server sends them, each opens what it is about; the 我的 tab badge. */
import type { MessageItem } from '../../typings/api';
import { ok } from './fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from './harness';
import { installWx } from './wx-mock';

let page: PageHandle | undefined;
let backend: MockBackend;

const NOW = Date.now();
function message(overrides: Partial<MessageItem> = {}): MessageItem {
  return {
    messageId: 'm1',
    kind: 'request_status',
    title: '诉求进展',
    body: '事项名称：东门垃圾清运不及时\n办理状态：办理中',
    link: '/pages/requests/detail/index?requestId=rq_demo_garbage',
    createdAt: new Date(NOW - 60_000).toISOString(),
    read: false,
    ...overrides,
  };
}

beforeEach(() => {
  installWx();
  backend = mockBackend({
    'messages.list': ok({
      items: [
        message(),
        message({
          messageId: 'm0',
          kind: 'account_approved',
          title: '注册审核通过',
          body: '审核结果：已通过',
          link: '/pages/mine/index',
          read: true,
        }),
      ],
      nextCursor: null,
    }),
    'messages.markRead': (data) => ok({ marked: (data as { messageIds?: string[] }).messageIds?.length ?? 1 }),
    'messages.unread': ok({ count: 1 }),
  });
});
afterEach(() => page?.detach());

test('lists the messages in the order the server sends them, unread marked, with their lines', async () => {
  page = await renderPage('pages/messages/index');
  await page.settle(50);
  const text = page.text();
  expect(text.indexOf('诉求进展')).toBeLessThan(text.indexOf('注册审核通过'));
  expect(text).toContain('1 条未读');
  expect(text).toContain('事项名称：东门垃圾清运不及时');
  expect(text).toContain('今天');
  expect(wx.setTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ index: 3, text: '1' }));
});

test('opening a message marks it read and opens what it is about', async () => {
  page = await renderPage('pages/messages/index');
  backend.answer('messages.unread', ok({ count: 0 }));
  await page.tap('诉求进展');
  expect(backend.calls('messages.markRead')).toEqual([{ messageIds: ['m1'] }]);
  expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/requests/detail/index?requestId=rq_demo_garbage' }));
  await page.settle(30);
  expect(page.text()).toContain('全部已读');
  expect(wx.removeTabBarBadge).toHaveBeenCalledWith(expect.objectContaining({ index: 3 }));
});

test('a read message opens without marking; a tab page opens with switchTab', async () => {
  page = await renderPage('pages/messages/index');
  await page.tap('注册审核通过');
  expect(backend.calls('messages.markRead')).toEqual([]);
  expect(wx.switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/mine/index' }));
});

test('全部标为已读 marks everything', async () => {
  page = await renderPage('pages/messages/index');
  await page.tap('全部标为已读');
  expect(backend.calls('messages.markRead')).toEqual([{}]);
  expect(page.text()).toContain('全部已读');
});

test('shows an empty state when there is no message', async () => {
  backend.answer('messages.list', ok({ items: [], nextCursor: null }));
  backend.answer('messages.unread', ok({ count: 0 }));
  page = await renderPage('pages/messages/index');
  await page.settle(50);
  expect(page.text()).toContain('暂无消息');
  expect(wx.removeTabBarBadge).toHaveBeenCalled();
});

test('shows the failure with a retry', async () => {
  backend.answer('messages.list', { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
  page = await renderPage('pages/messages/index');
  expect(page.text()).toContain('服务暂时不可用，请稍后重试');
  backend.answer('messages.list', ok({ items: [message()], nextCursor: null }));
  await page.tap('重试');
  expect(page.text()).toContain('诉求进展');
});
