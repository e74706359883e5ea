// An admin.overview row as the overview page shows it: each share against its target, the
// compound party organisation coverage, request KPIs per party and per firm, firms by grade, the
// party-member backbone — the figures as the server sends them (targets and whether they are met
// included), formatted only.
import type { Grade, OverviewKpis, OverviewRow, OverviewView, TargetFigure } from '../../../typings/admin';
import { percent } from '../shared';

export interface KpiLine {
  key: string;
  label: string;
  text: string;
}

export interface OverviewCard {
  id: string;
  name: string;
  /** Communities summed in a street or city row ('' for a community). */
  scope: string;
  volunteer: string;
  volunteerBelow: boolean;
  ocParty: string;
  ocPartyBelow: boolean;
  coverage: string;
  requests: string;
  byParty: KpiLine[];
  byFirm: KpiLine[];
  /** How many firms with requests the row leaves out (it lists those with the most). */
  moreFirms: string;
  grades: string;
  backbone: string;
}

/** Grades in the order the page lists them. */
const GRADES: Grade[] = ['AAA', 'AA', 'A', 'B', 'C'];

const against = (f: TargetFigure) => `${percent(f.share)}（目标 ${percent(f.target)}，${f.count}/${f.base} 人）`;

const kpiText = (k: OverviewKpis) =>
  `办理 ${k.total} 件 · 响应 ${percent(k.responseRate)} · 办结 ${percent(k.resolutionRate)} · 满意 ${percent(k.satisfactionRate)}`;

/** The card of a row; `parties` name and order its KPIs per party (the answer's `parties`). */
export function overviewCardOf(row: OverviewRow, parties: OverviewView['parties']): OverviewCard {
  const grades = GRADES.filter((g) => row.firmsByGrade[g]).map((g) => `${g} ${row.firmsByGrade[g]} 家`);
  const unrated = row.firmsByGrade.none ? [`未评级 ${row.firmsByGrade.none} 家`] : [];
  const b = row.backbone;
  return {
    id: row.id,
    name: row.name,
    scope: row.level === 'community' ? '' : `${row.communities} 个社区`,
    volunteer: against(row.volunteers),
    volunteerBelow: row.volunteers.share !== null && !row.volunteers.met,
    ocParty: against(row.ocParty),
    ocPartyBelow: row.ocParty.share !== null && !row.ocParty.met,
    coverage: `${row.compoundParty.covered}/${row.compoundParty.compounds} 个小区（${percent(row.compoundParty.share)}）`,
    requests: `共 ${row.requests.total} 件 · 未办结 ${row.requests.open} · 超时 ${row.requests.overdue}`,
    byParty: parties
      .filter((p) => row.requests.byParty[p.value].total > 0)
      .map((p) => ({ key: p.value, label: p.label, text: kpiText(row.requests.byParty[p.value]) })),
    byFirm: row.requests.byFirm.map((f) => ({ key: f.firmId, label: f.firmName, text: kpiText(f) })),
    moreFirms:
      row.requests.firmCount > row.requests.byFirm.length
        ? `另有 ${row.requests.firmCount - row.requests.byFirm.length} 家物业的诉求未列出`
        : '',
    grades: [...grades, ...unrated].join(' · ') || '暂无',
    backbone: `报到党员 ${b.reportedMembers} 人 · 服务 ${b.servicesDone.general + b.servicesDone.professional} 次 · 志愿者中党员 ${percent(b.partyShare)}`,
  };
}
