// 党员报到 (outreach/report/index), tapped and typed as a person would.
import { communityList, ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { report, untilLoaded, whoamiCadre } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string, properties?: Record<string, unknown>): Promise<PageHandle> {
  const p = await renderPage(path, properties ? { properties } : {});
  await untilLoaded(p);
  return p;
}

describe('党员报到', () => {
  beforeEach(() => {
    backend = mockBackend({
      'account.whoami': whoamiCadre,
      'community.list': communityList,
      'outreach.myReports': ok([report()]),
      'outreach.report': (data) =>
        ok(report({ ...(data as object), reportId: 'u_cadre:residence', status: 'pending', confirmedAt: null, buildingPosts: [] })),
    });
  });

  test('shows a confirmed report with the building role the community named', async () => {
    page = await open('outreach/report/index');
    expect(page.text()).toContain('已确认');
    expect(page.text()).toContain('荆州市住房和城乡建设局 · 机关第二党支部');
    expect(page.text()).toContain('3栋楼栋党小组长');
  });

  test('reports in to the community where the member lives, after naming unit and branch', async () => {
    page = await open('outreach/report/index');
    await page.tap('提交报到');
    expect(page.fieldError('工作单位')).toBe('请填写工作单位');
    expect(backend.calls('outreach.report')).toEqual([]);

    await page.type('工作单位', '荆州市财政局');
    await page.type('所在党支部', '机关第一党支部');
    await page.tap('提交报到');
    expect(backend.calls('outreach.report')).toEqual([
      { communityId: 'cm_hongxing', unitName: '荆州市财政局', branchName: '机关第一党支部', kind: 'residence' },
    ]);
  });

  test("says the server's reason when the report is refused", async () => {
    backend.answer('outreach.myReports', ok([]));
    backend.answer('outreach.report', {
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有党员可以到社区报到', reason: 'NOT_PARTY_MEMBER' },
    });
    page = await open('outreach/report/index');
    await page.tap('单位结对社区报到');
    await page.pick('报到社区', '文化社区');
    await page.type('工作单位', '荆州市财政局');
    await page.type('所在党支部', '机关第一党支部');
    await page.tap('提交报到');
    expect(backend.calls('outreach.report')[0]).toMatchObject({ communityId: 'cm_wenhua', kind: 'paired' });
    expect(page.text()).toContain('只有党员可以到社区报到');
  });
});
