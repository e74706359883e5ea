// 党员报到 (outreach/report/index), tapped and typed as a person would.
import { ok, streetStep } from '../fixtures';
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
      ...streetStep,
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

  test("reads the member's own community, not the whole city's list, and no street for a residence report", async () => {
    page = await open('outreach/report/index');
    expect(backend.calls('community.list')).toEqual([{ mine: true }]);
    expect(backend.calls('community.streets')).toEqual([]);
    expect(page.field('报到社区').textContent).toContain('红星社区');
    expect(page.queryByText('报到街道')).toBeNull();

    await page.tap(page.field('报到社区'));
    expect(page.fieldError('报到社区')).toBe('居住地报到为您登记居住的社区');
  });

  test('chooses a paired community street first, starting at the member’s own street', async () => {
    backend.answer('outreach.myReports', ok([]));
    page = await open('outreach/report/index');
    await page.tap('单位结对社区报到');
    expect(backend.calls('community.streets')).toEqual([{}]);
    expect(backend.calls('community.list')).toEqual([{ mine: true }, { streetId: 'st_shengli' }]);
    expect(page.field('报到街道').textContent).toContain('胜利街道');
    expect(page.field('报到社区').textContent).toContain('红星社区');

    // 中山街道 has one community: it is chosen.
    await page.pick('报到街道', '中山街道');
    expect(backend.calls('community.list').at(-1)).toEqual({ streetId: 'st_zhongshan' });
    expect(page.field('报到社区').textContent).toContain('文化社区');
    await page.type('工作单位', '荆州市财政局');
    await page.type('所在党支部', '机关第一党支部');
    await page.tap('提交报到');
    expect(backend.calls('outreach.report')).toEqual([
      { communityId: 'cm_wenhua', unitName: '荆州市财政局', branchName: '机关第一党支部', kind: 'paired' },
    ]);
  });

  test('says why the streets could not be read under the street', async () => {
    backend.answer('outreach.myReports', ok([]));
    backend.answer('community.streets', { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } });
    page = await open('outreach/report/index');
    await page.tap('单位结对社区报到');
    expect(page.fieldError('报到街道')).toBe('服务暂时不可用，请稍后重试');
    await page.tap(page.field('报到社区'));
    expect(page.fieldError('报到社区')).toBe('请先选择报到街道');
  });

  test("says the server's reason when the report is refused", async () => {
    backend.answer('outreach.myReports', ok([]));
    backend.answer('outreach.report', {
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有党员可以到社区报到', reason: 'NOT_PARTY_MEMBER' },
    });
    page = await open('outreach/report/index');
    await page.tap('单位结对社区报到');
    await page.pick('报到街道', '中山街道');
    await page.pick('报到社区', '文化社区');
    await page.type('工作单位', '荆州市财政局');
    await page.type('所在党支部', '机关第一党支部');
    await page.tap('提交报到');
    expect(backend.calls('outreach.report')[0]).toMatchObject({ communityId: 'cm_wenhua', kind: 'paired' });
    expect(page.text()).toContain('只有党员可以到社区报到');
  });
});
