/**
 * Round-trip budgets of the outreach function's actions (the table's conventions: round-trip-budgets.ts).
 */
import { DEMO } from '../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../cloudfunctions/core/seed/outreach';
import type { Budget } from './round-trip-budgets';

export const OUTREACH_BUDGETS: Record<string, Budget> = {
  report: {
    reads: 4,
    writes: 4,
    why: "the caller, then the community, their volunteer profile and their other report in parallel; writes: the report, the community's pending count and its street's (app/community/totals.ts), and the audit entry",
    call: () => ({
      openid: 'demo-oc',
      data: { communityId: DEMO.communityId, unitName: '荆州市财政局', branchName: '机关第一党支部', kind: 'paired' },
    }),
  },
  myReports: {
    reads: 3,
    why: 'the caller, then their reports and building posts in parallel',
    call: () => ({ openid: 'demo-cadre', data: {} }),
  },
  listReports: {
    reads: 3,
    why: 'the caller, one page of reports, then the building posts of those members',
    call: () => ({ openid: 'demo-party', data: { communityId: DEMO.communityId } }),
  },
  confirmReport: {
    reads: 6,
    writes: 6,
    why: "caller, report and member, then in the transaction the volunteer profile and its number counter, and the community (its street) beside its counters' write; writes: the report, the community's backbone counters and its street's totals (app/community/totals.ts), the profile (a new one with its number and its party count, or the flag on an existing one) and the audit",
    call: (c) => ({ openid: 'demo-party', data: { reportId: `${c.userId('demo-volunteer')}:residence` } }),
  },
  appointBuildingRole: {
    reads: 5,
    writes: 4,
    why: "caller, compound, the member's two reports, then the post's previous holder; writes: the post, the community's count of posts and its street's (app/community/totals.ts; the compound names the street), and the audit entry",
    call: (c) => ({
      openid: 'demo-party',
      data: { userId: c.userId('demo-cadre'), compoundId: DEMO.compound1, building: '5栋', role: 'building_head' },
    }),
  },
  vacateBuildingRole: {
    reads: 3,
    writes: 4,
    why: "the caller, the compound and the post, read together (their ids come from the input); writes: the post's removal, the community's count of posts and its street's (app/community/totals.ts; the compound names the street), and the audit entry",
    call: (c) => ({
      openid: 'demo-party',
      data: { compoundId: DEMO.compound1, building: '3栋', role: 'party_group_leader', userId: c.userId('demo-cadre') },
    }),
  },
  needCategories: {
    reads: 2,
    why: "the caller, then the community's rules",
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  publishNeed: {
    reads: 2,
    writes: 4,
    why: "the caller, then the community's categories; writes: the idempotency claim (clientToken) and its stored result besides the need and its audit",
    call: () => ({
      openid: 'demo-rc',
      data: {
        communityId: DEMO.communityId,
        kind: 'general',
        category: 'elder_care',
        title: '陪同就医',
        text: '每周二上午陪同老人复诊。',
      },
    }),
  },
  wish: {
    reads: 2,
    writes: 4,
    why: "the caller, then the community's categories; writes: the idempotency claim (clientToken) and its stored result besides the wish and its audit",
    call: () => ({ openid: 'demo-resident', data: { text: '希望有人帮忙换灯泡' } }),
  },
  reviewWish: {
    reads: 3,
    why: "caller, the wish, then the community's categories",
    call: () => ({ openid: 'demo-rc', data: { needId: 'need_demo_wish_phone', approve: true } }),
  },
  listNeeds: {
    reads: 2,
    why: 'the caller, then one page of needs',
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  getNeed: {
    reads: 5,
    why: "caller and need, then its claims and the caller's two reports in parallel",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_elder' } }),
  },
  myNeeds: {
    reads: 2,
    why: 'the caller, then one page of their claims',
    call: () => ({ openid: 'demo-cadre', data: { as: 'claimant' } }),
  },
  claim: {
    reads: 6,
    writes: 5,
    why: "caller, need and the caller's two reports, then in the transaction the need and any earlier claim; writes: the idempotency claim (clientToken) and its stored result",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_legal' } }),
  },
  complete: {
    reads: 3,
    why: "caller, need, then the caller's claim",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_elder', note: '已代购米面油' } }),
  },
  confirmDone: {
    reads: 9,
    writes: 6,
    why: "caller, need and its claims, the need again per confirmed claim in its transaction, the community (its street) beside its count's write, then the fresh detail; writes per claim in one transaction: claim, need, the community's service count and its street's (app/community/totals.ts), a message to the claimant and one to a wish's resident; and the audit",
    call: () => ({ openid: 'demo-rc', data: { needId: 'need_demo_repair' } }),
  },
  thank: {
    reads: 6,
    why: "caller and need, the confirmed claims (their members are told), then the fresh detail's claims and the caller's two reports",
    call: () => ({ openid: 'demo-resident2', data: { needId: 'need_demo_wish_glasses', score: 5 } }),
  },
  unitFeedback: {
    reads: 6,
    why: 'caller, community, then four reads of the community in parallel: its reports (both statuses), building posts, confirmed services and attended signups in the period',
    call: () => ({ openid: 'demo-party', data: { communityId: DEMO.communityId } }),
  },
  createTeam: {
    reads: 3,
    writes: 4,
    why: "the caller, then the community and the leader in parallel; writes: the team, the community's count of teams and its street's (app/community/totals.ts), and the audit entry",
    call: (c) => ({ openid: 'demo-party', data: { communityId: DEMO.communityId, name: '巡逻队', leaderUserId: c.userId('demo-oc') } }),
  },
  setTeamLeader: {
    reads: 3,
    why: 'the caller, the team and the new leader, read together (their ids come from the input); the new leader lives in the community, so no report is read',
    call: (c) => ({ openid: 'demo-party', data: { teamId: DEMO_OUTREACH.volunteerTeam, leaderUserId: c.userId('demo-resident') } }),
  },
  listTeams: {
    reads: 2,
    why: "the caller and the teams (each team's figures are counters on its record)",
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  myTeams: {
    reads: 2,
    why: 'the caller and the teams they lead, read together',
    call: () => ({ openid: 'demo-volunteer', data: {} }),
  },
};
