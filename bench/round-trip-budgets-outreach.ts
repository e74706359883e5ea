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
    why: "the caller, the community, their volunteer profile and their other report, read together; writes: the report, the community's pending count and its street's (app/community/totals.ts), and the audit entry, issued together",
    call: () => ({
      openid: 'demo-oc',
      data: { communityId: DEMO.communityId, unitName: '荆州市财政局', branchName: '机关第一党支部', kind: 'paired' },
    }),
  },
  myReports: {
    reads: 3,
    why: "the caller, their reports and building posts, read together (the filter is the caller's id)",
    call: () => ({ openid: 'demo-cadre', data: {} }),
  },
  listReports: {
    reads: 3,
    why: 'the caller and one page of reports, read together, then the building posts of those members',
    call: () => ({ openid: 'demo-party', data: { communityId: DEMO.communityId } }),
  },
  confirmReport: {
    reads: 6,
    writes: 6,
    why: "caller, report, member and their volunteer profile, read together (a report's id begins with its member's; the report names its street); a member without a profile or not yet a party volunteer adds reads in the transaction (the profile, its number counter); writes: the report, the community's backbone counters and its street's totals (app/community/totals.ts), the profile (a new one with its number and its party count, or the flag on an existing one) and the audit",
    call: (c) => ({ openid: 'demo-party', data: { reportId: `${c.userId('demo-volunteer')}:residence` } }),
  },
  appointBuildingRole: {
    reads: 5,
    writes: 4,
    why: "caller, compound, the member's two reports and the post's previous holder, read together (their ids come from the input); writes: the post, the community's count of posts and its street's (app/community/totals.ts; the compound names the street), and the audit entry",
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
    why: "the caller and the community's rules, read together (its id comes from the input)",
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  publishNeed: {
    reads: 2,
    writes: 4,
    why: "the caller and the community's categories, read together (its id comes from the input); writes: the idempotency claim (clientToken) and its stored result written with the need and its audit in one transaction (the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change))",
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
    why: "the caller, then the community's categories; writes: the idempotency claim (clientToken) and its stored result, written with the wish and its audit in one transaction (the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change))",
    call: () => ({ openid: 'demo-resident', data: { text: '希望有人帮忙换灯泡' } }),
  },
  reviewWish: {
    reads: 3,
    why: "caller and the wish, read together, then (approving) the community's categories",
    call: () => ({ openid: 'demo-rc', data: { needId: 'need_demo_wish_phone', approve: true } }),
  },
  listNeeds: {
    reads: 2,
    why: 'the caller, then one page of needs',
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  getNeed: {
    reads: 5,
    why: "caller, need, its claims and the caller's two reports, read together (their ids come from the input and the caller's id)",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_elder' } }),
  },
  myNeeds: {
    reads: 2,
    why: "the caller and one page of their claims, read together (the filter is the caller's id)",
    call: () => ({ openid: 'demo-cadre', data: { as: 'claimant' } }),
  },
  claim: {
    reads: 5,
    writes: 5,
    why: "caller, need, any earlier claim and the caller's two reports, read together; writes: the idempotency claim (clientToken) and, in the transaction, its stored result besides the slot, the claim and the audit",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_legal' } }),
  },
  complete: {
    reads: 3,
    why: "caller, need and the caller's claim, read together",
    call: () => ({ openid: 'demo-cadre', data: { needId: 'need_demo_elder', note: '已代购米面油' } }),
  },
  confirmDone: {
    reads: 5,
    writes: 6,
    why: "caller, need, its claims and the caller's two reports, read together (the need names its street); writes in one transaction: each claim, the need, the community's service count and its street's (app/community/totals.ts), a message to each claimant (and one to a wish's resident at its first), and an audit entry per claim",
    call: () => ({ openid: 'demo-rc', data: { needId: 'need_demo_repair' } }),
  },
  thank: {
    reads: 5,
    why: "caller, need, its claims (the confirmed ones' members are told) and the caller's two reports, read together",
    call: () => ({ openid: 'demo-resident2', data: { needId: 'need_demo_wish_glasses', score: 5 } }),
  },
  unitFeedback: {
    reads: 6,
    why: 'caller and community, read together, then four reads of the community in parallel: its reports (both statuses), building posts, confirmed services and attended signups in the period',
    call: () => ({ openid: 'demo-party', data: { communityId: DEMO.communityId } }),
  },
  createTeam: {
    reads: 5,
    writes: 4,
    why: "the caller, the community, the leader and the leader's two reports (a leader from outside the community leads as a member reported in there), read together; writes: the team, the community's count of teams and its street's (app/community/totals.ts), and the audit entry",
    call: (c) => ({ openid: 'demo-party', data: { communityId: DEMO.communityId, name: '巡逻队', leaderUserId: c.userId('demo-oc') } }),
  },
  setTeamLeader: {
    reads: 3,
    why: 'the caller, the team and the new leader, read together (their ids come from the input); the new leader lives in the community, so no report is read',
    call: (c) => ({ openid: 'demo-party', data: { teamId: DEMO_OUTREACH.volunteerTeam, leaderUserId: c.userId('demo-resident') } }),
  },
  listTeams: {
    reads: 2,
    why: "the caller and the teams, read together (each team's figures are counters on its record)",
    call: () => ({ openid: 'demo-cadre', data: { communityId: DEMO.communityId } }),
  },
  myTeams: {
    reads: 2,
    why: 'the caller and the teams they lead, read together',
    call: () => ({ openid: 'demo-volunteer', data: {} }),
  },
};
