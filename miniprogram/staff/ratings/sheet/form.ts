// The rating sheet's form: seven dimensions of 1–5 stars and a comment, and what it says about
// the sheet's state.
// The dimensions, their order and names, come with the view (`MySheetsView.dimensions`).
import type { DimensionOption, DimensionScores, FirmGrade, MySheetsView } from '../../../services/ratings';
import { firmGradeText, SCORE_WORDS } from '../../../utils/rating-labels';

type SheetState = MySheetsView['items'][number]['state'];
type Dimension = keyof DimensionScores;

/** Scores while filling in: 0 means not yet rated. */
export type DraftScores = Record<Dimension, number>;

export const STATE_LABELS: Record<SheetState, string> = {
  draft: '草稿（未提交）',
  submitted: '已提交（发布前可修改）',
  closed: '已截止',
};

const STATE_THEMES: Record<SheetState, string> = { draft: 'warning', submitted: 'success', closed: 'default' };

export interface StarView {
  n: number;
  icon: string;
  ariaLabel: string;
}

export interface DimensionView {
  key: Dimension;
  label: string;
  value: number;
  word: string;
  stars: StarView[];
}

export interface CompoundRow {
  compoundId: string;
  compoundName: string;
  firmName: string;
  description: string;
  state: SheetState;
  stateLabel: string;
  stateTheme: string;
}

/** No dimension of the sheet rated yet. */
export function emptyScores(dims: readonly DimensionOption[]): DraftScores {
  return Object.fromEntries(dims.map((d) => [d.key, 0])) as DraftScores;
}

/** The form's rows: each dimension, in the server's order, with its five stars (labelled for screen readers). */
export function dimensionsOf(dims: readonly DimensionOption[], scores: DraftScores): DimensionView[] {
  return dims.map(({ key, label }) => ({
    key,
    label,
    value: scores[key],
    word: scores[key] ? `${scores[key]} 分 · ${SCORE_WORDS[scores[key]]}` : SCORE_WORDS[0],
    stars: [1, 2, 3, 4, 5].map((n) => ({ n, icon: n <= scores[key] ? 'star-filled' : 'star', ariaLabel: `${label} ${n} 星` })),
  }));
}

/** The names of the dimensions not rated yet. */
export function missingDimensions(dims: readonly DimensionOption[], scores: DraftScores): string[] {
  return dims.filter((d) => !(scores[d.key] >= 1 && scores[d.key] <= 5)).map((d) => d.label);
}

/** 信用等级 AAA（2026年上半年）: the firm's latest published grade, which owners' committees weigh. */
function gradeNote(grade: FirmGrade | undefined): string {
  return grade ? ` · ${firmGradeText(grade)}` : '';
}

/** The list of compounds the caller rates, each firm with its latest grade when known. */
export function compoundRows(view: MySheetsView, grades: FirmGrade[] = []): CompoundRow[] {
  return view.items.map((i) => ({
    compoundId: i.compoundId,
    compoundName: i.compoundName,
    firmName: i.firmName,
    description: `${i.firmName}${gradeNote(grades.find((g) => g.firmId === i.firmId))} · 以${i.raterRoleLabel}身份评价`,
    state: i.state,
    stateLabel: STATE_LABELS[i.state],
    stateTheme: STATE_THEMES[i.state],
  }));
}
