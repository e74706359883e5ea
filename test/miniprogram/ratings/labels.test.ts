import { gradeTheme } from '../../../miniprogram/utils/rating-labels';

test.each([
  ['AAA', 'danger'],
  ['AA', 'warning'],
  ['A', 'warning'],
  ['B', 'default'],
  ['C', 'default'],
  [null, 'default'],
] as const)('shows grade %s in the %s theme, so only the red list is red', (grade, theme) => {
  expect(gradeTheme(grade)).toBe(theme);
});
