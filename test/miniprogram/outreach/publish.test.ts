// 发布服务需求（社区） (outreach/publish/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { need, untilLoaded, whoamiRc } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string): Promise<PageHandle> {
  const p = await renderPage(path);
  await untilLoaded(p);
  return p;
}

describe('发布服务需求', () => {
  beforeEach(() => {
    backend = mockBackend({
      'account.whoami': whoamiRc,
      // The community's own categories: the page offers what the server holds.
      'outreach.needCategories': ok({ general: [{ key: 'snow', label: '扫雪除冰' }], professional: [{ key: 'legal', label: '法律咨询' }] }),
      'outreach.publishNeed': (data) => ok(need({ ...(data as object), needId: 'need_new' })),
    });
  });

  test("publishes a need in one of the community's categories", async () => {
    page = await open('outreach/publish/index');
    await page.tap('发布需求');
    expect(page.text()).toContain('请选择服务类别');
    expect(backend.calls('outreach.publishNeed')).toEqual([]);

    await page.pick('服务类别', '扫雪除冰');
    await page.type('需求名称', '清扫 6 栋门前积雪');
    await page.type('需求说明', '雪后上午清扫 6 栋门前和坡道的积雪。');
    await page.type('需要人数', '3');
    await page.tap('发布需求');
    expect(backend.calls('outreach.publishNeed')).toEqual([
      {
        communityId: 'cm_hongxing',
        kind: 'general',
        category: 'snow',
        title: '清扫 6 栋门前积雪',
        text: '雪后上午清扫 6 栋门前和坡道的积雪。',
        slots: 3,
        clientToken: expect.any(String),
      },
    ]);
    expect(wx.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/outreach/need/index?needId=need_new' }));
  });

  test('a professional need picks from the professional list', async () => {
    page = await open('outreach/publish/index');
    await page.tap('专业服务');
    await page.pick('服务类别', '法律咨询');
    expect(page.text()).toContain('法律咨询');
    expect(page.text()).not.toContain('扫雪除冰');
  });
});
