// Chinese names and display helpers of the ratings feature, shared by its pages (the staff pages
// in the subpackage reuse them from the main package).
import type { FirmGrade } from '../../cloudfunctions/core/app/ratings/views';
import type { Dimension, Grade, ListKind, RaterRole } from '../../cloudfunctions/core/domain/credit';
import { chinaParts } from './china-time';

/** The seven dimensions of a rating sheet, in sheet order. */
export const DIMENSION_ORDER: readonly Dimension[] = [
  'environment',
  'greening',
  'security',
  'facilities',
  'repairs',
  'fees',
  'coGovernance',
];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  environment: '环境卫生',
  greening: '绿化养护',
  security: '秩序维护',
  facilities: '设施设备',
  repairs: '报修响应',
  fees: '收费公示',
  coGovernance: '共建共治',
};

/** What each star count means, shown next to the stars. */
export const SCORE_WORDS = ['未评分', '很差', '较差', '一般', '较好', '很好'] as const;

export const LIST_LABELS: Record<ListKind, string> = { red: '红榜', black: '黑榜' };

export const RATER_ROLE_LABELS: Record<RaterRole, string> = {
  oc_member: '业委会成员',
  compound_party: '小区党组织',
  party_org: '社区党组织',
};

/** The TDesign tag theme of a grade: the better, the warmer (red is the party's colour here). */
export function gradeTheme(grade: Grade | null): 'danger' | 'warning' | 'default' {
  if (grade === 'AAA') return 'danger';
  if (grade === 'AA' || grade === 'A') return 'warning';
  // The app's primary colour is the party red of the red list: B and C must not look like it.
  return 'default';
}

/** A grade as shown: 'AAA', or 未评级 when the firm had no sheet. */
export function gradeText(grade: Grade | null): string {
  return grade ?? '未评级';
}

/**
 * A firm's latest city-wide grade as shown where a firm is chosen or rated (ratings.firmGrades):
 * 信用等级 AAA（2026年上半年）, or 尚无信用等级 before any published period counts it.
 */
export function firmGradeText(grade: FirmGrade): string {
  return grade.period ? `信用等级 ${gradeText(grade.grade)}（${grade.label}）` : '尚无信用等级';
}

/** A score as shown: two decimals, or a dash when there is none. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toFixed(2);
}

/** A date of an ISO time, as shown: 2026年7月15日 (China time). */
export function dateText(iso: string | null): string {
  if (!iso) return '';
  const p = chinaParts(iso);
  return `${p.y}年${p.m}月${p.d}日`;
}
