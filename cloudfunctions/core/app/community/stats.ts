/**
 * community.stats: a community's figures against the city's targets, from the counters kept on its
 * document in the writes that change them (app/admin/counters.ts, outreach/stats.ts): no scan of
 * people or requests. Only the volunteer hours of the year are read (one community's attended
 * signups of the year), with the firm names of the compounds, beside the community itself.
 */
import { ACTIVITY_CATEGORIES, CATEGORY_LABELS as ACTIVITY_CATEGORY_LABELS, type ActivityCategory } from '../../domain/activity';
import { optionsOf, type Option } from '../../domain/options';
import { NEED_KIND_LABELS, NEED_KINDS, type NeedKind } from '../../domain/outreach-categories';
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
  volunteerHours: {
    thisMonth: number;
    thisYear: number;
    byCategory: Record<string, number>;
    /** The year's hours of each category that has any, named, in the category list's order (unknown codes last, unnamed). */
    categories: Array<{ category: string; label: string; hours: number }>;
  };
  requests: RequestStats;
  /** Party members in the community and the backbone of volunteering (RULES.md §7). */
  outreach: OutreachStats;
  /** The two kinds of service `outreach.servicesDone` counts, named (一般服务, 专业服务). */
  serviceKinds: Array<Option<NeedKind>>;
}

export const SERVICE_KINDS = optionsOf(NEED_KINDS, NEED_KIND_LABELS);

/** The hours of each category with any, named, in the category list's order; codes no longer listed last. */
export function categoryHours(byCategory: Record<string, number>): CommunityStats['volunteerHours']['categories'] {
  const known: readonly string[] = ACTIVITY_CATEGORIES;
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  return Object.keys(byCategory)
    .filter((k) => byCategory[k] > 0)
    .sort((a, b) => rank(a) - rank(b))
    .map((k) => ({ category: k, label: ACTIVITY_CATEGORY_LABELS[k as ActivityCategory] ?? k, hours: byCategory[k] }));
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
    volunteerHours: {
      thisMonth: hours.hoursThisMonth,
      thisYear: hours.hoursThisYear,
      byCategory: hours.hoursByCategory,
      categories: categoryHours(hours.hoursByCategory),
    },
    requests,
    outreach: outreachStats(community),
    serviceKinds: SERVICE_KINDS,
  };
}
