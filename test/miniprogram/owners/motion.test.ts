import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { until } from '../ratings/wait';
import { LIST, MOTION, ok, RESULT } from './fixtures';

let page: PageHandle | undefined;
beforeEach(() => installWx());
afterEach(() => page?.detach());

test('shows the turnout by area and number against the 2/3 lines, and no choices', async () => {
  mockBackend({ 'owners.get': ok(MOTION) });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_pipes' } });
  expect(page.text()).toContain('已参与面积 299.35 / 1202.72 ㎡（24.9%）');
  expect(page.text()).toContain('已参与人数 3 / 10 人（30.0%）');
  expect(page.text()).toContain('法定参与线：面积 801.82 ㎡、人数 7 人（面积、人数各三分之二以上）');
  expect(page.text()).toContain('通过条件：须经参与表决专有部分面积过半数且参与表决人数过半数的业主同意');
  expect(page.text()).toContain('尚未达到法定参与比例');
  expect(page.text()).not.toContain('表决结果');
});

test('votes only after a confirmation that says the ballot is final, then shows the receipt', async () => {
  const backend = mockBackend({
    'owners.get': ok(MOTION),
    'owners.vote': ok({ receipt: '1A2B-3C4D-5E6F-7A8B', castAt: '2026-11-20T01:00:00.000Z', seq: 4 }),
  });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_pipes' } });
  await page.tap('提交选票');
  expect(page.text()).toContain('请选择同意、反对或弃权');
  expect(backend.calls('owners.vote')).toEqual([]);

  await page.tap('反对');
  await page.tap('提交选票');
  expect(page.text()).toContain('您的选择：反对。选票一经提交不可更改');
  await page.tap('再想想');
  expect(backend.calls('owners.vote')).toEqual([]);

  backend.answer(
    'owners.get',
    ok({ ...MOTION, canVote: false, myBallot: { receipt: '1A2B-3C4D-5E6F-7A8B', castAt: '2026-11-20T01:00:00.000Z', channel: 'online' } }),
  );
  await page.tap('提交选票');
  await page.tap('确认提交');
  await until(page, '1A2B-3C4D-5E6F-7A8B');
  const [sent] = backend.calls('owners.vote') as Array<{ motionId: string; choice: string; clientToken: string }>;
  expect(sent).toMatchObject({ motionId: 'mo_demo_pipes', choice: 'object' });
  expect(sent.clientToken).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  expect(page.text()).toContain('您已投票');
  expect(page.queryByText('提交选票')).toBeNull();
});

test('a second ballot is refused with the server’s message', async () => {
  mockBackend({
    'owners.get': ok(MOTION),
    'owners.vote': { ok: false, error: { code: 'CONFLICT', message: '该业主已投票，选票一经提交不可更改', reason: 'ALREADY_VOTED' } },
  });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_pipes' } });
  await page.tap('同意');
  await page.tap('提交选票');
  await page.tap('确认提交');
  await until(page, '该业主已投票');
  expect(page.text()).toContain('该业主已投票，选票一经提交不可更改');
});

test('elections: marks candidates', async () => {
  const election = { ...MOTION, matter: 'committee_election' as const, candidates: ['王明', '李芳', '赵强'], seats: 2 };
  const backend = mockBackend({
    'owners.get': ok(election),
    'owners.vote': ok({ receipt: 'AAAA-BBBB-CCCC-DDDD', castAt: '2026-11-20T01:00:00.000Z', seq: 1 }),
  });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_e' } });
  expect(page.text()).toContain('应选 2 名，每票最多选 2 名');
  await page.tap('王明');
  await page.tap('赵强');
  await page.tap('提交选票');
  expect(page.text()).toContain('选择：王明、赵强');
  await page.tap('确认提交');
  await until(page, 'AAAA');
  expect(backend.calls('owners.vote')).toEqual([expect.objectContaining({ candidates: ['王明', '赵强'] })]);
});

test('after the close: the tally, the outcome and a receipt search', async () => {
  const closed = {
    ...MOTION,
    ...LIST.items[1],
    canVote: false,
    myBallot: { receipt: 'C0FF-EE00-1234-ABCD', castAt: '2026-10-12T01:00:00.000Z', channel: 'online' as const },
  };
  mockBackend({ 'owners.get': ok(closed), 'owners.result': ok(RESULT) });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_covenant' } });
  await until(page, '共 9 张选票');
  expect(page.text()).toContain('表决结果通过');
  expect(page.text()).toContain('同意6 人 · 630.00 ㎡');
  expect(page.text()).toContain('参与表决9 人 · 943.62 ㎡');
  expect(page.text()).toContain('共 9 张选票');
  await page.type('回执码', '1a2b-3c4d-5e6f-7a8b');
  await page.tap('核对');
  expect(page.text()).toContain('回执码 1A2B-3C4D-5E6F-7A8B 在计票结果中');
  await page.type('回执码', 'FFFF-FFFF-FFFF-FFFF');
  await page.tap('核对');
  expect(page.text()).toContain('计票结果中没有回执码 FFFF-FFFF-FFFF-FFFF');
  await page.tap('用我的回执码');
  expect(page.text()).toContain('回执码 C0FF-EE00-1234-ABCD 在计票结果中');
});

test('a non-owner is told why there is no ballot', async () => {
  mockBackend({ 'owners.get': ok({ ...MOTION, isOwner: false, canVote: false }) });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_demo_pipes' } });
  expect(page.text()).toContain('您不在本小区业主名册中');
});

test('a convenor announces a draft after a confirmation', async () => {
  const draft = { ...MOTION, status: 'draft' as const, statusLabel: '草稿', turnout: null, totals: null, canVote: false, canManage: true };
  const backend = mockBackend({
    'owners.get': ok(draft),
    'owners.announce': {
      ok: false,
      error: { code: 'INVALID_STATE', message: '表决开始时间须在公告之日 15 日之后', reason: 'NOTICE_TOO_SHORT' },
    },
  });
  page = await renderPage('owners/motion/index', { properties: { motionId: 'mo_d' } });
  await page.tap('发布公告');
  await page.tap('确认发布');
  await until(page, '15 日之后');
  expect(backend.calls('owners.announce')).toEqual([{ motionId: 'mo_d' }]);
  expect(page.text()).toContain('表决开始时间须在公告之日 15 日之后');
});
