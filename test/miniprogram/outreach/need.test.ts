// 需求详情 (outreach/need/index), tapped and typed as a person would.
import { ok } from '../fixtures';
import { mockBackend, renderPage, type MockBackend, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { claimOf, detail, need, untilLoaded } from './fixtures';

let page: PageHandle | undefined;
let backend: MockBackend;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function open(path: string, properties?: Record<string, unknown>): Promise<PageHandle> {
  const p = await renderPage(path, properties ? { properties } : {});
  await untilLoaded(p);
  return p;
}

describe('需求详情', () => {
  test('a confirmed member claims the need', async () => {
    backend = mockBackend({
      'outreach.getNeed': ok(detail({ can: { claim: true, complete: false, confirm: false, review: false, thank: false } })),
      'outreach.claim': ok(claimOf()),
    });
    page = await open('outreach/need/index', { needId: 'need_demo_elder' });
    expect(page.text()).toContain('需要 2 人，已认领 1 人，已完成 0 人');
    await page.tap('认领这项服务');
    expect(backend.calls('outreach.claim')).toEqual([{ needId: 'need_demo_elder', clientToken: expect.any(String) }]);
  });

  test('the claimant says what was done before completing', async () => {
    backend = mockBackend({
      'outreach.getNeed': ok(
        detail({ myClaim: claimOf(), can: { claim: false, complete: true, confirm: false, review: false, thank: false } }),
      ),
      'outreach.complete': ok(claimOf({ status: 'completed' })),
    });
    page = await open('outreach/need/index', { needId: 'need_demo_elder' });
    expect(page.text()).toContain('我的认领');
    await page.tap('提交完成');
    expect(page.text()).toContain('请填写服务情况');
    expect(backend.calls('outreach.complete')).toEqual([]);
    await page.type('服务情况', '已代购米面油');
    await page.tap('提交完成');
    expect(backend.calls('outreach.complete')).toEqual([{ needId: 'need_demo_elder', note: '已代购米面油' }]);
  });

  test('staff confirm a completed claim; a refusal is said in the server’s words', async () => {
    backend = mockBackend({
      'outreach.getNeed': ok(
        detail({
          claims: [claimOf({ status: 'completed', note: '热水器已修好' })],
          can: { claim: false, complete: false, confirm: true, review: false, thank: false },
        }),
      ),
      'outreach.confirmDone': {
        ok: false,
        error: { code: 'INVALID_STATE', message: '认领人尚未提交完成，不能确认', reason: 'NOT_COMPLETED' },
      },
    });
    page = await open('outreach/need/index', { needId: 'need_demo_repair' });
    expect(page.text()).toContain('热水器已修好');
    await page.tap('确认服务完成');
    expect(backend.calls('outreach.confirmDone')).toEqual([{ needId: 'need_demo_repair' }]);
    expect(page.text()).toContain('认领人尚未提交完成，不能确认');
  });

  test('the resident who made the wish thanks with a score and a message', async () => {
    backend = mockBackend({
      'outreach.getNeed': ok(
        detail({
          source: 'wish',
          status: 'done',
          isRequester: true,
          can: { claim: false, complete: false, confirm: false, review: false, thank: true },
        }),
      ),
      'outreach.thank': ok(detail()),
    });
    page = await open('outreach/need/index', { needId: 'need_demo_wish_glasses' });
    await page.tap('送出感谢');
    expect(page.text()).toContain('请先选择评分');
    await page.tap('5 分');
    await page.type('感谢的话', '谢谢党员同志');
    await page.tap('送出感谢');
    expect(backend.calls('outreach.thank')).toEqual([{ needId: 'need_demo_wish_glasses', score: 5, message: '谢谢党员同志' }]);
  });

  test('staff turn a wish down only with a reason', async () => {
    backend = mockBackend({
      'outreach.getNeed': ok(
        detail({
          source: 'wish',
          status: 'pending_review',
          can: { claim: false, complete: false, confirm: false, review: true, thank: false },
        }),
      ),
      'outreach.reviewWish': ok(need({ status: 'rejected' })),
    });
    page = await open('outreach/need/index', { needId: 'need_demo_wish_phone' });
    await page.tap('不通过');
    expect(page.text()).toContain('请填写不通过的原因');
    await page.type('不通过原因', '已转为诉求办理');
    await page.tap('不通过');
    expect(backend.calls('outreach.reviewWish')).toEqual([{ needId: 'need_demo_wish_phone', approve: false, note: '已转为诉求办理' }]);
  });
});
