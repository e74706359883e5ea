/**
 * community.stats: a community's figures against the city's targets, from the counters kept on its
 * document in the writes that change them (app/admin/counters.ts, outreach/stats.ts): no scan of
 * people or requests. Only the volunteer hours of the year are read (one community's attended
 * signups of the year), with the firm names of the compounds, beside the community itself.
 */
import { kpisOf, type CountedKpis, type OversightCounters } from '../../domain/oversight';
import { PARTIES, type Party } from '../../domain/roles';
import { rulesFor } from '../../domain/rules-config';
import { MAX_FIND_LIMIT, type Store } from '../../ports/store';
import { outreachStats, type OutreachStats } from '../outreach/stats';
import type { RequestStats } from '../requests/stats';
import { volunteerHours, type VolunteerHours } from '../volunteer/stats';
import { COMMUNITIES, COMPOUNDS, FIRMS, type CommunityDoc, type CompoundDoc, type FirmDoc } from './community';

/** Request KPIs of a community, per lead party and per firm (RULES.md §2), as the counters give them. */
export interface RequestFigures extends CountedKpis {
  byParty: Record<Party, CountedKpis>;
  byFirm: Array<CountedKpis & { firmId: string; firmName: string }>;
}

/** A community's figures against the city's targets (community.stats). */
export interface CommunityStats {
  communityId: string;
  population: number;
  residents: number;
  volunteers: number;
  volunteerRatio: number | null;
  /** What the ratio is divided by: the approved (active) residents registered here. */
  volunteerRatioBase: number;
  volunteerTarget: number;
  ocMembers: number;
  ocPartyMembers: number;
  ocPartyRatio: number | null;
  ocPartyTarget: number;
  volunteerHours: { thisMonth: number; thisYear: number; byCategory: Record<string, number> };
  requests: RequestStats;
  /** Party members in the community and the backbone of volunteering (RULES.md §7). */
  outreach: OutreachStats;
}

/** What community.stats reads before it knows the caller (dispatch's `load`). */
export interface StatsReads {
  community: CommunityDoc | null;
  /** Its compounds: the names of the firms serving them. */
  compounds: CompoundDoc[];
  hours: VolunteerHours;
}

export async function loadStats(store: Store, communityId: string, now: Date): Promise<StatsReads> {
  const [community, compounds, hours] = await Promise.all([
    store.get<CommunityDoc>(COMMUNITIES, communityId),
    store.find<CompoundDoc>(COMPOUNDS, { communityId }, { orderBy: [['communityId', 'asc']], limit: MAX_FIND_LIMIT }),
    volunteerHours(store, communityId, now),
  ]);
  return { community, compounds, hours };
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : null);

/**
 * The figures of `community` from its counters. Firms that no compound names any more (they served
 * before) are named from their own documents: a read only when there are such firms.
 */
export async function communityStats(store: Pick<Store, 'find'>, reads: StatsReads & { community: CommunityDoc }): Promise<CommunityStats> {
  const { community, compounds, hours } = reads;
  const c: OversightCounters = community.counters ?? {};
  const n = (k: 'residents' | 'volunteers' | 'ocMembers' | 'ocPartyMembers') => c[k] ?? 0;
  const rules = rulesFor(community.rules);
  const names = new Map(compounds.map((k) => [k.firmId, k.firmName]));
  const firmCounts = Object.entries(c.requests?.firm ?? {}).filter(([, counts]) => (counts.total ?? 0) > 0);
  const unnamed = firmCounts.map(([id]) => id).filter((id) => !names.has(id));
  if (unnamed.length > 0) {
    const firms = await store.find<FirmDoc>(FIRMS, { _id: { $in: unnamed } }, { limit: MAX_FIND_LIMIT });
    for (const f of firms) names.set(f._id, f.name);
  }
  // Approved residents only, on both sides of the ratio (RULES.md §1): pending users count in neither.
  const base = n('residents');
  const requests: RequestFigures = {
    ...kpisOf(c.requests?.all),
    byParty: Object.fromEntries(PARTIES.map((p) => [p, kpisOf(c.requests?.party?.[p])])) as Record<Party, CountedKpis>,
    byFirm: firmCounts.map(([firmId, counts]) => ({ firmId, firmName: names.get(firmId) ?? '', ...kpisOf(counts) })),
  };
  return {
    communityId: community._id,
    population: community.population,
    residents: base,
    volunteers: n('volunteers'),
    volunteerRatio: ratio(n('volunteers'), base),
    volunteerRatioBase: base,
    volunteerTarget: rules.volunteerTarget,
    ocMembers: n('ocMembers'),
    ocPartyMembers: n('ocPartyMembers'),
    ocPartyRatio: ratio(n('ocPartyMembers'), n('ocMembers')),
    ocPartyTarget: rules.ocPartyTarget,
    volunteerHours: { thisMonth: hours.hoursThisMonth, thisYear: hours.hoursThisYear, byCategory: hours.hoursByCategory },
    requests,
    outreach: outreachStats(community),
  };
}
