/**
 * admin.overview (RULES.md §1 targets, §9 oversight): the city's streets, or a street's
 * communities, side by side — from the counters on the community documents (app/admin/counters.ts)
 * and, for the city, the street totals moved with them (community/totals.ts: ~30 small documents,
 * each with its street's busiest firms, never the city's communities or every firm's counts; the
 * city's busiest firms, one query of ten firms' counts), and the latest city-wide grades in one
 * document (ratings/city-grades.ts, never every firm's result); no scan of people, requests or
 * firms. The city, or a named street, is read in parallel with the caller's record; then the firms
 * the rows list (ten per row), by id.
 */
import { GRADES, type Grade } from '../../domain/credit';
import { shareOf } from '../../domain/outreach-report';
import { againstTarget, kpisOf, sumCounters, type CountedKpis, type OversightCounters, type TargetFigure } from '../../domain/oversight';
import { periodLabel, type Period } from '../../domain/period';
import { PARTIES, PARTY_LABELS, type Party } from '../../domain/roles';
import { optionsOf, type Option } from '../../domain/options';
import { rulesFor, type RulesConfig } from '../../domain/rules-config';
import { whole, type Doc, type Store } from '../../ports/store';
import { defineAction } from '../action';
import { isAdmin } from '../auth';
import {
  COMMUNITIES,
  FIRMS,
  STREET_TOTALS,
  STREETS,
  type CommunityDoc,
  type FirmDoc,
  type StreetDoc,
  type StreetTotalsDoc,
} from '../community/community';
import { busiestOf, CITY_BUSIEST, FIRM_TOTALS, FIRMS_PER_ROW, type FirmTotalsDoc, type StreetBusiest } from '../community/totals';
import { sumOutreachStats, type OutreachStats } from '../outreach/stats';
import { cityGrades, type CityGrades } from '../ratings/city-grades';
import { failures, ok } from '../result';
import { streetsOf } from '../scope';
import { findAll } from '../find-all';
import { overviewInput } from './schemas';
import { byName } from '../../domain/collation';

/** A firm's request KPIs in a row. */
export interface FirmKpis extends CountedKpis {
  firmId: string;
  firmName: string;
}

/** One street (city level) or community (street level) against the city's targets. */
export interface OverviewRow {
  /** `city` and `street` totals, a street of the city, a community of a street. */
  level: 'city' | 'street' | 'community';
  /** The street or community id; the row links down to it. */
  id: string;
  name: string;
  communities: number;
  /** Approved residents' volunteer profiles among approved residents (RULES.md §1). */
  volunteers: TargetFigure;
  /** Party members among owners'-committee members. */
  ocParty: TargetFigure;
  /** Compounds with a compound party organisation (小区党组织) among all compounds. */
  compoundParty: { covered: number; compounds: number; share: number | null };
  /** `byFirm`: the FIRMS_PER_ROW firms with the most requests, of `firmCount` with any. */
  requests: CountedKpis & { byParty: Record<Party, CountedKpis>; byFirm: FirmKpis[]; firmCount: number };
  /** Firms serving compounds here by their latest city-wide grade; `none` not yet graded. */
  firmsByGrade: Record<Grade | 'none', number>;
  /** The outreach backbone summed (RULES.md §7). */
  backbone: OutreachStats;
}

/** admin.overview: the rows, their total, and the rating period the grades come from. */
export interface OverviewView {
  level: 'city' | 'street';
  streetId: string | null;
  name: string;
  /** The latest period with city-wide results, whose grades `firmsByGrade` counts. */
  period: Period | null;
  periodLabel: string | null;
  total: OverviewRow;
  rows: OverviewRow[];
  /** The parties `requests.byParty` counts, named, in the order the page lists them. */
  parties: Array<Option<Party>>;
}

/** What the overview reads: the streets with their totals, a street's communities, the latest grades. */
interface OverviewReads {
  /** A street's communities; none for the city, which reads the streets' totals (community/totals.ts). */
  communities: CommunityDoc[];
  streets: Array<StreetDoc & StreetTotalsDoc & StreetBusiest>;
  grades: CityGrades | null;
  /** The city's busiest firms (none for a street, whose total sums its communities). */
  city: Required<StreetBusiest> | null;
}

/** The city's busiest firms and how many have any requests: from the firms' city-wide counts. */
async function cityBusiest(store: Store): Promise<Required<StreetBusiest>> {
  const [top, firmCount] = await Promise.all([
    store.find<FirmTotalsDoc>(FIRM_TOTALS, CITY_BUSIEST.filter, { orderBy: CITY_BUSIEST.orderBy, limit: whole(FIRMS_PER_ROW) }),
    store.count(FIRM_TOTALS, CITY_BUSIEST.filter),
  ]);
  return { busiest: top.map((f) => ({ firmId: f._id, ...f.requests })), firmCount };
}

async function readOverview(store: Store, streetId: string | undefined): Promise<OverviewReads> {
  const one = <T extends Doc>(c: string, id: string) => store.get<T>(c, id).then((d) => (d ? [d] : []));
  const [communities, streets, totals, grades, city] = await Promise.all([
    streetId ? findAll<CommunityDoc>(store, COMMUNITIES, { streetId }) : [],
    streetId ? one<StreetDoc>(STREETS, streetId) : findAll<StreetDoc>(store, STREETS, {}),
    streetId ? one<StreetTotalsDoc>(STREET_TOTALS, streetId) : findAll<StreetTotalsDoc>(store, STREET_TOTALS, {}),
    cityGrades(store),
    streetId ? null : cityBusiest(store),
  ]);
  const totalsOf = new Map(totals.map((t) => [t._id, t]));
  return { communities, streets: streets.map((s) => ({ ...totalsOf.get(s._id), ...s })), grades, city };
}

/** The names of the firms the rows list (their ids from the counters), from the firms' documents. */
async function namesOf(store: Store, rows: OverviewRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => r.requests.byFirm.map((f) => f.firmId)))];
  const firms = ids.length ? await findAll<FirmDoc>(store, FIRMS, { _id: { $in: ids } }) : [];
  return new Map(firms.map((f) => [f._id, f.name]));
}

export { FIRMS_PER_ROW };

/** What a row sums: communities' counters, or streets' totals (a street counts its communities). */
type Counted = Pick<CommunityDoc, 'counters' | 'backbone'> & { communities?: number };

/**
 * A row from communities' counters or streets' totals, against `rules`' targets. `busy`: the row's
 * busiest firms as kept on write (a street's totals, the city's firms); else from the counters.
 */
function rowOf(
  level: OverviewRow['level'],
  id: string,
  name: string,
  counted: Counted[],
  rules: RulesConfig,
  grades: CityGrades | null,
  busy?: StreetBusiest | null,
): OverviewRow {
  // One document (a street's totals, a community's counters): its counters as they are, no copy to sum.
  const c: OversightCounters = counted.length === 1 ? (counted[0].counters ?? {}) : sumCounters(counted.map((x) => x.counters));
  const n = (k: 'residents' | 'volunteers' | 'ocMembers' | 'ocPartyMembers' | 'compounds' | 'compoundsWithParty') => c[k] ?? 0;
  const firmsByGrade = Object.fromEntries([...GRADES, 'none'].map((g) => [g, 0])) as Record<Grade | 'none', number>;
  for (const [firmId, served] of Object.entries(c.firms ?? {})) if (served > 0) firmsByGrade[grades?.grades[firmId] ?? 'none']++;
  // The firms with the most requests here (a street of the city has a hundred): the row stays small.
  const { busiest, firmCount } = busy ? { busiest: busy.busiest ?? [], firmCount: busy.firmCount ?? 0 } : busiestOf(c.requests?.firm ?? {});
  const byFirm = busiest.map(({ firmId, ...counts }) => ({ firmId, firmName: '', ...kpisOf(counts) }));
  return {
    level,
    id,
    name,
    communities: counted.reduce((n, x) => n + (x.communities ?? 1), 0),
    volunteers: againstTarget(n('volunteers'), n('residents'), rules.volunteerTarget),
    ocParty: againstTarget(n('ocPartyMembers'), n('ocMembers'), rules.ocPartyTarget),
    compoundParty: { covered: n('compoundsWithParty'), compounds: n('compounds'), share: shareOf(n('compoundsWithParty'), n('compounds')) },
    requests: {
      ...kpisOf(c.requests?.all),
      byParty: Object.fromEntries(PARTIES.map((p) => [p, kpisOf(c.requests?.party?.[p])])) as Record<Party, CountedKpis>,
      byFirm,
      firmCount,
    },
    firmsByGrade,
    backbone: sumOutreachStats(counted),
  };
}

/** admin.overview: a street_admin sees its own street; the admin any street and the city. */
export const overviewActions = {
  overview: defineAction({
    summary: '全市/街道统计总览（志愿者占比、业委会党员占比、小区党组织覆盖、诉求指标、物业等级）',
    access: 'active',
    input: overviewInput,
    // The city, or a street named in the input, is read beside the caller's record; a street_admin's
    // own street (no streetId) only once the record gives it.
    load: (input, { store }): Promise<OverviewReads | null> =>
      input.level === 'city' || input.streetId
        ? readOverview(store, input.level === 'city' ? undefined : input.streetId)
        : Promise.resolve(null),
    run: async (input, ctx) => {
      const admin = isAdmin(ctx.user);
      const own = streetsOf(ctx.user);
      if (input.level === 'city' && !admin) return failures.forbidden('只有平台管理员可以查看全市总览');
      const streetId = input.level === 'street' ? (input.streetId ?? (admin ? undefined : own[0])) : undefined;
      if (input.level === 'street') {
        if (!streetId && !admin) return failures.forbidden('只能查看本街道的总览');
        if (!streetId)
          return {
            ok: false,
            error: { code: 'INVALID_INPUT', message: '请选择街道', issues: [{ path: ['streetId'], message: '请选择街道' }] },
          };
        if (!admin && !own.includes(streetId)) return failures.forbidden('只能查看本街道的总览');
      }
      const { communities, streets, grades, city } = ctx.loaded ?? (await readOverview(ctx.store, streetId));
      if (streetId && streets.length === 0) return failures.notFound('街道');
      const cityRules = rulesFor(null);
      const counted = streets.map((s) => ({ ...s, communities: s.communities ?? 0 }));
      const rows: OverviewRow[] = streetId
        ? communities.map((c) => rowOf('community', c._id, c.name, [c], rulesFor(c.rules), grades))
        : counted.map((s) => rowOf('street', s._id, s.name, [s], cityRules, grades, s));
      rows.sort(byName);
      const name = streetId ? (streets[0]?.name ?? '') : '全市';
      // A street's total sums its rows (the communities); the city's the streets' totals.
      const total = streetId
        ? rowOf('street', streetId, name, communities, cityRules, grades)
        : rowOf('city', 'city', name, counted, cityRules, grades, city);
      // The firms listed, named: ten or fewer per row, read after the rows (never every firm).
      const names = await namesOf(ctx.store, [total, ...rows]);
      for (const r of [total, ...rows]) for (const f of r.requests.byFirm) f.firmName = names.get(f.firmId) ?? '';
      const view: OverviewView = {
        level: input.level,
        streetId: streetId ?? null,
        name,
        period: grades?.period ?? null,
        periodLabel: grades ? periodLabel(grades.period) : null,
        parties: optionsOf(PARTIES, PARTY_LABELS),
        total,
        rows,
      };
      return ok(view);
    },
  }),
};
