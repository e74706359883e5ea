/**
 * The samples of the owners' and outreach functions (see action-samples.ts, which lists them with
 * the others).
 */
import { DEMO, DEMO_MOTIONS } from '../../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../../cloudfunctions/core/seed/outreach';
import type { Harness } from './harness';
import { OTHER } from './other-world';
import { must, type SampleBuilder } from './sample-call';

/** A report to the demo community (paired: a member may report where their unit is paired). */
export const REPORT = { communityId: DEMO.communityId, unitName: '荆州市财政局', branchName: '机关第一党支部', kind: 'paired' } as const;

/** demo-volunteer's pending report (seeded), confirmed by demo-party: he may then claim needs. */
export async function confirmVolunteerReport(h: Harness): Promise<void> {
  await must(h, 'outreach', 'confirmReport', { reportId: `${h.userId('demo-volunteer')}:residence` }, 'demo-party');
}

/** A wish of demo-resident that demo-volunteer did and demo-rc confirmed: she may thank. */
export async function doneWish(h: Harness): Promise<string> {
  const wish = await must<{ needId: string }>(h, 'outreach', 'wish', { text: '希望有人帮我修一下阳台晾衣架' }, 'demo-resident');
  await must(h, 'outreach', 'reviewWish', { needId: wish.needId, approve: true }, 'demo-rc');
  await confirmVolunteerReport(h);
  await must(h, 'outreach', 'claim', { needId: wish.needId }, 'demo-volunteer');
  await must(h, 'outreach', 'complete', { needId: wish.needId, note: '已更换晾衣架滑轮' }, 'demo-volunteer');
  await must(h, 'outreach', 'confirmDone', { needId: wish.needId }, 'demo-rc');
  return wish.needId;
}

const REGISTER_ROWS = [
  { building: '5栋', room: '502', area: '118.36', ownerName: '张志强', ownerPhone: '13907160004' },
  { building: '1栋', room: '101', area: 102.4, ownerName: '钱文华', ownerPhone: '13871600101' },
  { building: '9栋', room: '901', area: '132', ownerName: '荆州江津置业有限公司', ownerPhone: '0716-8211000', developerHeld: true },
] as const;

const MOTION = {
  compoundId: DEMO.compound1,
  matter: 'manager',
  title: '续聘物业服务企业',
  text: '是否续聘楚韵物业为本小区物业服务企业，服务期三年',
} as const;

const daysFrom = (h: Harness, days: number) => new Date(h.clock.now().getTime() + days * 86_400_000).toISOString();

export const OWNERS_SAMPLES: Record<string, SampleBuilder> = {
  importRegister: async () => ({ compoundId: DEMO.compound1, rows: [...REGISTER_ROWS] }),
  'importRegister#compound2': async () => ({ compoundId: DEMO.compound2, rows: [...REGISTER_ROWS] }),
  register: async () => ({ compoundId: DEMO.compound1 }),
  residents: async () => ({ compoundId: DEMO.compound1 }),
  // demo-oc2 (8栋 801) by hand
  linkUnit: async (h) => ({ compoundId: DEMO.compound1, userId: h.userId('demo-oc2'), building: '8栋', room: '801' }),
  draft: async (h) => ({ ...MOTION, opensAt: daysFrom(h, 20), closesAt: daysFrom(h, 27) }),
  'draft#compound2': async (h) => ({ ...MOTION, compoundId: DEMO.compound2, opensAt: daysFrom(h, 20), closesAt: daysFrom(h, 27) }),
  announce: async (h) => ({
    motionId: (
      await must<{ motionId: string }>(h, 'owners', 'draft', { ...MOTION, opensAt: daysFrom(h, 20), closesAt: daysFrom(h, 27) }, 'demo-oc')
    ).motionId,
  }),
  list: async () => ({ compoundId: DEMO.compound1 }),
  get: async () => ({ motionId: DEMO_MOTIONS.open }),
  vote: async () => ({ motionId: DEMO_MOTIONS.open, choice: 'agree' }),
  recordPaper: async () => ({
    motionId: DEMO_MOTIONS.open,
    building: '2栋',
    room: '202',
    choice: 'agree',
    photoFileId: 'local://uploads/paper-ballot-01.jpg',
  }),
  result: async () => ({ motionId: DEMO_MOTIONS.closed }),
  exportBallots: async () => ({ motionId: DEMO_MOTIONS.closed }),
};

export const OUTREACH_SAMPLES: Record<string, SampleBuilder> = {
  report: async () => ({ ...REPORT }),
  'report#residence': async () => ({ ...REPORT, kind: 'residence' }),
  myReports: async () => ({}),
  listReports: async () => ({ communityId: DEMO.communityId }),
  confirmReport: async (h) => ({ reportId: `${h.userId('demo-volunteer')}:residence` }),
  appointBuildingRole: async (h) => ({
    userId: h.userId('demo-cadre'),
    compoundId: DEMO.compound1,
    building: '3栋',
    role: 'building_head',
  }),
  // the seeded post (demo-cadre, 江津花园 3栋); an empty post of the other community's compound
  vacateBuildingRole: async (h) => ({
    compoundId: DEMO.compound1,
    building: '3栋',
    role: 'party_group_leader',
    userId: h.userId('demo-cadre'),
  }),
  'vacateBuildingRole#other': async () => ({ compoundId: OTHER.compoundId, building: '11栋', role: 'building_head' }),
  publishNeed: async () => ({
    communityId: DEMO.communityId,
    kind: 'general',
    category: 'elder_care',
    title: '陪同高龄老人就医',
    text: '每周二上午陪同 9 栋的两位高龄老人去市中心医院复诊。',
  }),
  'publishNeed#other': async () => ({
    communityId: OTHER.communityId,
    kind: 'professional',
    category: 'legal',
    title: '法律咨询',
    text: '为居民解答物业纠纷相关的法律问题。',
  }),
  needCategories: async () => ({ communityId: DEMO.communityId }),
  wish: async () => ({ text: '希望有人帮忙把家里的旧衣物送到捐赠点' }),
  reviewWish: async () => ({ needId: DEMO_OUTREACH.pendingWish, approve: true }),
  listNeeds: async () => ({ communityId: DEMO.communityId }),
  'listNeeds#pending': async () => ({ communityId: DEMO.communityId, status: 'pending_review' }),
  getNeed: async () => ({ needId: DEMO_OUTREACH.legalNeed }),
  myNeeds: async () => ({ as: 'claimant' }),
  claim: async (h) => {
    await confirmVolunteerReport(h);
    return { needId: DEMO_OUTREACH.legalNeed };
  },
  complete: async (h) => {
    await confirmVolunteerReport(h);
    await must(h, 'outreach', 'claim', { needId: DEMO_OUTREACH.legalNeed }, 'demo-volunteer');
    return { needId: DEMO_OUTREACH.legalNeed, note: '已为 5 户居民解答租赁合同问题' };
  },
  confirmDone: async () => ({ needId: DEMO_OUTREACH.repairNeed }),
  thank: async (h) => ({ needId: await doneWish(h), score: 5, message: '非常感谢，晾衣架好用了' }),
  unitFeedback: async () => ({ communityId: DEMO.communityId }),
  createTeam: async (h) => ({ communityId: DEMO.communityId, name: '江津花园巡逻队', leaderUserId: h.userId('demo-volunteer') }),
  setTeamLeader: async (h) => ({ teamId: DEMO_OUTREACH.volunteerTeam, leaderUserId: h.userId('demo-resident') }),
  // a team of the other community (its resident leads), handed to its residents' committee member
  'setTeamLeader#other': async (h) => {
    const team = await must<{ teamId: string }>(
      h,
      'outreach',
      'createTeam',
      { communityId: OTHER.communityId, name: '东城巡逻队', leaderUserId: h.userId(OTHER.residentOpenid) },
      OTHER.rcOpenid,
    );
    return { teamId: team.teamId, leaderUserId: h.userId(OTHER.rcOpenid) };
  },
  listTeams: async () => ({ communityId: DEMO.communityId }),
  myTeams: async () => ({}),
};
