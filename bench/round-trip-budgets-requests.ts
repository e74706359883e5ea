/** Round-trip budgets of the `requests` function (see round-trip-budgets.ts). */
import { DEMO } from '../cloudfunctions/core/seed/demo-ids';
import type { Budget } from './round-trip-budgets';

/** Demo requests (cloudfunctions/core/seed/requests.ts) by their state in the seed. */
const DEMO_REQUESTS = {
  /** submitted, public, compound 1, by demo-resident */
  light: 'rq_demo_light',
  /** in progress, property leads */
  garbage: 'rq_demo_garbage',
  /** resolved, by demo-resident, not yet rated */
  garage: 'rq_demo_garage',
  /** major matter: residents' committee and property agreed, owners' committee not yet */
  wall: 'rq_demo_wall',
  /** major matter objected to: awaiting the party organisation's decision */
  green2parking: 'rq_demo_green2parking',
} as const;

/**
 * What a request's write adds when it moves its firm's counts (app/community/totals.ts): a read of
 * its street's firm counts in the transaction, beside the community's write, whence the street's
 * busiest firms on its totals (so the city overview reads small documents); two more writes.
 */
const FIRM_COUNTS =
  "reads its street's request counts per firm in the transaction (the street's busiest firms, written with its totals, are computed from them); writes besides: those firm counts and the firm's city-wide counts (app/community/totals.ts)";

export const REQUESTS_BUDGETS: Record<string, Budget> = {
  submit: {
    reads: 4,
    writes: 7,
    why: `the caller, the compound and the community (its time limits); writes: the request, its community's oversight counters and its street's totals (app/community/totals.ts; the request carries its street), the idempotency claim (clientToken) and its stored result; ${FIRM_COUNTS}`,
    call: () => ({
      openid: 'demo-resident',
      data: {
        category: 'facilities',
        title: '3栋电梯异响',
        description: '3栋2单元电梯运行时有明显异响，请尽快检修。',
        compoundId: DEMO.compound1,
        isPublic: true,
      },
    }),
  },
  get: {
    reads: 3,
    why: 'the caller, the request and whether the caller follows it',
    call: () => ({ openid: 'demo-resident', data: { requestId: DEMO_REQUESTS.light } }),
  },
  list: { reads: 2, why: 'the caller (which inbox) and the page', call: () => ({ openid: 'demo-rc', data: { scope: 'inbox' } }) },
  similar: {
    reads: 2,
    why: 'the caller and the page',
    call: () => ({ openid: 'demo-resident', data: { compoundId: DEMO.compound1, category: 'facilities' } }),
  },
  follow: { reads: 2, why: 'the caller and the request', call: () => ({ openid: 'demo-oc', data: { requestId: DEMO_REQUESTS.light } }) },
  accept: {
    reads: 5,
    writes: 9,
    why: `the caller and the request, then the handling parties' staff to notify (two finds); one notification per recipient, and the community's request counters (app/admin/counters.ts) and its street's totals (app/community/totals.ts) in the same transaction; ${FIRM_COUNTS}`,
    call: () => ({
      openid: 'demo-rc',
      data: { requestId: DEMO_REQUESTS.light, leadParty: 'property', coHandlers: ['owners_committee'] },
    }),
  },
  reject: {
    reads: 3,
    writes: 6,
    why: `the caller and the request; writes: the request, the submitter's message, the community's request counters and its street's totals (app/community/totals.ts), in one transaction; ${FIRM_COUNTS}`,
    call: () => ({ openid: 'demo-rc', data: { requestId: DEMO_REQUESTS.light, reason: '不属于社区受理范围，已告知办理渠道' } }),
  },
  withdraw: {
    reads: 3,
    writes: 5,
    why: `the caller and the request; writes: the request, the community's request counters and its street's totals, in one transaction; ${FIRM_COUNTS}`,
    call: () => ({ openid: 'demo-resident', data: { requestId: DEMO_REQUESTS.light } }),
  },
  update: {
    reads: 3,
    writes: 6,
    why: `the caller and the request; writes: the request, the submitter's message, the community's request counters and its street's totals (app/community/totals.ts), in one transaction; ${FIRM_COUNTS}`,
    call: () => ({
      openid: 'demo-property',
      data: { requestId: DEMO_REQUESTS.garbage, status: 'resolved', note: '已调整清运时间，连续一周复查无堆放' },
    }),
  },
  deliberate: {
    reads: 4,
    why: 'the caller and the request, then the parties to tell when the stage changes (two finds)',
    call: () => ({ openid: 'demo-oc', data: { requestId: DEMO_REQUESTS.wall, position: 'agree', opinion: '同意改造' } }),
  },
  decide: {
    reads: 4,
    writes: 5,
    why: "the caller and the request, then the three parties' staff to notify (two finds); audit plus one notification per recipient",
    call: () => ({
      openid: 'demo-party',
      data: { requestId: DEMO_REQUESTS.green2parking, outcome: 'proceed', note: '联席会议决定继续办理，先征求业主意见' },
    }),
  },
  rate: {
    reads: 3,
    writes: 5,
    why: `the caller and the request; writes: the rating, the community's request counters and its street's totals, in one transaction; ${FIRM_COUNTS}`,
    call: () => ({ openid: 'demo-resident', data: { requestId: DEMO_REQUESTS.garage, score: 4, solved: true } }),
  },
  reopen: {
    reads: 4,
    writes: 6,
    why: `the caller and the request, then the handlers to notify; writes: the request, the message, the community's request counters and its street's totals (app/community/totals.ts), in one transaction; ${FIRM_COUNTS}`,
    call: () => ({ openid: 'demo-resident', data: { requestId: DEMO_REQUESTS.garage, reason: '雨后入口又有积水' } }),
  },
  comment: {
    reads: 2,
    why: 'the caller and the request',
    call: () => ({ openid: 'demo-resident', data: { requestId: DEMO_REQUESTS.light, note: '晚上 7 点后最暗，请优先处理' } }),
  },
  revealPhone: {
    reads: 3,
    why: "the caller, the request and the submitter's record",
    call: () => ({ openid: 'demo-rc', data: { requestId: DEMO_REQUESTS.light } }),
  },
};
