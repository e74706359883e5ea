/**
 * Database round trips per action: the budget of every action of every cloud function.
 *
 * The goal is 1 read and at most 3 writes per action. `reads` is the budget the test enforces
 * (round trips through the Store port, the caller's own record loaded by dispatch included);
 * where it is above 1 by design, `why` says so in one line, and the bench table shows the miss.
 * `writes` defaults to 3. Every action in FUNCTIONS needs a row (test/bench/round-trips.test.ts
 * fails otherwise), so a new action gets a budget when it is added.
 *
 * `call` prepares what the action needs (through the real entries, uncounted) and returns the
 * counted call: a representative valid payload from the demo seed, made by the right role.
 */
import type { Result } from '../cloudfunctions/core/app/result';
import type { Doc, Filter, FindOptions } from '../cloudfunctions/core/ports/store';
import { DEMO } from '../cloudfunctions/core/seed/demo-ids';
import { DEMO_ACTIVITIES } from '../cloudfunctions/core/seed/volunteer';
import { ADMIN_BUDGETS } from './round-trip-budgets-admin';
import { OWNERS_BUDGETS } from './round-trip-budgets-owners';
import { OUTREACH_BUDGETS } from './round-trip-budgets-outreach';
import { REQUESTS_BUDGETS } from './round-trip-budgets-requests';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The write goal of every action. */
export const WRITE_GOAL = 3;
/** The read goal of every action. */
export const READ_GOAL = 1;

/** What a row's `call` may use: the seeded database at the bench's fixed time, uncounted. */
export interface BudgetContext {
  now: Date;
  /** The user id of a demo openid. */
  userId(openid: string): string;
  /** Calls an action through its function entry as `openid`, uncounted; throws unless it succeeds. */
  prepare<T = unknown>(fn: string, action: string, data: unknown, openid: string): Promise<T>;
  /** Calls an action through its function entry as `openid`, uncounted, and returns the envelope. */
  attempt<T = unknown>(fn: string, action: string, data: unknown, openid: string): Promise<Result<T>>;
  /** Reads the database, uncounted. */
  find<T extends Doc = Doc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  /** Writes a document directly, uncounted (for state no action creates). */
  insert(collection: string, doc: Doc): Promise<void>;
}

/** The counted call. */
export interface CountedCall {
  openid: string | null;
  data: unknown;
}

export interface Budget {
  reads: number;
  /** At most WRITE_GOAL unless a `why` explains more. */
  writes?: number;
  /** Why the action needs more than READ_GOAL reads (or WRITE_GOAL writes). */
  why?: string;
  call(ctx: BudgetContext): Promise<CountedCall> | CountedCall;
}

export type BudgetTable = Record<string, Record<string, Budget>>;

const registration = {
  name: '林晓',
  phone: '13812345678',
  communityId: DEMO.communityId,
  compoundId: DEMO.compound1,
  building: '3栋',
  room: '1202',
};

export const BUDGETS: BudgetTable = {
  account: {
    whoami: { reads: 1, call: () => ({ openid: 'demo-resident', data: {} }) },
    register: {
      reads: 2,
      why: 'the caller (to refuse a second registration) and the compound (to check the address)',
      call: () => ({ openid: 'bench-newcomer', data: registration }),
    },
    approve: {
      reads: 4,
      writes: 5,
      why: "the caller (authorisation) and the user being approved, then beside the approval their volunteer profile (an approved resident's profile counts in the community's volunteer share) and their community (its street); writes: the user, the message, the community's oversight counters (app/admin/counters.ts), its street's totals (app/community/totals.ts) and the audit",
      call: (c) => ({ openid: 'demo-rc', data: { userId: c.userId('demo-pending') } }),
    },
    grantRole: {
      reads: 3,
      why: 'the caller, the target user, and the firm when granting property_staff',
      call: (c) => ({ openid: 'demo-admin', data: { userId: c.userId('demo-resident2'), role: 'property_staff', firmId: DEMO.firm2 } }),
    },
    listMembers: {
      reads: 2,
      why: 'the caller (staff scope) and the page of members',
      call: () => ({ openid: 'demo-rc', data: { communityId: DEMO.communityId } }),
    },
    invite: {
      reads: 2,
      why: 'the caller and the scope the role is for (its levels above, to check the granter)',
      call: () => ({ openid: 'demo-rc', data: { role: 'oc_member', scopeId: DEMO.compound1 } }),
    },
    redeem: {
      reads: 2,
      writes: 6,
      why: "the caller and the invitation, read together; the redemption is decided on them (the invitation's scope names the street); writes: the invitation, the user, the community's oversight counters (app/admin/counters.ts) and its street's totals (app/community/totals.ts), the role's holder record (app/account/holders.ts, for the revoke page) and the audit",
      call: async (c) => {
        const inv = await c.prepare<{ code: string }>('account', 'invite', { role: 'oc_member', scopeId: DEMO.compound1 }, 'demo-rc');
        return { openid: 'bench-invitee', data: { code: inv.code } };
      },
    },
    revokeRole: {
      reads: 3,
      writes: 5,
      why: "the caller, the scope (to check the level above; it names its street) and the user whose role goes, read together; writes: the user, the community's oversight counters and its street's totals (app/community/totals.ts), the role's holder record (app/account/holders.ts) and the audit",
      call: (c) => ({ openid: 'demo-rc', data: { userId: c.userId('demo-oc2'), role: 'oc_member', scopeId: DEMO.compound1 } }),
    },
  },
  community: {
    list: {
      reads: 2,
      why: 'communities and compounds are two collections (two finds, issued in parallel)',
      call: () => ({ openid: null, data: {} }),
    },
    streets: { reads: 1, why: "the streets (a picker's first step)", call: () => ({ openid: null, data: {} }) },
    stats: {
      reads: 4,
      why: "a dashboard from the community's counters: the caller, the community, its compounds (the firms' names) and the year's attended signups (volunteer hours), read together",
      call: () => ({ openid: 'demo-rc', data: { communityId: DEMO.communityId } }),
    },
  },
  volunteer: {
    register: {
      reads: 4,
      writes: 5,
      why: "the caller, then in the numbering transaction the existing profile and the community's volunteer counter, and beside the community's write the community (its street); writes: the number counter, the profile, the community's backbone counters (volunteers, party, 共青团员) and oversight counters (an approved resident's volunteer share, app/admin/counters.ts) in one write, its street's totals (app/community/totals.ts) and the audit",
      call: () => ({ openid: 'demo-resident', data: { realName: '陈玉珍', phone: '13907160006', skills: ['宣传'] } }),
    },
    profile: {
      reads: 2,
      why: "the caller's record (dispatch) and the volunteer profile",
      call: () => ({ openid: 'demo-volunteer', data: {} }),
    },
    createActivity: {
      reads: 2,
      writes: 4,
      why: 'the caller and the community (its name and rules go on the activity), read together; writes: the activity and its audit entry in one transaction (the change and its audit entry are one transaction (RULES.md §5: the audit must not lose a change)), the idempotency claim (clientToken) and its stored result',
      call: (c) => {
        const start = new Date(c.now.getTime() + 10 * DAY);
        return {
          openid: 'demo-rc',
          data: {
            communityId: DEMO.communityId,
            title: '楼道清洁日',
            category: 'environment',
            description: '清理楼道杂物，张贴消防通道提示。',
            location: '江津花园 中心广场',
            startAt: start.toISOString(),
            endAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
            capacity: 20,
            waitlist: true,
          },
        };
      },
    },
    listActivities: { reads: 1, call: () => ({ openid: 'demo-volunteer', data: { communityId: DEMO.communityId } }) },
    getActivity: {
      reads: 3,
      why: "the activity, the caller's signup and the caller's record (a public action), read in parallel",
      call: () => ({ openid: 'demo-volunteer', data: { activityId: DEMO_ACTIVITIES.cleanup } }),
    },
    cancelActivity: {
      reads: 8,
      writes: 8,
      why: 'the caller and the activity; the active signups, then in one transaction the activity, each signup and its volunteer; writes: the cancellation with the counters and the clean-up mark (one update), its audit, and per signup its release, slot and message (2 confirmed in the demo): it grows with the signups',
      call: () => ({ openid: 'demo-rc', data: { activityId: DEMO_ACTIVITIES.cleanup, reason: '天气原因，活动取消' } }),
    },
    // A seat nobody holds yet: confirmed.
    signup: {
      reads: 4,
      writes: 5,
      why: 'the caller, the activity, the volunteer profile and any earlier signup, read together; writes: the idempotency claim (clientToken), then in the seat transaction the activity, the signup, the profile and the stored result',
      call: () => ({ openid: 'demo-volunteer', data: { activityId: DEMO_ACTIVITIES.counseling } }),
    },
    // The costly path: a confirmed volunteer of a full activity cancels and the first waitlisted is promoted.
    cancel: {
      reads: 6,
      writes: 6,
      why: "the caller, the activity, the canceller's signup and profile, read together; the seat transaction writes them, and reads and promotes the first waitlisted (their signup and profile) and notifies them",
      call: () => ({ openid: 'demo-oc', data: { activityId: DEMO_ACTIVITIES.civility } }),
    },
    mySignups: { reads: 2, why: 'the caller and the page of signups', call: () => ({ openid: 'demo-volunteer', data: {} }) },
    myRecords: {
      reads: 3,
      why: 'the caller, the volunteer profile (total hours) and the page of records',
      call: () => ({ openid: 'demo-volunteer', data: {} }),
    },
    checkIn: {
      reads: 3,
      why: 'the caller, the activity (organiser check) and the signup',
      call: (c) => ({ openid: 'demo-rc', data: { activityId: DEMO_ACTIVITIES.ongoing, userId: c.userId('demo-volunteer') } }),
    },
    checkOut: {
      reads: 3,
      why: 'the caller, the activity (organiser check) and the signup',
      call: (c) => ({ openid: 'demo-rc', data: { activityId: DEMO_ACTIVITIES.ongoing, userId: c.userId('demo-oc') } }),
    },
    roster: {
      reads: 3,
      why: 'the caller, the activity (organiser check) and the page of signups',
      call: () => ({ openid: 'demo-rc', data: { activityId: DEMO_ACTIVITIES.cleanup } }),
    },
    revealPhone: {
      reads: 3,
      why: 'the caller, the activity (organiser check) and the signup',
      call: (c) => ({ openid: 'demo-rc', data: { activityId: DEMO_ACTIVITIES.cleanup, userId: c.userId('demo-volunteer') } }),
    },
  },
  requests: REQUESTS_BUDGETS,
  ratings: {
    submit: {
      reads: 5,
      why: 'the caller and the compound, whether it has a compound party organisation (who rates in the party place), then in the transaction the period and any earlier sheet',
      call: () => ({
        openid: 'demo-oc',
        data: {
          compoundId: DEMO.compound1,
          period: '2026-H2',
          scores: { environment: 4, greening: 4, security: 5, facilities: 4, repairs: 4, fees: 5, coGovernance: 4 },
        },
      }),
    },
    publish: {
      reads: 16,
      writes: 12,
      why: "computes the whole period: caller; community, period, compounds, sheets, serious items; the compounds' service histories (each sheet credits the firm serving then) with each compound's satisfaction counts, and each firm's results in every community, its city-wide result and the latest grades (app/ratings/city-grades.ts); the black-list audience; then one transaction writes the publication, its history entry, one result per firm, each firm's city-wide result and the grades, issued together; then the black-list notices and the period's pending flag",
      call: () => ({ openid: 'demo-party', data: { period: '2026-H2' } }),
    },
    board: {
      reads: 2,
      why: 'the published periods and the community (its credit rules, which the board explains)',
      call: () => ({ openid: null, data: { communityId: DEMO.communityId } }),
    },
    firm: {
      reads: 3,
      why: 'the firm, its published results and the compounds it serves, read in parallel',
      call: () => ({ openid: null, data: { firmId: DEMO.firm1 } }),
    },
    firmGrades: {
      reads: 2,
      why: "the firms' city-wide results and the firms themselves (whether each has a party organisation)",
      call: () => ({ openid: null, data: { firmIds: [DEMO.firm1, DEMO.firm2] } }),
    },
    mySheets: {
      reads: 6,
      why: "the caller and their sheets; their compound, the community's open period and whether the compound has a compound party organisation (its holders by residence and by invitation, read together)",
      call: () => ({ openid: 'demo-oc', data: {} }),
    },
    period: {
      reads: 10,
      why: "a staff overview: caller, period, compounds, sheets, raters, serious items, periods and publications, read in parallel; the community (its credit rules); the raters are the community's role holders (role_holders), then their records",
      call: () => ({ openid: 'demo-party', data: { period: '2026-H2' } }),
    },
    sheets: { reads: 2, why: 'the caller and the page of sheets', call: () => ({ openid: 'demo-party', data: { period: '2026-H2' } }) },
    export: {
      reads: 7,
      why: "the caller, the community (scope check), the period's firm results with their count beside (the export limit, same round), then the firms, communities and city-wide results (three reads in parallel)",
      call: () => ({ openid: 'demo-party', data: { period: '2026-H1', communityId: DEMO.communityId } }),
    },
    recordSeriousItem: {
      reads: 2,
      why: 'the caller and the compound',
      call: () => ({
        openid: 'demo-party',
        data: {
          compoundId: DEMO.compound2,
          period: '2026-H2',
          description: '消防通道长期被占用，物业未按要求整改。',
          evidence: ['现场照片（2026-11-15）'],
        },
      }),
    },
  },
  messages: {
    list: { reads: 2, why: 'the caller, then one page of their messages', call: () => ({ openid: 'demo-resident', data: {} }) },
    unread: { reads: 2, why: 'the caller, then one count', call: () => ({ openid: 'demo-resident', data: {} }) },
    markRead: {
      reads: 2,
      why: 'the caller, then one page of their unread messages (one write each)',
      call: () => ({ openid: 'demo-resident', data: {} }),
    },
    templates: { reads: 1, call: () => ({ openid: 'demo-resident', data: {} }) },
    subscribe: { reads: 1, call: () => ({ openid: 'demo-resident', data: { accepted: ['activity_reminder'] } }) },
  },
  admin: ADMIN_BUDGETS,
  owners: OWNERS_BUDGETS,
  outreach: OUTREACH_BUDGETS,
};
