import type { UserDoc } from '../app/account/user';
import type { CompoundDoc } from '../app/community/community';
import { SYSTEM_ACTOR } from '../app/requests/access';
import { newRequestDoc, nextDoc, REQUEST_FOLLOWS, REQUESTS, type FollowDoc, type RequestDoc } from '../app/requests/request';
import type { RequestCategory } from '../domain/request-categories';
import { applyCommand, type Actor, type Command } from '../domain/request-state';
import { DEFAULT_RULES } from '../domain/rules-config';
import { DEMO } from './demo-ids';
import type { SeedContext } from './seed-context';

const HOUR = 3_600_000;

interface Filing {
  id: string;
  openid: string;
  compoundId: string;
  category: RequestCategory;
  title: string;
  description: string;
  isPublic: boolean;
  /** Hours before the seed time it was filed. */
  hoursAgo: number;
}

/** What happened to a request after filing: who did what, how many hours after filing. */
type Step = [hoursAfter: number, actor: string, command: Command];

/**
 * Demo requests in every state, built by replaying the state machine so each timeline is what
 * the real actions would have written: something to accept (居委会), to work on (物业), to
 * deliberate (业委会), to decide (党组织), to rate (居民), an escalated one and a public board.
 */
export async function seedRequests(s: SeedContext): Promise<void> {
  const people = ['demo-rc', 'demo-property', 'demo-property2', 'demo-oc', 'demo-oc3', 'demo-party'];
  const users = new Map<string, UserDoc>();
  for (const openid of [...people, 'demo-resident', 'demo-volunteer', 'demo-oc2', 'demo-resident2', 'demo-resident3']) {
    const u = await s.ops.get<UserDoc>('users', s.userId(openid));
    if (u) users.set(openid, u);
  }
  const compounds = new Map<string, CompoundDoc>();
  for (const id of [DEMO.compound1, DEMO.compound2]) {
    const c = await s.ops.get<CompoundDoc>('compounds', id);
    if (c) compounds.set(id, c);
  }
  const actorOf = (openid: string, doc: RequestDoc): Actor => {
    if (openid === 'system') return SYSTEM_ACTOR;
    const u = users.get(openid) as UserDoc;
    const parties: Actor['parties'] = [];
    if (u.roles.includes('rc_staff')) parties.push('residents_committee');
    if (u.roles.includes('oc_member') && u.compoundId === doc.compoundId) parties.push('owners_committee');
    if (u.roles.includes('property_staff') && u.firmId === doc.firmId) parties.push('property');
    return {
      userId: u._id,
      name: u.name,
      isSubmitter: u._id === doc.submitterId,
      isRcStaff: u.roles.includes('rc_staff'),
      isPartyOrg: u.roles.includes('party_org'),
      parties,
    };
  };

  const file = (f: Filing): RequestDoc =>
    newRequestDoc(
      f.id,
      new Date(s.now.getTime() - f.hoursAgo * HOUR).toISOString(),
      users.get(f.openid) as UserDoc,
      compounds.get(f.compoundId) as CompoundDoc,
      { category: f.category, title: f.title, description: f.description, photos: [], isPublic: f.isPublic },
      DEFAULT_RULES,
    );

  const replay = async (f: Filing, steps: Step[]): Promise<RequestDoc> => {
    let doc = file(f);
    const filed = Date.parse(doc.createdAt);
    for (const [hoursAfter, who, command] of steps) {
      const at = new Date(filed + hoursAfter * HOUR);
      const t = applyCommand(doc, command, actorOf(who, doc), at);
      if (!t.ok) throw new Error(`demo request ${f.id}: ${command.action} refused (${t.reason})`);
      doc = nextDoc(doc, t, at);
    }
    await s.ops.insert(REQUESTS, doc);
    return doc;
  };

  const c1 = DEMO.compound1;
  const c2 = DEMO.compound2;
  const work = (note: string): Command => ({ action: 'start', note, photos: [] });
  const resolve = (note: string): Command => ({ action: 'resolve', note, photos: [] });

  const light = await replay(
    {
      id: 'rq_demo_light',
      openid: 'demo-resident',
      compoundId: c1,
      category: 'facilities',
      title: '3栋楼道声控灯不亮',
      description: '3栋2单元1至4楼楼道声控灯坏了一周，晚上老人上下楼看不见，请尽快维修。',
      isPublic: true,
      hoursAgo: 3,
    },
    [],
  );
  await s.ops.insert<FollowDoc>(REQUEST_FOLLOWS, {
    _id: `${light._id}:${s.userId('demo-volunteer')}`,
    requestId: light._id,
    userId: s.userId('demo-volunteer'),
    createdAt: s.now.toISOString(),
  });
  await s.ops.update(REQUESTS, light._id, { $inc: { followers: 1 } });

  await replay(
    {
      id: 'rq_demo_garbage',
      openid: 'demo-resident',
      compoundId: c1,
      category: 'environment',
      title: '东门垃圾清运不及时',
      description: '东门垃圾站最近每天下午才清运，上午垃圾堆到路边，气味很大。',
      isPublic: true,
      hoursAgo: 50,
    },
    [
      [
        2,
        'demo-rc',
        { action: 'accept', leadParty: 'property', coHandlers: ['owners_committee'], major: false, note: '请物业牵头整改，业委会协助监督' },
      ],
      [20, 'demo-property', work('已调整清运时间为每天上午 8 点、下午 5 点两次')],
    ],
  );

  await replay(
    {
      id: 'rq_demo_garage',
      openid: 'demo-resident',
      compoundId: c1,
      category: 'facilities',
      title: '地下车库入口积水',
      description: '下雨后地下车库入口积水到脚踝，排水沟堵塞。',
      isPublic: false,
      hoursAgo: 96,
    },
    [
      [1, 'demo-rc', { action: 'accept', leadParty: 'property', coHandlers: [], major: false, note: null }],
      [3, 'demo-property', work('已安排维修人员现场查看')],
      [72, 'demo-property', resolve('已疏通排水沟并加装截水槽，雨后复查无积水')],
    ],
  );

  await replay(
    {
      id: 'rq_demo_slide',
      openid: 'demo-volunteer',
      compoundId: c1,
      category: 'facilities',
      title: '儿童游乐区滑梯破损',
      description: '滑梯侧板开裂有尖角，孩子容易划伤。',
      isPublic: true,
      hoursAgo: 12 * 24,
    },
    [
      [2, 'demo-rc', { action: 'accept', leadParty: 'property', coHandlers: [], major: false, note: null }],
      [4, 'demo-property', work('已设置警示围挡')],
      [48, 'demo-property', resolve('已更换滑梯侧板并打磨边角')],
      [60, 'demo-volunteer', { action: 'rate', score: 5, solved: true, comment: '修得很快，谢谢物业' }],
    ],
  );

  await replay(
    {
      id: 'rq_demo_wall',
      openid: 'demo-volunteer',
      compoundId: c1,
      category: 'environment',
      title: '小区围墙及主干道改造',
      description: '围墙多处开裂、主干道坑洼，建议使用维修资金整体改造。',
      isPublic: true,
      hoursAgo: 72,
    },
    [
      [
        5,
        'demo-rc',
        {
          action: 'accept',
          leadParty: 'property',
          coHandlers: ['owners_committee'],
          tier: 'complex',
          major: true,
          note: '涉及维修资金使用，按重大事项由三方表态',
        },
      ],
      [24, 'demo-rc', { action: 'deliberate', position: 'agree', opinion: '同意改造，请物业出具预算' }],
      [30, 'demo-property', { action: 'deliberate', position: 'agree', opinion: '同意，预算约 18 万元，工期 20 天' }],
    ],
  );

  await replay(
    {
      id: 'rq_demo_lift',
      openid: 'demo-resident',
      compoundId: c1,
      category: 'safety',
      title: '5栋电梯频繁故障',
      description: '5栋电梯本周已停运三次，有老人被困过一次。',
      isPublic: true,
      hoursAgo: 72,
    },
    [
      [6, 'demo-rc', { action: 'accept', leadParty: 'property', coHandlers: [], major: false, note: '涉及安全，请物业尽快处理' }],
      [8, 'demo-property', work('已联系电梯维保单位')],
      [24.5, 'system', { action: 'escalate' }],
    ],
  );

  await replay(
    {
      id: 'rq_demo_fee',
      openid: 'demo-oc2',
      compoundId: c1,
      category: 'property_service',
      title: '要求免除全年物业费',
      description: '因疫情期间服务减少，要求物业免除今年全年物业费。',
      isPublic: false,
      hoursAgo: 20 * 24,
    },
    [[4, 'demo-rc', { action: 'reject', reason: '物业费减免须经业主大会决定，已告知可向业委会提议' }]],
  );

  await replay(
    {
      id: 'rq_demo_parking',
      openid: 'demo-resident2',
      compoundId: c2,
      category: 'parking',
      title: '消防通道被车辆长期占用',
      description: '4栋旁消防通道常年停满私家车，消防车无法通行。',
      isPublic: true,
      hoursAgo: 120,
    },
    [
      [3, 'demo-rc', { action: 'accept', leadParty: 'property', coHandlers: ['residents_committee'], major: false, note: null }],
      [10, 'demo-property2', work('已张贴告知书并划设禁停标线')],
    ],
  );

  await replay(
    {
      id: 'rq_demo_weeds',
      openid: 'demo-resident3',
      compoundId: c2,
      category: 'greening',
      title: '绿化带杂草丛生',
      description: '9栋前绿化带杂草很高，夏天蚊虫多。',
      isPublic: true,
      hoursAgo: 30 * 24,
    },
    [
      [5, 'demo-rc', { action: 'accept', leadParty: 'property', coHandlers: [], major: false, note: null }],
      [30, 'demo-property2', work('已安排绿化工')],
      [100, 'demo-property2', resolve('已除草并补种')],
      [130, 'demo-resident3', { action: 'rate', score: 3, solved: true, comment: '除了草，但补种的很少' }],
    ],
  );

  await replay(
    {
      id: 'rq_demo_leak',
      openid: 'demo-resident2',
      compoundId: c2,
      category: 'neighbor_dispute',
      title: '楼上卫生间漏水协调',
      description: '楼上卫生间漏水到我家天花板，多次沟通无果，请社区协调。',
      isPublic: false,
      hoursAgo: 26,
    },
    [
      [
        2,
        'demo-rc',
        { action: 'accept', leadParty: 'residents_committee', coHandlers: [], major: false, note: '邻里纠纷由居委会牵头调解' },
      ],
      [6, 'demo-rc', work('已约双方周六上午在居委会调解')],
    ],
  );

  await replay(
    {
      id: 'rq_demo_green2parking',
      openid: 'demo-resident3',
      compoundId: c2,
      category: 'parking',
      title: '建议将中心绿地改建停车场',
      description: '小区车位严重不足，建议将中心绿地改为停车场。',
      isPublic: true,
      hoursAgo: 96,
    },
    [
      [
        4,
        'demo-rc',
        {
          action: 'accept',
          leadParty: 'property',
          coHandlers: ['owners_committee'],
          tier: 'complex',
          major: true,
          note: '涉及公共区域用途变更，按重大事项办理',
        },
      ],
      [20, 'demo-rc', { action: 'deliberate', position: 'abstain', opinion: '尊重业主意见' }],
      [26, 'demo-property2', { action: 'deliberate', position: 'agree', opinion: '可行，可增加 40 个车位' }],
      [30, 'demo-oc3', { action: 'deliberate', position: 'object', opinion: '绿地是公共空间，多数业主反对占用' }],
    ],
  );
}
