import { ok } from '../fixtures';
import { findAllByText, mockBackend, renderPage as renderRaw, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { step, view } from './fixtures';

let page: PageHandle | undefined;

beforeEach(() => installWx());
afterEach(() => page?.detach());

async function renderPage(): Promise<PageHandle> {
  const p = await renderRaw('pages/requests/detail/index', { properties: { requestId: 'rq_demo_light' } });
  await p.settle(150);
  return p;
}

/** Taps the n-th element showing `text` (the same label can appear in two option groups). */
async function tapNth(p: PageHandle, text: string, n: number): Promise<void> {
  await p.tap(findAllByText(p.dom, text)[n]);
}

const H = 3_600_000;
const at = (h: number) => new Date(Date.now() + h * H).toISOString();

const assigned = (over: Parameters<typeof view>[0] = {}) =>
  view({
    status: 'in_progress',
    leadParty: 'property',
    coHandlers: ['owners_committee'],
    timeline: [
      step({
        at: at(-5),
        action: 'submit',
        from: null,
        to: 'submitted',
        party: 'resident',
        actorName: null,
        note: null,
        photos: [],
        detail: null,
      }),
      step({
        at: at(-4),
        action: 'accept',
        from: 'submitted',
        to: 'assigned',
        party: 'residents_committee',
        actorName: '王秀兰',
        note: '请物业牵头',
        photos: [],
        detail: { leadParty: 'property', coHandlers: ['owners_committee'] },
      }),
      step({
        at: at(-3),
        action: 'start',
        from: 'assigned',
        to: 'in_progress',
        party: 'property',
        actorName: '刘德胜',
        note: '已派电工',
        photos: [],
        detail: null,
      }),
    ],
    viewer: { visibility: 'full', roles: ['tripartite', 'lead'], can: ['progress', 'resolve', 'comment', 'revealPhone'], following: false },
    ...over,
  });

test('shows the request, its routing, time limit and the timeline newest first', async () => {
  mockBackend({ 'requests.get': ok(assigned()) });
  page = await renderPage();
  expect(page.text()).toContain('3栋楼道声控灯不亮');
  expect(page.text()).toContain('物业服务企业牵头，业委会协办');
  expect(page.text()).toMatch(/办理时限：剩余 \d+ 小时/);
  const text = page.text();
  expect(text.indexOf('开始办理')).toBeLessThan(text.indexOf('受理并分派：物业服务企业牵头，协办：业委会'));
  expect(text).toContain('物业服务企业 · 刘德胜');
  expect(text).toContain('已派电工');
});

test('the lead party resolves with a required note after confirmation', async () => {
  const backend = mockBackend({
    'requests.get': ok(assigned()),
    'requests.update': ok(
      assigned({ status: 'resolved', viewer: { visibility: 'full', roles: ['lead'], can: ['comment'], following: false } }),
    ),
  });
  page = await renderPage();
  await page.tap('办结');
  await page.tap('提交');
  expect(page.text()).toContain('请填写办结说明');
  expect(backend.calls('requests.update')).toEqual([]);
  await page.type('办结说明', '已更换声控灯 4 盏');
  await page.tap('提交');
  await page.settle(50);
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '办结' }));
  expect(backend.calls('requests.update')).toEqual([{ requestId: 'rq_demo_light', status: 'resolved', note: '已更换声控灯 4 盏' }]);
  expect(page.getByText('已办结')).toBeTruthy();
});

test('residents-committee staff accept and route to a lead party with a co-handler', async () => {
  const submitted = view({
    viewer: { visibility: 'full', roles: ['rc_staff', 'tripartite'], can: ['accept', 'reject', 'comment'], following: false },
  });
  const backend = mockBackend({ 'requests.get': ok(submitted), 'requests.accept': ok(assigned()) });
  page = await renderPage();
  await page.tap('受理分派');
  await page.tap('提交');
  expect(page.text()).toContain('请选择牵头方');
  await tapNth(page, '物业服务企业', 0);
  await tapNth(page, '业委会', 1);
  await page.tap('紧急（2小时）');
  await page.tap('提交');
  await page.settle(50);
  expect(backend.calls('requests.accept')).toEqual([
    { requestId: 'rq_demo_light', leadParty: 'property', coHandlers: ['owners_committee'], tier: 'emergency' },
  ]);
  expect(page.text()).toContain('物业服务企业牵头，业委会协办');
});

test('refusing a request needs a reason', async () => {
  const submitted = view({ viewer: { visibility: 'full', roles: ['rc_staff'], can: ['accept', 'reject', 'comment'], following: false } });
  const backend = mockBackend({ 'requests.get': ok(submitted), 'requests.reject': ok(view({ status: 'rejected' })) });
  page = await renderPage();
  await page.tap('不予受理');
  await page.tap('提交');
  expect(page.text()).toContain('请填写理由');
  await page.type('理由', '属于市政管理范围，请拨打 12345');
  await page.tap('提交');
  await page.settle(50);
  expect(backend.calls('requests.reject')).toEqual([{ requestId: 'rq_demo_light', reason: '属于市政管理范围，请拨打 12345' }]);
});

test('the submitter withdraws before acceptance after confirming', async () => {
  const backend = mockBackend({
    'requests.get': ok(view()),
    'requests.withdraw': ok(view({ status: 'withdrawn', viewer: { visibility: 'full', roles: ['submitter'], can: [], following: false } })),
  });
  page = await renderPage();
  await page.tap('撤回');
  await page.settle(50);
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回诉求' }));
  expect(backend.calls('requests.withdraw')).toEqual([{ requestId: 'rq_demo_light' }]);
  expect(page.getByText('已撤回')).toBeTruthy();
  expect(page.queryByText('撤回')).toBeNull();
});

test('the submitter rates: the score and whether it is solved are required', async () => {
  const resolved = view({
    status: 'resolved',
    reopenDeadline: at(150),
    viewer: { visibility: 'full', roles: ['submitter'], can: ['rate', 'reopen', 'comment'], following: false },
  });
  const backend = mockBackend({ 'requests.get': ok(resolved), 'requests.rate': ok(view({ status: 'reopened' })) });
  page = await renderPage();
  expect(page.text()).toContain('前可申请重新办理');
  await page.tap('评价');
  await page.tap('提交');
  expect(page.text()).toContain('请打分（1–5 星）');
  expect(page.text()).toContain('请选择问题是否已解决');
  // t-rate reports the tapped star as a change event; the page takes its value.
  (page.comp.instance as unknown as { onScore(e: object): void }).onScore({ detail: { value: 2 } });
  await page.tap('未解决');
  await page.type('评价内容（选填）', '灯又不亮了');
  await page.tap('提交');
  await page.settle(50);
  expect(backend.calls('requests.rate')).toEqual([{ requestId: 'rq_demo_light', score: 2, solved: false, comment: '灯又不亮了' }]);
  expect(page.getByText('重新办理')).toBeTruthy();
});

test('shows the server’s refusal in the sheet', async () => {
  const resolved = view({
    status: 'resolved',
    viewer: { visibility: 'full', roles: ['submitter'], can: ['rate', 'reopen', 'comment'], following: false },
  });
  mockBackend({
    'requests.get': ok(resolved),
    'requests.reopen': {
      ok: false,
      error: { code: 'INVALID_STATE', message: '已超过办结后可重新办理的期限', reason: 'REOPEN_WINDOW_PASSED' },
    },
  });
  page = await renderPage();
  await page.tap('申请重新办理');
  await page.type('原因', '又坏了');
  await page.tap('提交');
  await page.settle(50);
  expect(page.text()).toContain('已超过办结后可重新办理的期限');
});

test('a major matter shows the three positions and takes the viewer’s party position', async () => {
  const major = view({
    status: 'assigned',
    major: true,
    majorStage: 'deliberating',
    leadParty: 'property',
    positions: { residents_committee: { position: 'agree', opinion: '同意改造', byName: '王秀兰', at: at(-2) } },
    viewer: { visibility: 'full', roles: ['tripartite', 'co_handler'], can: ['deliberate', 'comment'], following: false },
  });
  const backend = mockBackend({ 'requests.get': ok(major), 'requests.deliberate': ok({ ...major, majorStage: 'objected' }) });
  page = await renderPage();
  expect(page.text()).toContain('三方表态 · 等待三方表态');
  expect(page.text()).toContain('同意：同意改造');
  expect(page.text()).toContain('尚未表态');
  await page.tap('表态');
  await page.tap('反对');
  await page.type('意见', '费用过高，需业主大会表决');
  await page.tap('提交');
  await page.settle(50);
  expect(backend.calls('requests.deliberate')).toEqual([
    { requestId: 'rq_demo_light', position: 'object', opinion: '费用过高，需业主大会表决' },
  ]);
  expect(page.text()).toContain('有异议，已提交社区党组织召集联席会议');
});

test('handling staff see the masked phone and reveal it only after confirming', async () => {
  const backend = mockBackend({
    'requests.get': ok(assigned()),
    'requests.revealPhone': ok({ requestId: 'rq_demo_light', name: '陈玉珍', phone: '13907160006' }),
  });
  page = await renderPage();
  expect(page.text()).toContain('139****0006');
  expect(page.text()).not.toContain('13907160006');
  await page.tap('查看完整号码');
  await page.settle(50);
  expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('将被记录') }));
  expect(backend.calls('requests.revealPhone')).toEqual([{ requestId: 'rq_demo_light' }]);
  expect(page.text()).toContain('13907160006');
});

test('the public view shows no submitter and no actions: the buttons are only those the server offers', async () => {
  mockBackend({ 'requests.get': ok(view({ submitter: null, viewer: { visibility: 'public', roles: [], can: [], following: false } })) });
  page = await renderPage();
  expect(page.text()).not.toContain('反映人');
  expect(page.queryByText('留言')).toBeNull();
  expect(page.queryByText('关注此诉求')).toBeNull();
});

test('says so when the request is not visible, with a retry', async () => {
  const backend = mockBackend({ 'requests.get': { ok: false, error: { code: 'NOT_FOUND', message: '诉求不存在' } } });
  page = await renderPage();
  expect(page.text()).toContain('诉求不存在或您无权查看');
  backend.answer('requests.get', ok(view()));
  await page.tap('重试');
  await page.settle(100);
  expect(page.text()).toContain('3栋楼道声控灯不亮');
});

test('the lead party attaches a photo to the resolution (uploaded to the local gateway first)', async () => {
  const backend = mockBackend({ 'requests.get': ok(assigned()), 'requests.update': ok(assigned({ status: 'resolved' })) });
  // The local gateway's /uploads answers with the stored id (the raw body is not a function call).
  backend.answer('.undefined', ok({ fileId: 'local://uploads/AbCdEf123456.jpg' }));
  Object.assign(wx, {
    getFileSystemManager: jest.fn(() => ({
      readFile: (o: { success(r: { data: ArrayBuffer }): void }) => o.success({ data: new ArrayBuffer(8) }),
    })),
  });
  page = await renderPage();
  await page.tap('办结');
  // t-upload reports the chosen images with an add event; the page keeps them until sending.
  (page.comp.instance as unknown as { onPhotoAdd(e: object): void }).onPhotoAdd({ detail: { files: [{ url: 'wxfile://tmp/light.jpg' }] } });
  await page.type('办结说明', '已更换声控灯');
  await page.tap('提交');
  await page.settle(80);
  const upload = (wx.request as unknown as jest.Mock).mock.calls.map((c) => c[0]).find((o: { url: string }) => o.url.endsWith('/uploads'));
  expect(upload).toMatchObject({ method: 'POST', header: expect.objectContaining({ 'content-type': 'application/octet-stream' }) });
  expect(backend.calls('requests.update')).toEqual([
    { requestId: 'rq_demo_light', status: 'resolved', note: '已更换声控灯', photos: ['local://uploads/AbCdEf123456.jpg'] },
  ]);
});

test('another resident follows a public request from its page', async () => {
  const backend = mockBackend({
    'requests.get': ok(view({ submitter: null, viewer: { visibility: 'public', roles: [], can: ['follow'], following: false } })),
    'requests.follow': ok({ requestId: 'rq_demo_light', following: true, followers: 2 }),
  });
  page = await renderPage();
  await page.tap('关注此诉求');
  expect(backend.calls('requests.follow')).toEqual([{ requestId: 'rq_demo_light' }]);
  expect(page.text()).toContain('已关注，办理进展会通知您');
});
