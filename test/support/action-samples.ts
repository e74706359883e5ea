/**
 * A valid payload for every action of every function, built from the demo seed's ids; where an
 * action needs an object first (an activity to sign up for, a request to accept) the builder
 * creates it through the real actions. The authorisation matrix, the fuzzer and the audit and
 * personal-data tests all start from these, so an action without a sample fails them.
 *
 * Keys are action names; `action#variant` adds another payload for the same action (e.g. a role
 * only an admin may grant), checked like the others.
 *
 *   const payload = await ACTION_SAMPLES.volunteer.signup(h);
 */
import type { FunctionName } from '../../cloudfunctions/core/app/functions';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import { DEMO_OUTREACH } from '../../cloudfunctions/core/seed/outreach';
import type { Harness } from './harness';

export { must, type Payload, type SampleBuilder } from './sample-call';
export { OTHER } from './other-world';
import { OTHER } from './other-world';
import { must, type Payload, type SampleBuilder } from './sample-call';
import { OWNERS_SAMPLES, OUTREACH_SAMPLES } from './action-samples-city';
import { TEAM_VOLUNTEER_SAMPLES } from './action-samples-teams';

/** The action name of a sample key (`grantRole#rc_staff` → `grantRole`). */
export const actionOf = (key: string): string => key.split('#')[0];

export const REGISTRATION = {
  name: '林晓',
  phone: '13812345678',
  communityId: DEMO.communityId,
  compoundId: DEMO.compound1,
  building: '3栋',
  room: '1202',
} as const;

/** An activity of the demo community on a day free of the seed's activities (the clock is 2026-11-20). */
export const ACTIVITY = {
  communityId: DEMO.communityId,
  title: '江津花园绿化带补种',
  category: 'environment',
  description: '补种东门绿化带的冬青，工具由居委会提供。',
  location: '江津花园东门',
  startAt: '2026-11-28T14:00:00+08:00',
  endAt: '2026-11-28T16:00:00+08:00',
  capacity: 2,
} as const;

/** An activity starting half an hour after the harness clock, so check-in is open. */
const STARTING_SOON = { startAt: '2026-11-20T09:30:00+08:00', endAt: '2026-11-20T11:30:00+08:00' } as const;

/** A seeded volunteer free during STARTING_SOON (demo-volunteer is confirmed for the seed's activity then). */
export const SECOND_VOLUNTEER = 'demo-resident2';

/** Creates an activity as demo-rc and returns its id. */
export async function createActivity(h: Harness, patch: Payload = {}): Promise<string> {
  const a = await must<{ activityId: string }>(h, 'volunteer', 'createActivity', { ...ACTIVITY, ...patch }, 'demo-rc');
  return a.activityId;
}

export const REQUEST = {
  category: 'environment',
  title: '6栋楼道堆放杂物',
  description: '6栋一单元楼道长期堆放纸箱和旧家具，堵住了消防通道。',
  compoundId: DEMO.compound1,
} as const;

/** Submits a request as demo-resident and returns its id. */
export async function submitRequest(h: Harness, patch: Payload = {}): Promise<string> {
  const r = await must<{ requestId: string }>(h, 'requests', 'submit', { ...REQUEST, ...patch }, 'demo-resident');
  return r.requestId;
}

/** A request accepted by demo-rc: the property firm leads, the owners' committee co-handles. */
export async function acceptedRequest(h: Harness): Promise<string> {
  const requestId = await submitRequest(h);
  await must(h, 'requests', 'accept', { requestId, leadParty: 'property', coHandlers: ['owners_committee'] }, 'demo-rc');
  return requestId;
}

/** A major matter accepted by demo-rc, waiting for the three parties' positions. */
export async function majorRequest(h: Harness): Promise<string> {
  const requestId = await submitRequest(h, {
    category: 'facilities',
    title: '更换小区路灯',
    description: '小区主干道路灯老化，建议使用维修资金整体更换。',
  });
  await must(h, 'requests', 'accept', { requestId, leadParty: 'property', major: true }, 'demo-rc');
  return requestId;
}

/** A request the property firm has resolved. */
export async function resolvedRequest(h: Harness): Promise<string> {
  const requestId = await acceptedRequest(h);
  await must(h, 'requests', 'update', { requestId, status: 'in_progress', note: '已安排人员' }, 'demo-property');
  await must(h, 'requests', 'update', { requestId, status: 'resolved', note: '已清理完毕并张贴提示' }, 'demo-property');
  return requestId;
}

export const RATING_SHEET = {
  compoundId: DEMO.compound1,
  period: '2026-H2',
  scores: { environment: 4, greening: 4, security: 5, facilities: 3, repairs: 4, fees: 5, coGovernance: 4 },
  comment: '保洁及时，报修响应还可以更快。',
} as const;

const SERIOUS_ITEM = {
  compoundId: DEMO.compound1,
  period: '2026-H2',
  description: '消防通道长期被占用，整改通知后仍未处理',
  evidence: ['cloud://demo-env/evidence/fire-lane.jpg'],
} as const;

export const ACTION_SAMPLES: Record<FunctionName, Record<string, SampleBuilder>> = {
  account: {
    whoami: async () => ({}),
    register: async () => ({ ...REGISTRATION }),
    approve: async (h) => ({ userId: h.userId('demo-pending') }),
    grantRole: async (h) => ({ userId: h.userId('demo-resident'), role: 'oc_member' }),
    'grantRole#rc_staff': async (h) => ({ userId: h.userId('demo-resident'), role: 'rc_staff' }),
    'grantRole#property_staff': async (h) => ({ userId: h.userId('demo-resident'), role: 'property_staff', firmId: DEMO.firm1 }),
    listMembers: async () => ({ communityId: DEMO.communityId }),
    'approve#other': async (h) => ({ userId: h.userId(OTHER.pendingOpenid) }),
    'grantRole#other': async (h) => ({ userId: h.userId(OTHER.residentOpenid), role: 'oc_member' }),
    'listMembers#other': async () => ({ communityId: OTHER.communityId }),
    'listMembers#holders': async () => ({ holders: true, compoundId: DEMO.compound1 }),
    'listMembers#holdersStreet': async () => ({ holders: true, streetId: DEMO.street1 }),
    'listMembers#holdersOther': async () => ({ holders: true, communityId: OTHER.communityId }),
    invite: async () => ({ role: 'oc_member', scopeId: DEMO.compound1 }),
    'invite#rc_staff': async () => ({ role: 'rc_staff', scopeId: DEMO.communityId }),
    'invite#street_admin': async () => ({ role: 'street_admin', scopeId: DEMO.street1 }),
    redeem: async (h) => {
      const inv = await must<{ code: string }>(h, 'account', 'invite', { role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-admin');
      return { code: inv.code };
    },
    revokeRole: async (h) => ({ userId: h.userId('demo-oc'), role: 'oc_member', scopeId: DEMO.compound1 }),
    'revokeRole#other': async (h) => ({ userId: h.userId(OTHER.rcOpenid), role: 'rc_staff', scopeId: OTHER.communityId }),
  },
  community: {
    list: async () => ({}),
    streets: async () => ({}),
    stats: async () => ({ communityId: DEMO.communityId }),
    'stats#other': async () => ({ communityId: OTHER.communityId }),
  },
  volunteer: {
    register: async () => ({ realName: '林晓', phone: '13812345678', skills: ['急救'] }),
    profile: async () => ({}),
    createActivity: async () => ({ ...ACTIVITY }),
    'createActivity#other': async () => ({ ...ACTIVITY, communityId: OTHER.communityId }),
    listActivities: async () => ({ communityId: DEMO.communityId }),
    getActivity: async (h) => ({ activityId: await createActivity(h) }),
    signup: async (h) => ({ activityId: await createActivity(h) }),
    // Another community's activity open to all volunteers.
    'signup#openToAll': async (h) => {
      const a = await must<{ activityId: string }>(
        h,
        'volunteer',
        'createActivity',
        { ...ACTIVITY, communityId: OTHER.communityId, openToAll: true },
        OTHER.rcOpenid,
      );
      return { activityId: a.activityId };
    },
    cancel: async (h) => {
      const activityId = await createActivity(h);
      await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
      return { activityId };
    },
    checkIn: async (h) => {
      const activityId = await createActivity(h, STARTING_SOON);
      await must(h, 'volunteer', 'signup', { activityId }, SECOND_VOLUNTEER);
      return { activityId, userId: h.userId(SECOND_VOLUNTEER) };
    },
    checkOut: async (h) => {
      const activityId = await createActivity(h, STARTING_SOON);
      await must(h, 'volunteer', 'signup', { activityId }, SECOND_VOLUNTEER);
      await must(h, 'volunteer', 'checkIn', { activityId, userId: h.userId(SECOND_VOLUNTEER) }, 'demo-rc');
      h.clock.set(STARTING_SOON.endAt);
      return { activityId, userId: h.userId(SECOND_VOLUNTEER) };
    },
    roster: async (h) => {
      const activityId = await createActivity(h);
      await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
      return { activityId };
    },
    revealPhone: async (h) => {
      const activityId = await createActivity(h);
      await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
      return { activityId, userId: h.userId('demo-volunteer') };
    },
    myRecords: async () => ({}),
    mySignups: async () => ({}),
    cancelActivity: async (h) => {
      const activityId = await createActivity(h);
      await must(h, 'volunteer', 'signup', { activityId }, 'demo-volunteer');
      return { activityId, reason: '天气原因，活动改期' };
    },
    // For a volunteer team: its leader (demo-volunteer) may publish too.
    'createActivity#team': async () => ({ ...ACTIVITY, teamId: DEMO_OUTREACH.volunteerTeam }),
    // The organiser's actions on a team's activity: its leader's, another team's, a former leader's.
    ...TEAM_VOLUNTEER_SAMPLES,
  },
  requests: {
    submit: async () => ({ ...REQUEST }),
    // Not public, accepted with the property firm leading and the owners' committee co-handling.
    get: async (h) => ({ requestId: await acceptedRequest(h) }),
    'get#public': async (h) => ({ requestId: await submitRequest(h, { isPublic: true }) }),
    list: async () => ({ scope: 'mine' }),
    'list#inbox': async () => ({ scope: 'inbox' }),
    'list#public': async () => ({ scope: 'public', compoundId: DEMO.compound1 }),
    similar: async () => ({ compoundId: DEMO.compound1, category: REQUEST.category }),
    follow: async (h) => ({ requestId: await submitRequest(h, { isPublic: true }) }),
    accept: async (h) => ({ requestId: await submitRequest(h), leadParty: 'property' }),
    'accept#other': async (h) => {
      const r = await must<{ requestId: string }>(
        h,
        'requests',
        'submit',
        { ...REQUEST, compoundId: OTHER.compoundId },
        OTHER.residentOpenid,
      );
      return { requestId: r.requestId, leadParty: 'residents_committee' };
    },
    reject: async (h) => ({ requestId: await submitRequest(h), reason: '不属于物业服务范围，请联系市政热线' }),
    withdraw: async (h) => ({ requestId: await submitRequest(h) }),
    update: async (h) => ({ requestId: await acceptedRequest(h), status: 'in_progress', note: '已安排保洁人员今日清理' }),
    deliberate: async (h) => ({ requestId: await majorRequest(h), position: 'agree', opinion: '同意使用维修资金更换路灯' }),
    decide: async (h) => {
      const requestId = await majorRequest(h);
      await must(h, 'requests', 'deliberate', { requestId, position: 'object', opinion: '费用过高，需要再议' }, 'demo-oc');
      return { requestId, outcome: 'proceed', note: '联席会议协调后同意继续办理' };
    },
    rate: async (h) => ({ requestId: await resolvedRequest(h), score: 5, solved: true, comment: '处理及时' }),
    reopen: async (h) => ({ requestId: await resolvedRequest(h), reason: '杂物又堆回来了' }),
    comment: async (h) => ({ requestId: await acceptedRequest(h), note: '请尽快处理' }),
    revealPhone: async (h) => ({ requestId: await acceptedRequest(h) }),
  },
  ratings: {
    submit: async () => ({ ...RATING_SHEET }),
    'submit#compound2': async () => ({ ...RATING_SHEET, compoundId: DEMO.compound2 }),
    publish: async (h) => {
      await must(h, 'ratings', 'submit', { ...RATING_SHEET }, 'demo-oc');
      return { period: RATING_SHEET.period, communityId: DEMO.communityId };
    },
    'publish#other': async (h) => {
      await must(h, 'ratings', 'submit', { ...RATING_SHEET, compoundId: OTHER.compoundId }, OTHER.partyOpenid);
      return { period: RATING_SHEET.period, communityId: OTHER.communityId };
    },
    board: async () => ({}),
    firm: async () => ({ firmId: DEMO.firm1 }),
    firmGrades: async () => ({ firmIds: [DEMO.firm1, DEMO.firm2] }),
    mySheets: async () => ({}),
    period: async () => ({ period: RATING_SHEET.period, communityId: DEMO.communityId }),
    'period#other': async () => ({ period: RATING_SHEET.period, communityId: OTHER.communityId }),
    sheets: async (h) => {
      await must(h, 'ratings', 'submit', { ...RATING_SHEET }, 'demo-oc');
      return { period: RATING_SHEET.period, communityId: DEMO.communityId };
    },
    recordSeriousItem: async () => ({ ...SERIOUS_ITEM }),
    'recordSeriousItem#other': async () => ({ ...SERIOUS_ITEM, compoundId: OTHER.compoundId }),
    export: async () => ({ period: '2026-H1', communityId: DEMO.communityId }),
    'export#other': async () => ({ period: '2026-H1', communityId: OTHER.communityId }),
  },
  messages: {
    list: async () => ({ limit: 20 }),
    unread: async () => ({}),
    markRead: async () => ({}),
    templates: async () => ({}),
    subscribe: async () => ({ accepted: ['activity_reminder', 'volunteer_promoted'] }),
  },
  admin: {
    createStreet: async () => ({ name: '朝阳街道', district: '沙市区' }),
    createCommunity: async () => ({ streetId: DEMO.street1, name: '新华社区', population: 100 }),
    'createCommunity#other': async () => ({ streetId: OTHER.streetId, name: '新华社区' }),
    createCompound: async () => ({ communityId: DEMO.communityId, name: '新华小区', buildings: ['1栋', '2栋'] }),
    'createCompound#other': async () => ({ communityId: OTHER.communityId, name: '新华小区' }),
    registerFirm: async () => ({ name: '荆州江汉物业有限公司', creditCode: makeCreditCode('91', '421002', 'MA4C7D8E'), hasPartyOrg: true }),
    assignFirm: async () => ({ compoundId: DEMO.compound1, firmId: DEMO.firm2, from: '2026-07-01' }),
    'assignFirm#other': async () => ({ compoundId: OTHER.compoundId, firmId: DEMO.firm1, from: '2026-07-01' }),
    importStructure: async () => ({
      rows: [{ district: '荆州区', street: '西城街道', community: '荆南社区', compound: '荆南小区', building: '1栋' }],
    }),
    setRules: async () => ({
      communityId: DEMO.communityId,
      rules: {
        volunteerTarget: 0.2,
        ratingWeights: { ownerSatisfaction: 0.5, partyOrg: 0.25, ownersCommittee: 0.25 },
        needCategories: { general: [{ key: 'micro_wish', label: '微心愿' }], professional: [{ key: 'tax', label: '税务咨询' }] },
      },
    }),
    'setRules#other': async () => ({ communityId: OTHER.communityId, rules: { volunteerTarget: 0.2 } }),
    structure: async () => ({}),
    'structure#street': async () => ({ streetId: DEMO.street1 }),
    firms: async () => ({ limit: 10 }),
    compound: async () => ({ compoundId: DEMO.compound1 }),
    'compound#other': async () => ({ compoundId: OTHER.compoundId }),
    rules: async () => ({ communityId: DEMO.communityId }),
    'rules#other': async () => ({ communityId: OTHER.communityId }),
    exportLedger: async () => ({ ledger: 'requests', communityId: DEMO.communityId }),
    'exportLedger#other': async () => ({ ledger: 'requests', communityId: OTHER.communityId }),
    overview: async () => ({ level: 'street', streetId: DEMO.street1 }),
    'overview#city': async () => ({ level: 'city' }),
    'overview#other': async () => ({ level: 'street', streetId: OTHER.streetId }),
    'exportLedger#outreach': async () => ({ ledger: 'outreach', communityId: DEMO.communityId }),
  },
  owners: OWNERS_SAMPLES,
  outreach: OUTREACH_SAMPLES,
};
