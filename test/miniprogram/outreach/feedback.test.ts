// 报到反馈（社区党组织） (outreach/feedback/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { feedback, untilLoaded, whoamiParty } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string): Promise<PageHandle> {
  const p = await renderPage(path);
  await untilLoaded(p);
  return p;
}

describe('报到反馈', () => {
  test("shows each unit's members and totals, and pages by half-year", async () => {
    backend = mockBackend({
      'account.whoami': whoamiParty,
      'outreach.unitFeedback': (data) => ok(feedback(data.period ? { period: String(data.period), units: [] } : {})),
    });
    page = await open('outreach/feedback/index');
    expect(page.text()).toContain('2026年下半年');
    expect(page.text()).toContain('报到 1 人（已确认 1 人）· 一般服务 2 次 · 专业服务 1 次 · 志愿服务 3.5 小时');
    expect(page.text()).toContain('机关第二党支部 · 单位结对社区报到 · 3栋楼栋党小组长');
    await page.tap('上一期');
    await untilLoaded(page);
    expect(backend.calls('outreach.unitFeedback')).toEqual([
      { communityId: 'cm_hongxing' },
      { communityId: 'cm_hongxing', period: '2026-H1' },
    ]);
    expect(page.text()).toContain('2026年上半年');
    expect(page.text()).toContain('本期暂无党员报到记录');
  });
});
