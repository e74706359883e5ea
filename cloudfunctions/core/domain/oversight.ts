/**
 * Oversight figures (RULES.md §1 targets, §9 oversight) from counters kept on each community:
 * what one record contributes to its community's counters, the change a write makes to them, and
 * the shares, coverage and request KPIs a street or the city reads from their sums. Pure: the
 * callers move the counters in the write that changes the record (app/admin/counters.ts) and
 * recount them from the records (app/admin/recount.ts).
 */
import { shareOf } from './outreach-report';
import type { Party, Role, UserStatus } from './roles';
import { isActive, type RequestStatus } from './request-state';
import { RESPONSE_HOURS, within } from './request-time-limits';
import { SATISFIED_MIN_SCORE } from './request-kpis';

/** What one request contributes (0 or 1 each); the KPI base counts, not the rates. */
export const REQUEST_COUNTS = [
  'total',
  'open',
  /** Open and escalated by the scheduler when its time limit passed. */
  'overdue',
  /** Answered (accepted, or refused with a reason), withdrawn ones excluded. */
  'answered',
  'answeredInTime',
  'accepted',
  /** Accepted and resolved (or closed after resolution). */
  'resolved',
  'rated',
  'satisfied',
] as const;
export type RequestCount = (typeof REQUEST_COUNTS)[number];
export type RequestCounts = Record<RequestCount, number>;

/** The facts of a request the counts read. */
export interface RequestCountFacts {
  status: RequestStatus;
  createdAt: string;
  acceptedAt: string | null;
  closedAt: string | null;
  resolvedAt: string | null;
  escalatedAt: string | null;
  rating: { score: number } | null;
  leadParty: Party | null;
  firmId: string;
}

/** The counts of one request in its current state. */
export function requestCounts(r: RequestCountFacts): RequestCounts {
  const open = isActive(r.status);
  const answeredAt = r.status === 'withdrawn' ? null : (r.acceptedAt ?? (r.status === 'rejected' ? r.closedAt : null));
  const accepted = !!r.acceptedAt;
  return {
    total: 1,
    open: open ? 1 : 0,
    overdue: open && r.escalatedAt ? 1 : 0,
    answered: answeredAt ? 1 : 0,
    answeredInTime: answeredAt && within(r.createdAt, answeredAt, RESPONSE_HOURS) ? 1 : 0,
    accepted: accepted ? 1 : 0,
    resolved: accepted && r.resolvedAt && (r.status === 'resolved' || r.status === 'closed') ? 1 : 0,
    rated: r.rating ? 1 : 0,
    satisfied: r.rating && r.rating.score >= SATISFIED_MIN_SCORE ? 1 : 0,
  };
}

/** Counter paths of one request: the community's total, its lead party's and its firm's. */
function requestPaths(r: RequestCountFacts): string[] {
  const paths = ['requests.all'];
  if (r.leadParty) paths.push(`requests.party.${r.leadParty}`);
  if (r.firmId) paths.push(`requests.firm.${r.firmId}`);
  return paths;
}

/** A change to counters: dotted path (under the community's `counters`) → amount. */
export type CounterInc = Record<string, number>;

function addInc(out: CounterInc, path: string, n: number): void {
  if (n === 0) return;
  const v = (out[path] ?? 0) + n;
  if (v === 0) delete out[path];
  else out[path] = v;
}

/** How a request's write moves its community's counters (`before` null for a new request). */
export function requestCounterInc(before: RequestCountFacts | null, after: RequestCountFacts): CounterInc {
  const out: CounterInc = {};
  const apply = (r: RequestCountFacts, sign: number) => {
    const counts = requestCounts(r);
    for (const p of requestPaths(r)) for (const k of REQUEST_COUNTS) addInc(out, `${p}.${k}`, sign * counts[k]);
  };
  if (before) apply(before, -1);
  apply(after, 1);
  return out;
}

/** The facts of a person the counters read; `grants` as app/scope.ts grantsOf gives them. */
export interface UserCountFacts {
  status: UserStatus;
  roles: readonly Role[];
  communityId: string;
  isPartyMember: boolean;
  grants: ReadonlyArray<{ role: Role; communityId?: string; compoundId?: string }>;
  /** Whether they hold a volunteer profile of their own community. */
  volunteerHere: boolean;
}

/** A person's part in their community's counters (approved residents only, RULES.md §1). */
export function userCounts(u: UserCountFacts): CounterInc {
  if (u.status !== 'active' || !u.communityId) return {};
  const resident = u.roles.includes('resident');
  const oc = u.roles.includes('oc_member');
  return {
    residents: resident ? 1 : 0,
    volunteers: resident && u.volunteerHere ? 1 : 0,
    ocMembers: oc ? 1 : 0,
    ocPartyMembers: oc && u.isPartyMember ? 1 : 0,
  };
}

/** The compounds whose party organisation (小区党组织) the person is an active member of. */
export function partyCompoundsOf(u: UserCountFacts): Array<{ compoundId: string; communityId: string }> {
  if (u.status !== 'active') return [];
  const out = new Map<string, string>();
  for (const g of u.grants) if (g.role === 'compound_party' && g.compoundId && g.communityId) out.set(g.compoundId, g.communityId);
  return [...out].map(([compoundId, communityId]) => ({ compoundId, communityId }));
}

/** How a change to a person moves counters: per community, and the members of each compound's party organisation. */
export interface UserCounterChange {
  communities: Record<string, CounterInc>;
  /** compoundId → +1 / −1 members, with the compound's community. */
  compounds: Array<{ compoundId: string; communityId: string; by: number }>;
}

export function userCounterChange(before: UserCountFacts | null, after: UserCountFacts | null): UserCounterChange {
  const communities: Record<string, CounterInc> = {};
  const apply = (u: UserCountFacts, sign: number) => {
    const inc = (communities[u.communityId] ??= {});
    for (const [k, n] of Object.entries(userCounts(u))) addInc(inc, k, sign * n);
  };
  if (before) apply(before, -1);
  if (after) apply(after, 1);
  for (const [id, inc] of Object.entries(communities)) if (Object.keys(inc).length === 0) delete communities[id];
  const by = new Map<string, { communityId: string; by: number }>();
  const move = (u: UserCountFacts | null, sign: number) => {
    for (const k of u ? partyCompoundsOf(u) : []) {
      const cur = by.get(k.compoundId) ?? { communityId: k.communityId, by: 0 };
      by.set(k.compoundId, { communityId: k.communityId, by: cur.by + sign });
    }
  };
  move(before, -1);
  move(after, 1);
  return {
    communities,
    compounds: [...by].filter(([, v]) => v.by !== 0).map(([compoundId, v]) => ({ compoundId, ...v })),
  };
}

/** The counters a community document holds (`counters`); a missing one is 0. */
export interface OversightCounters {
  residents?: number;
  volunteers?: number;
  ocMembers?: number;
  ocPartyMembers?: number;
  compounds?: number;
  /** Compounds with a compound party organisation (an active member). */
  compoundsWithParty?: number;
  /** firmId → compounds it serves now. */
  firms?: Record<string, number>;
  requests?: {
    all?: Partial<RequestCounts>;
    party?: Partial<Record<Party, Partial<RequestCounts>>>;
    firm?: Record<string, Partial<RequestCounts>>;
  };
  /** When a recount last set them (absent: never, the scheduler backfills). */
  recountedAt?: string;
}

/** Sums of several communities' counters (a street's, the city's). */
export function sumCounters(all: ReadonlyArray<OversightCounters | undefined>): OversightCounters {
  const out: OversightCounters = { firms: {}, requests: { all: {}, party: {}, firm: {} } };
  const addCounts = (into: Partial<RequestCounts>, from?: Partial<RequestCounts>) => {
    for (const k of REQUEST_COUNTS) into[k] = (into[k] ?? 0) + (from?.[k] ?? 0);
  };
  for (const c of all) {
    if (!c) continue;
    for (const k of ['residents', 'volunteers', 'ocMembers', 'ocPartyMembers', 'compounds', 'compoundsWithParty'] as const)
      out[k] = (out[k] ?? 0) + (c[k] ?? 0);
    for (const [f, n] of Object.entries(c.firms ?? {})) out.firms![f] = (out.firms![f] ?? 0) + n;
    const r = out.requests!;
    addCounts(r.all!, c.requests?.all);
    for (const [p, v] of Object.entries(c.requests?.party ?? {})) addCounts((r.party![p as Party] ??= {}), v);
    for (const [f, v] of Object.entries(c.requests?.firm ?? {})) addCounts((r.firm![f] ??= {}), v);
  }
  return out;
}

/** A figure against its target: met when the share reaches it. */
export interface TargetFigure {
  count: number;
  base: number;
  share: number | null;
  target: number;
  met: boolean;
}

export function againstTarget(count: number, base: number, target: number): TargetFigure {
  const share = shareOf(count, base);
  return { count, base, share, target, met: share !== null && share >= target };
}

/** The request KPIs the counters give (RULES.md §2): totals and the three rates. */
export interface CountedKpis {
  total: number;
  open: number;
  overdue: number;
  /** Answered within 24 h among answered requests (a request still waiting counts once answered). */
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export function kpisOf(c: Partial<RequestCounts> | undefined): CountedKpis {
  const n = (k: RequestCount) => c?.[k] ?? 0;
  return {
    total: n('total'),
    open: n('open'),
    overdue: n('overdue'),
    responseRate: shareOf(n('answeredInTime'), n('answered')),
    resolutionRate: shareOf(n('resolved'), n('accepted')),
    satisfactionRate: shareOf(n('satisfied'), n('rated')),
  };
}
