// Display helpers of the ratings feature, shared by its pages (the staff pages in the subpackage
// reuse them from the main package). The names of dimensions, rater capacities and lists come with
// the server's views (`dimensions`, `raterRoleLabel`, `listLabel`); only page words live here.
import type { FirmGrade } from '../../cloudfunctions/core/app/ratings/views';
import type { Grade } from '../../cloudfunctions/core/domain/credit';
import { chinaParts } from './china-time';

/** What each star count means, shown next to the stars (the form's words: the server stores 1–5). */
export const SCORE_WORDS = ['未评分', '很差', '较差', '一般', '较好', '很好'] as const;

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
