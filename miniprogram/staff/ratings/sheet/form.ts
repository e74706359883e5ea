// The rating sheet's form: seven dimensions of 1–5 stars and a comment, and what it says about
// the sheet's state.
import type { DimensionScores, FirmGrade, MySheetsView } from '../../../services/ratings';
import { DIMENSION_LABELS, DIMENSION_ORDER, firmGradeText, RATER_ROLE_LABELS, SCORE_WORDS } from '../../../utils/rating-labels';

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

/** No dimension rated yet. */
export function emptyScores(): DraftScores {
  return Object.fromEntries(DIMENSION_ORDER.map((d) => [d, 0])) as DraftScores;
}

/** The form's rows: each dimension with its five stars (labelled for screen readers). */
export function dimensionsOf(scores: DraftScores): DimensionView[] {
  return DIMENSION_ORDER.map((d) => ({
    key: d,
    label: DIMENSION_LABELS[d],
    value: scores[d],
    word: scores[d] ? `${scores[d]} 分 · ${SCORE_WORDS[scores[d]]}` : SCORE_WORDS[0],
    stars: [1, 2, 3, 4, 5].map((n) => ({ n, icon: n <= scores[d] ? 'star-filled' : 'star', ariaLabel: `${DIMENSION_LABELS[d]} ${n} 星` })),
  }));
}

/** The names of the dimensions not rated yet. */
export function missingDimensions(scores: DraftScores): string[] {
  return DIMENSION_ORDER.filter((d) => !(scores[d] >= 1 && scores[d] <= 5)).map((d) => DIMENSION_LABELS[d]);
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
    description: `${i.firmName}${gradeNote(grades.find((g) => g.firmId === i.firmId))} · 以${RATER_ROLE_LABELS[i.raterRole]}身份评价`,
    state: i.state,
    stateLabel: STATE_LABELS[i.state],
    stateTheme: STATE_THEMES[i.state],
  }));
}
