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

const OUTCOMES = {
  passed: { text: '表决通过', theme: 'success' },
  rejected: { text: '表决未通过', theme: 'danger' },
  not_quorate: { text: '参与表决未达法定比例，表决无效', theme: 'warning' },
} as const;

export function motionShown(m: MotionView): MotionShown {
  return {
    title: m.title,
    matterLabel: m.matterLabel,
    statusLabel: m.statusLabel,
    statusTheme: STATUS_THEMES[m.status],
    when: `${chinaTime(m.opensAt)} 至 ${chinaTime(m.closesAt)}`,
    text: m.text,
    rule:
      m.approvalRule === '3/4'
        ? '须经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意'
        : '须经参与表决专有部分面积过半数且参与表决人数过半数的业主同意',
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
    quorumText: `法定参与线：面积 ${areaText(t.quorumArea)} ㎡、人数 ${t.quorumNumber} 人（各三分之二）`,
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
    outcome: OUTCOMES[r.outcome].text,
    outcomeTheme: OUTCOMES[r.outcome].theme,
    rows: [...rows, row('参与表决', r.participating), row('业主总计', r.totals)],
    elected: r.elected?.length ? `当选：${r.elected.join('、')}` : '',
    tied: r.tied?.length ? `${r.tied.join('、')} 票数相同，该席位须另行表决` : '',
    ballots: r.ballots,
    chainHead: r.chainHead,
  };
}
