// What the motion page shows, from the server's motion and result views.
import type { MotionView, ResultView } from '../service';
import { areaText, barWidth, chinaTime, percentText, STATUS_THEMES } from '../format';

export interface TurnoutRows {
  area: { text: string; width: number };
  number: { text: string; width: number };
  quorate: boolean;
  quorumText: string;
}

export interface MotionShown {
  title: string;
  matterLabel: string;
  statusLabel: string;
  statusTheme: string;
  when: string;
  text: string;
  rule: string;
  candidates: string[];
  seatsText: string;
  isElection: boolean;
}

export interface TallyRow {
  label: string;
  number: string;
  area: string;
}

export interface ResultShown {
  outcome: string;
  outcomeTheme: string;
  rows: TallyRow[];
  elected: string;
  tied: string;
  ballots: number;
  chainHead: string;
}

/** The outcome tag's colour; its words are the server's `outcomeLabel`. */
const OUTCOME_THEMES = { passed: 'success', rejected: 'danger', not_quorate: 'warning' } as const;

export function motionShown(m: MotionView): MotionShown {
  return {
    title: m.title,
    matterLabel: m.matterLabel,
    statusLabel: m.statusLabel,
    statusTheme: STATUS_THEMES[m.status],
    when: `${chinaTime(m.opensAt)} 至 ${chinaTime(m.closesAt)}`,
    text: m.text,
    rule: m.approvalRuleLabel,
    candidates: m.candidates,
    seatsText: m.seats ? `应选 ${m.seats} 名，每票最多选 ${m.seats} 名` : '',
    isElection: m.matter === 'committee_election',
  };
}

export function turnoutRows(m: MotionView): TurnoutRows | null {
  const t = m.turnout;
  if (!t || !m.totals) return null;
  return {
    area: { text: `${t.areaText} / ${m.totals.areaText} ㎡（${percentText(t.areaShare)}）`, width: barWidth(t.areaShare) },
    number: { text: `${t.number} / ${m.totals.number} 人（${percentText(t.numberShare)}）`, width: barWidth(t.numberShare) },
    quorate: t.quorate,
    quorumText: `法定参与线：面积 ${areaText(t.quorumArea)} ㎡、人数 ${t.quorumNumber} 人（${t.quorumLabel}）`,
  };
}

const row = (label: string, w: { number: number; area: number }): TallyRow => ({
  label,
  number: `${w.number} 人`,
  area: `${areaText(w.area)} ㎡`,
});

/** The result's page; `choices` name the tally's rows (the motion view's `choiceOptions`). */
export function resultShown(r: ResultView, choices: MotionView['choiceOptions']): ResultShown {
  const rows = r.candidates ? Object.entries(r.candidates).map(([name, w]) => row(name, w)) : choices.map((c) => row(c.label, r[c.value]));
  return {
    outcome: r.outcomeLabel,
    outcomeTheme: OUTCOME_THEMES[r.outcome],
    rows: [...rows, row('参与表决', r.participating), row('业主总计', r.totals)],
    elected: r.elected?.length ? `当选：${r.elected.join('、')}` : '',
    tied: r.tied?.length ? `${r.tied.join('、')} 票数相同，该席位须另行表决` : '',
    ballots: r.ballots,
    chainHead: r.chainHead,
  };
}
