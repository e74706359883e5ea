/**
 * Rating periods (RULES.md §4): half-years written `YYYY-H1` / `YYYY-H2`, bounded in China
 * Standard Time (UTC+8, no daylight saving), because that is where the half-year is lived.
 */

/** A half-year period such as `2026-H2`. */
export type Period = `${number}-H${1 | 2}`;

/** The accepted spelling: four-digit year from 2000, then H1 or H2. */
export const PERIOD_PATTERN = /^(20\d\d)-H([12])$/;

/** China Standard Time offset in milliseconds. */
const CST_MS = 8 * 3600 * 1000;

/** Whether a string is a well-formed period. */
export function isPeriod(value: string): value is Period {
  return PERIOD_PATTERN.test(value);
}

function parts(period: Period): { year: number; half: 1 | 2 } {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`malformed period: ${period}`);
  return { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 };
}

/** The instant a period starts: 1 January or 1 July, 00:00 China time. */
export function periodStart(period: Period): Date {
  const { year, half } = parts(period);
  return new Date(Date.UTC(year, half === 1 ? 0 : 6, 1) - CST_MS);
}

/** The instant a period ends (exclusive): the start of the next one. */
function periodEnd(period: Period): Date {
  return periodStart(nextPeriod(period));
}

/** The period's bounds as ISO strings with the +08:00 offset, `[from, to)`. */
export function periodRange(period: Period): { fromIso: string; toIso: string } {
  return { fromIso: cstIso(periodStart(period)), toIso: cstIso(periodEnd(period)) };
}

function cstIso(at: Date): string {
  return new Date(at.getTime() + CST_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

/** The period an instant falls in (China time). */
export function periodOf(at: Date): Period {
  const local = new Date(at.getTime() + CST_MS);
  return `${local.getUTCFullYear()}-H${local.getUTCMonth() < 6 ? 1 : 2}` as Period;
}

/** The period after this one. */
export function nextPeriod(period: Period): Period {
  const { year, half } = parts(period);
  return (half === 1 ? `${year}-H2` : `${year + 1}-H1`) as Period;
}

/** The period before this one. */
export function previousPeriod(period: Period): Period {
  const { year, half } = parts(period);
  return (half === 2 ? `${year}-H1` : `${year - 1}-H2`) as Period;
}

/** Whether the period has begun at `now` (a period can be rated from its first day). */
export function hasStarted(period: Period, now: Date): boolean {
  return periodStart(period).getTime() <= now.getTime();
}

/** The Chinese name of a period: 2026年下半年. */
export function periodLabel(period: Period): string {
  const { year, half } = parts(period);
  return `${year}年${half === 1 ? '上' : '下'}半年`;
}
