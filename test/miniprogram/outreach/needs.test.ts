// 需求清单 (outreach/needs/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { need, needsPage, untilLoaded, whoamiCadre, whoamiParty } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string, properties?: Record<string, unknown>): Promise<PageHandle> {
  const p = await renderPage(path, properties ? { properties } : {});
  await untilLoaded(p);
  return p;
}

describe('需求清单', () => {
  beforeEach(() => {
    backend = mockBackend({
      'account.whoami': whoamiCadre,
      'outreach.listNeeds': needsPage([
        need(),
        need({
          needId: 'need_demo_legal',
          kind: 'professional',
          categoryLabel: '法律咨询',
          title: '法律咨询进社区',
          slots: 1,
          claimedCount: 0,
        }),
        need({ needId: 'need_demo_repair', title: '检修家用电器', slots: 1, claimedCount: 1 }),
      ]),
      'outreach.myNeeds': ok({ items: [], nextCursor: null }),
    });
  });

  test('lists open needs with their kind and how many have claimed; a tap opens the need', async () => {
    page = await open('outreach/needs/index');
    expect(backend.calls('outreach.listNeeds')).toEqual([{ communityId: 'cm_hongxing', status: 'open' }]);
    expect(page.text()).toContain('已认领 1/2 人');
    // All its slots taken: still open for confirmation, no longer offered as 可认领.
    expect(page.text()).toContain('检修家用电器服务中');
    expect(page.text()).toContain('专业服务');
    expect(page.queryByText('发布需求')).toBeNull();
    await page.tap('法律咨询进社区');
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/outreach/need/index?needId=need_demo_legal' }));
  });

  test("shows the member's own claims on 我认领的, and staff the wishes to review", async () => {
    page = await open('outreach/needs/index');
    await page.tap('我认领的');
    expect(backend.calls('outreach.myNeeds')).toEqual([{ as: 'claimant' }]);
    expect(page.text()).toContain('您还没有认领服务需求');
    page.detach();

    backend.answer('account.whoami', whoamiParty);
    // Staff are offered the wishes under review and those turned down, in the server's words.
    backend.answer('outreach.listNeeds', needsPage([need()], true));
    page = await open('outreach/needs/index');
    expect(page.getByText('发布需求')).toBeTruthy();
    expect(page.getByText('未通过')).toBeTruthy();
    await page.tap('待审核');
    expect(backend.calls('outreach.listNeeds').pop()).toEqual({ communityId: 'cm_hongxing', status: 'pending_review' });
  });
});
