/**
 * Demo data of the outreach feature (API.md §4): demo-cadre, a party member of a city unit,
 * reported in and confirmed in the first community and named a building's party-group leader;
 * demo-volunteer's report waiting for confirmation; needs in each state, wishes, and two teams.
 */
import type { UserDoc } from '../app/account/user';
import {
  BUILDING_POSTS,
  CLAIMS,
  NEEDS,
  REPORTS,
  TEAMS,
  type ClaimDoc,
  type NeedDoc,
  type ReportDoc,
  type TeamDoc,
} from '../app/outreach/model';
import { bumpBackbone } from '../app/outreach/stats';
import { VOLUNTEERS } from '../app/volunteer/model';
import { issueProfile } from '../app/volunteer/profile';
import { DEFAULT_NEED_CATEGORIES, type NeedKind } from '../domain/outreach-categories';
import { DEMO } from './demo-ids';
import type { SeedContext } from './seed-context';

/** Fixed ids of the demo needs and teams, for tests and the page gallery. */
export const DEMO_OUTREACH = {
  /** Two slots, one claimed by demo-cadre. */
  elderNeed: 'need_demo_elder',
  /** Nobody has claimed it yet. */
  legalNeed: 'need_demo_legal',
  /** Claimed and completed by demo-cadre, waiting for staff to confirm. */
  repairNeed: 'need_demo_repair',
  /** Confirmed done last month (demo-cadre). */
  tutorNeed: 'need_demo_tutor',
  /** demo-resident's wish, waiting for review. */
  pendingWish: 'need_demo_wish_phone',
  /** demo-resident2's wish, done: she may thank. */
  doneWish: 'need_demo_wish_glasses',
  volunteerTeam: 'team_demo_red',
  massTeam: 'team_demo_dance',
} as const;

const DAY = 86_400_000;

const label = (kind: NeedKind, key: string): string => DEFAULT_NEED_CATEGORIES[kind].find((c) => c.key === key)?.label ?? key;

export async function seedOutreach(s: SeedContext): Promise<void> {
  const now = s.now.getTime();
  const at = (daysAgo: number): string => new Date(now - daysAgo * DAY).toISOString();
  const cadreId = s.userId('demo-cadre');
  const cadre = await s.ops.get<UserDoc>('users', cadreId);
  if (!cadre) throw new Error('demo-cadre missing from the base seed');
  const partyOrgId = s.userId('demo-party');
  const rcId = s.userId('demo-rc');

  const reports: ReportDoc[] = [
    {
      _id: `${cadreId}:paired`,
      userId: cadreId,
      communityId: DEMO.communityId,
      communityName: '红星社区',
      streetId: DEMO.street1,
      kind: 'paired',
      unitName: '荆州市住房和城乡建设局',
      branchName: '机关第二党支部',
      name: cadre.name,
      status: 'confirmed',
      reportedAt: at(40),
      confirmedAt: at(39),
      confirmedBy: partyOrgId,
      updatedAt: at(39),
    },
    {
      _id: `${s.userId('demo-volunteer')}:residence`,
      userId: s.userId('demo-volunteer'),
      communityId: DEMO.communityId,
      communityName: '红星社区',
      streetId: DEMO.street1,
      kind: 'residence',
      unitName: '荆州市第一人民医院',
      branchName: '门诊党支部',
      name: '赵志远',
      status: 'pending',
      reportedAt: at(2),
      updatedAt: at(2),
    },
  ];
  // The community's backbone counters move with each record, as the actions move them.
  const count = (by: Parameters<typeof bumpBackbone>[2]) => bumpBackbone(s.ops, DEMO.communityId, by);
  for (const r of reports) {
    await s.ops.insert(REPORTS, r);
    await count(r.status === 'confirmed' ? { reportedMembers: 1 } : { pendingReports: 1 });
  }
  await issueProfile(
    s.ops,
    cadre,
    { realName: cadre.name, phone: cadre.phone, skills: ['政策宣讲', '家电维修'], isPartyMember: true, reportedMember: true },
    at(39),
  );
  await s.ops.insert(BUILDING_POSTS, {
    _id: `${DEMO.compound1}:3栋:party_group_leader`,
    communityId: DEMO.communityId,
    compoundId: DEMO.compound1,
    building: '3栋',
    role: 'party_group_leader',
    userId: cadreId,
    name: cadre.name,
    appointedAt: at(30),
    appointedBy: partyOrgId,
  });
  await count({ buildingPosts: 1 });
  // 共青团员 among the demo volunteers, so the backbone shares show both groups.
  for (const openid of ['demo-resident2', 'demo-resident3']) {
    await s.ops.update(VOLUNTEERS, s.userId(openid), { $set: { isYouthLeagueMember: true } });
    await count({ youthLeagueVolunteers: 1 });
  }

  const need = (
    id: string,
    kind: NeedKind,
    category: string,
    title: string,
    text: string,
    fields: Partial<NeedDoc> & { daysAgo: number },
  ): NeedDoc => {
    const { daysAgo, ...rest } = fields;
    const slots = rest.slots ?? 1;
    return {
      _id: id,
      communityId: DEMO.communityId,
      streetId: DEMO.street1,
      source: 'community',
      kind,
      category,
      categoryLabel: label(kind, category),
      title,
      text,
      slots,
      openSlots: slots,
      claimedCount: 0,
      doneCount: 0,
      status: 'open',
      requesterId: null,
      createdBy: rcId,
      createdAt: at(daysAgo),
      updatedAt: at(daysAgo),
      ...rest,
    };
  };
  const needs: NeedDoc[] = [
    need(
      DEMO_OUTREACH.elderNeed,
      'general',
      'elder_care',
      '为独居老人代购生活用品',
      '江津花园 6 栋、8 栋有三位独居老人，每周需要有人帮忙代购米面油和药品。',
      {
        daysAgo: 6,
        slots: 2,
        openSlots: 1,
        claimedCount: 1,
      },
    ),
    need(
      DEMO_OUTREACH.legalNeed,
      'professional',
      'legal',
      '法律咨询进社区',
      '每月第一个周六上午在社区党群服务中心为居民提供免费法律咨询，需要有法律专业背景的党员。',
      {
        daysAgo: 3,
      },
    ),
    need(
      DEMO_OUTREACH.repairNeed,
      'professional',
      'repair',
      '帮助高龄老人检修家用电器',
      '万寿园小区 9 栋冯大爷家的电热水器和电视机需要检修。',
      {
        daysAgo: 10,
        openSlots: 0,
        claimedCount: 1,
      },
    ),
    need(DEMO_OUTREACH.tutorNeed, 'general', 'child_care', '周末陪伴留守儿童写作业', '社区"四点半课堂"周末需要志愿者陪伴孩子们完成作业。', {
      daysAgo: 35,
      openSlots: 0,
      claimedCount: 1,
      doneCount: 1,
      status: 'done',
    }),
    need(
      DEMO_OUTREACH.pendingWish,
      'general',
      'micro_wish',
      '希望有人教我用智能手机预约挂号',
      '希望有人教我用智能手机预约挂号，我眼神不好，字要大一点。',
      {
        daysAgo: 1,
        source: 'wish',
        status: 'pending_review',
        requesterId: s.userId('demo-resident'),
        createdBy: s.userId('demo-resident'),
      },
    ),
    need(DEMO_OUTREACH.doneWish, 'general', 'micro_wish', '想要一副合适的老花镜', '想要一副合适的老花镜，方便看报纸。', {
      daysAgo: 20,
      source: 'wish',
      openSlots: 0,
      claimedCount: 1,
      doneCount: 1,
      status: 'done',
      requesterId: s.userId('demo-resident2'),
      createdBy: s.userId('demo-resident2'),
      reviewedAt: at(19),
    }),
  ];
  for (const n of needs) await s.ops.insert(NEEDS, n);

  const claim = (needId: string, fields: Partial<ClaimDoc> & { daysAgo: number }): ClaimDoc => {
    const n = needs.find((x) => x._id === needId) as NeedDoc;
    const { daysAgo, ...rest } = fields;
    return {
      _id: `${needId}:${cadreId}`,
      needId,
      userId: cadreId,
      communityId: DEMO.communityId,
      kind: n.kind,
      title: n.title,
      name: cadre.name,
      status: 'claimed',
      claimedAt: at(daysAgo),
      updatedAt: at(daysAgo),
      ...rest,
    };
  };
  const claims: ClaimDoc[] = [
    claim(DEMO_OUTREACH.elderNeed, { daysAgo: 5 }),
    claim(DEMO_OUTREACH.repairNeed, {
      daysAgo: 9,
      status: 'completed',
      note: '热水器温控器已更换，电视机信号线已重新接好。',
      completedAt: at(1),
    }),
    claim(DEMO_OUTREACH.tutorNeed, {
      daysAgo: 34,
      status: 'confirmed',
      note: '陪伴 6 名孩子完成作业两次。',
      completedAt: at(30),
      confirmedAt: at(29),
      confirmedBy: rcId,
    }),
    claim(DEMO_OUTREACH.doneWish, {
      daysAgo: 18,
      status: 'confirmed',
      note: '已陪同郑阿姨到眼镜店验光配镜。',
      completedAt: at(15),
      confirmedAt: at(14),
      confirmedBy: rcId,
    }),
  ];
  for (const c of claims) {
    await s.ops.insert(CLAIMS, c);
    if (c.status === 'confirmed') await count(c.kind === 'professional' ? { servicesProfessional: 1 } : { servicesGeneral: 1 });
  }

  const teams: TeamDoc[] = [
    {
      _id: DEMO_OUTREACH.volunteerTeam,
      communityId: DEMO.communityId,
      name: '红星志愿服务队',
      kind: 'volunteer',
      leaderUserId: s.userId('demo-volunteer'),
      leaderName: '赵志远',
      createdBy: partyOrgId,
      createdAt: at(60),
    },
    {
      _id: DEMO_OUTREACH.massTeam,
      communityId: DEMO.communityId,
      name: '万寿园广场舞队',
      kind: 'mass',
      leaderUserId: s.userId('demo-resident3'),
      leaderName: '冯国庆',
      createdBy: rcId,
      createdAt: at(45),
    },
  ];
  for (const t of teams) {
    await s.ops.insert(TEAMS, t);
    await count({ teams: 1 });
  }
}
