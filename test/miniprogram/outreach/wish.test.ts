// 微心愿 (outreach/wish/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { need, untilLoaded, whoamiCadre, whoamiResident } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string, properties?: Record<string, unknown>): Promise<PageHandle> {
  const p = await renderPage(path, properties ? { properties } : {});
  await untilLoaded(p);
  return p;
}

describe('微心愿', () => {
  test('a resident writes a wish; refused text is kept on the page with the reason', async () => {
    backend = mockBackend({
      'account.whoami': whoamiResident,
      'outreach.myNeeds': ok({
        items: [need({ source: 'wish', status: 'pending_review', text: '希望有人教我用智能手机预约挂号' })],
        nextCursor: null,
      }),
      'outreach.wish': { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后重试' } },
    });
    page = await open('outreach/wish/index');
    expect(page.text()).toContain('希望有人教我用智能手机预约挂号');
    expect(page.text()).toContain('待审核');
    await page.type('我的心愿', '想请人帮忙换灯泡');
    await page.tap('提交微心愿');
    expect(backend.calls('outreach.wish')).toEqual([{ text: '想请人帮忙换灯泡', clientToken: expect.any(String) }]);
    expect(page.text()).toContain('内容未通过安全检查，请修改后重试');
  });

  test('someone who is not a resident is told so', async () => {
    backend = mockBackend({ 'account.whoami': whoamiCadre });
    page = await open('outreach/wish/index');
    expect(page.text()).toContain('微心愿由已通过审核的本社区居民提交');
  });
});
