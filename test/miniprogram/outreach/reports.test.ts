// 党员报到管理（社区） (outreach/reports/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { report, reportsPage, untilLoaded, whoamiParty, whoamiRc, whoamiResident } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string): Promise<PageHandle> {
  const p = await renderPage(path);
  await untilLoaded(p);
  return p;
}

const pending = report({
  reportId: 'u_vol:residence',
  name: '赵志远',
  kind: 'residence',
  unitName: '荆州市第一人民医院',
  branchName: '门诊党支部',
  status: 'pending',
  confirmedAt: null,
  buildingPosts: [],
});

describe('党员报到管理', () => {
  beforeEach(() => {
    backend = mockBackend({
      'account.whoami': whoamiParty,
      'outreach.listReports': reportsPage([pending]),
      'outreach.confirmReport': ok(report({ ...pending, status: 'confirmed' })),
    });
  });

  test('the party organisation confirms a waiting report, which leaves the list', async () => {
    page = await open('outreach/reports/index');
    expect(backend.calls('outreach.listReports')).toEqual([{ communityId: 'cm_hongxing', status: 'pending' }]);
    expect(page.text()).toContain('荆州市第一人民医院 · 门诊党支部');
    await page.tap('确认报到');
    expect(backend.calls('outreach.confirmReport')).toEqual([{ reportId: 'u_vol:residence' }]);
    expect(page.text()).toContain('暂无待确认的报到');
  });

  test('residents’-committee staff see the reports without the confirm button; a resident is refused', async () => {
    backend.answer('account.whoami', whoamiRc);
    page = await open('outreach/reports/index');
    expect(page.text()).toContain('赵志远');
    expect(page.queryByText('确认报到')).toBeNull();
    page.detach();
    backend.answer('account.whoami', whoamiResident);
    page = await open('outreach/reports/index');
    expect(page.text()).toContain('无权访问');
    expect(backend.calls('outreach.listReports')).toHaveLength(1);
  });
});
