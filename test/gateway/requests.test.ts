import type { RequestView } from '../../cloudfunctions/core/app/requests/views';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { startTestGateway, type TestGateway } from '../support/gateway';

let g: TestGateway;
beforeAll(async () => {
  g = await startTestGateway();
});
afterAll(() => g.close());

async function must<T = RequestView>(action: string, data: Record<string, unknown>, openid: string): Promise<T> {
  const r = await g.post<T>('requests', action, data, openid);
  if (!r.ok) throw new Error(`${action} as ${openid}: ${JSON.stringify(r.error)}`);
  return r.data;
}

test('a request goes round the tripartite mechanism through the local gateway, and the timeline shows all of it', async () => {
  const { requestId } = await must<{ requestId: string; status: string }>(
    'submit',
    {
      category: 'environment',
      title: '6栋楼道堆放杂物',
      description: '一单元楼道堆满纸箱，堵住消防通道。',
      compoundId: DEMO.compound1,
      isPublic: true,
    },
    'demo-resident',
  );
  await must(
    'accept',
    { requestId, leadParty: 'property', coHandlers: ['owners_committee'], note: '请物业牵头清理，业委会协助' },
    'demo-rc',
  );
  await must('update', { requestId, status: 'in_progress', note: '已通知住户三日内自行清理' }, 'demo-property');
  await must('update', { requestId, status: 'resolved', note: '已清理完毕' }, 'demo-property');
  expect((await must('rate', { requestId, score: 2, solved: false, comment: '第二天又堆上了' }, 'demo-resident')).status).toBe('reopened');
  await must('update', { requestId, status: 'in_progress', note: '联系业委会一起上门劝导' }, 'demo-property');
  await must('comment', { requestId, note: '业委会已张贴倡议书' }, 'demo-oc');
  await must('update', { requestId, status: 'resolved', note: '已清理并安装监控提示牌' }, 'demo-property');
  const closed = await must('rate', { requestId, score: 5, solved: true, comment: '这次彻底解决了' }, 'demo-resident');
  expect(closed).toMatchObject({ status: 'closed', feedback: 'rated', rating: { score: 5, solved: true } });

  const view = await must('get', { requestId }, 'demo-resident');
  expect(view.timeline.map((e) => [e.action, e.to, e.party, e.actorName])).toEqual([
    ['submit', 'submitted', 'resident', null],
    ['accept', 'assigned', 'residents_committee', '王秀兰'],
    ['start', 'in_progress', 'property', '刘德胜'],
    ['resolve', 'resolved', 'property', '刘德胜'],
    ['rate', 'reopened', 'resident', null],
    ['start', 'in_progress', 'property', '刘德胜'],
    ['comment', 'in_progress', 'owners_committee', '张志强'],
    ['resolve', 'resolved', 'property', '刘德胜'],
    ['rate', 'closed', 'resident', null],
  ]);
  expect(view.timeline.every((e) => typeof e.at === 'string')).toBe(true);
  expect(view.timeline[1].detail).toMatchObject({ leadParty: 'property', coHandlers: ['owners_committee'] });
  expect(view.timeline[4].note).toBe('第二天又堆上了');

  // The public board view of the same request shows the work, not the resident.
  const pub = await must('get', { requestId }, 'demo-volunteer');
  expect(pub.submitter).toBeNull();
  expect(JSON.stringify(pub)).not.toMatch(/陈玉珍|13907160006|139\*{4}0006|"room"/);
});

test('a major matter the owners committee objects to goes to party_org, whose outcome is recorded', async () => {
  const { requestId } = await must<{ requestId: string }>(
    'submit',
    {
      category: 'facilities',
      title: '加装小区充电桩',
      description: '建议在地面停车场加装 20 个充电桩，使用公共收益。',
      compoundId: DEMO.compound1,
    },
    'demo-resident',
  );
  await must('accept', { requestId, leadParty: 'property', major: true, tier: 'complex' }, 'demo-rc');
  await must('deliberate', { requestId, position: 'agree', opinion: '支持绿色出行' }, 'demo-rc');
  await must('deliberate', { requestId, position: 'agree', opinion: '可施工，需供电扩容' }, 'demo-property');
  const objected = await must('deliberate', { requestId, position: 'object', opinion: '公共收益用途须经业主大会表决' }, 'demo-oc');
  expect(objected.majorStage).toBe('objected');
  const blocked = await g.post('requests', 'update', { requestId, status: 'in_progress', note: '开工' }, 'demo-property');
  expect(!blocked.ok && blocked.error).toMatchObject({ code: 'INVALID_STATE', reason: 'MAJOR_NOT_CLEARED' });

  const decided = await must('decide', { requestId, outcome: 'proceed', note: '联席会议：先召开业主大会表决，通过后实施' }, 'demo-party');
  expect(decided.majorStage).toBe('cleared');
  expect(decided.positions).toMatchObject({
    residents_committee: { position: 'agree' },
    property: { position: 'agree' },
    owners_committee: { position: 'object', opinion: '公共收益用途须经业主大会表决' },
  });
  expect(decided.timeline.slice(-4).map((e) => [e.action, e.party])).toEqual([
    ['deliberate', 'residents_committee'],
    ['deliberate', 'property'],
    ['deliberate', 'owners_committee'],
    ['decide', 'party_org'],
  ]);
  expect((await must('update', { requestId, status: 'in_progress', note: '业主大会已通过，开始施工' }, 'demo-property')).status).toBe(
    'in_progress',
  );
});

test('bad input through the gateway answers the envelope and stores nothing', async () => {
  const before = await g.deps.store.count('requests', {});
  const r = await g.post(
    'requests',
    'submit',
    { category: 'other', title: '标题', description: '', compoundId: DEMO.compound1 },
    'demo-resident',
  );
  expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
  const unknown = await g.post('requests', 'escalate', {}, 'demo-rc');
  expect(!unknown.ok && unknown.error.code).toBe('UNKNOWN_ACTION');
  expect(await g.deps.store.count('requests', {})).toBe(before);
});
