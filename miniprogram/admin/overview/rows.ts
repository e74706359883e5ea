// An admin.overview row as the overview page shows it: each share against its target, the
// compound party organisation coverage, request KPIs per party and per firm, firms by grade —
// the figures as the server sends them (targets included), formatted only.
import type { OverviewKpi, OverviewRow } from '../../../typings/admin';
import { percent } from '../shared';

export interface KpiLine {
  key: string;
  label: string;
  text: string;
}

export interface OverviewCard {
  id: string;
  name: string;
  volunteer: string;
  volunteerBelow: boolean;
  ocParty: string;
  ocPartyBelow: boolean;
  coverage: string;
  requests: string;
  byParty: KpiLine[];
  byFirm: KpiLine[];
  grades: string;
}

/** Grades in the order the page lists them. */
const GRADES = ['AAA', 'AA', 'A', 'B', 'C'];

const below = (share: number | null, target: number) => share !== null && share < target;

function kpiLine(k: OverviewKpi): KpiLine {
  return {
    key: k.key,
    label: k.label,
    text: `办理 ${k.handled} 件 · 响应 ${percent(k.responseRate)} · 办结 ${percent(k.resolutionRate)} · 满意 ${percent(k.satisfactionRate)}`,
  };
}

export function overviewCardOf(row: OverviewRow): OverviewCard {
  const grades = GRADES.filter((g) => row.firmsByGrade[g]).map((g) => `${g} ${row.firmsByGrade[g]} 家`);
  const unrated = row.firmsByGrade.none ? [`未评级 ${row.firmsByGrade.none} 家`] : [];
  return {
    id: row.id,
    name: row.name,
    volunteer: `${percent(row.volunteerRatio)}（目标 ${percent(row.volunteerTarget)}）`,
    volunteerBelow: below(row.volunteerRatio, row.volunteerTarget),
    ocParty: `${percent(row.ocPartyRatio)}（目标 ${percent(row.ocPartyTarget)}）`,
    ocPartyBelow: below(row.ocPartyRatio, row.ocPartyTarget),
    coverage: `${row.compoundsWithParty}/${row.compounds} 个小区（${percent(row.compoundPartyCoverage)}）`,
    requests: `共 ${row.requests.total} 件 · 未办结 ${row.requests.open} · 超时 ${row.requests.overdue}`,
    byParty: row.requests.byParty.map(kpiLine),
    byFirm: row.requests.byFirm.map(kpiLine),
    grades: [...grades, ...unrated].join(' · ') || '暂无',
  };
}
