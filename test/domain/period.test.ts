import {
  hasStarted,
  isPeriod,
  nextPeriod,
  periodLabel,
  periodOf,
  periodRange,
  previousPeriod,
  type Period,
} from '../../cloudfunctions/core/domain/period';

describe('period spelling', () => {
  test.each([
    ['2026-H1', true],
    ['2026-H2', true],
    ['2000-H1', true],
    ['2026-H3', false],
    ['2026-H0', false],
    ['26-H1', false],
    ['2026H1', false],
    ['2026-h1', false],
    ['1999-H2', false],
    [' 2026-H1', false],
    ['2026-H1 ', false],
  ])('%s is a period: %s', (value, expected) => {
    expect(isPeriod(value)).toBe(expected);
  });
});

describe('period bounds in China time', () => {
  test.each<[Period, string, string]>([
    ['2026-H1', '2026-01-01T00:00:00+08:00', '2026-07-01T00:00:00+08:00'],
    ['2026-H2', '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00'],
    ['2025-H2', '2025-07-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00'],
  ])('%s runs from %s to %s', (period, fromIso, toIso) => {
    expect(periodRange(period)).toEqual({ fromIso, toIso });
  });

  test.each<[string, Period]>([
    ['2026-11-20T09:00:00+08:00', '2026-H2'],
    ['2026-06-30T23:59:59+08:00', '2026-H1'],
    ['2026-07-01T00:00:00+08:00', '2026-H2'],
    // 16:30 UTC on 30 June is already 1 July in Jingzhou.
    ['2026-06-30T16:30:00Z', '2026-H2'],
    ['2026-12-31T16:00:00Z', '2027-H1'],
  ])('%s falls in %s', (at, period) => {
    expect(periodOf(new Date(at))).toBe(period);
  });

  test.each<[Period, string, boolean]>([
    ['2026-H2', '2026-06-30T23:59:59+08:00', false],
    ['2026-H2', '2026-07-01T00:00:00+08:00', true],
    ['2027-H1', '2026-11-20T09:00:00+08:00', false],
    ['2025-H2', '2026-11-20T09:00:00+08:00', true],
  ])('%s has started at %s: %s', (period, at, expected) => {
    expect(hasStarted(period, new Date(at))).toBe(expected);
  });
});

describe('period arithmetic and names', () => {
  test.each<[Period, Period, Period, string]>([
    ['2026-H1', '2025-H2', '2026-H2', '2026年上半年'],
    ['2026-H2', '2026-H1', '2027-H1', '2026年下半年'],
  ])('%s follows %s, precedes %s and reads %s', (period, prev, next, label) => {
    expect(previousPeriod(period)).toBe(prev);
    expect(nextPeriod(period)).toBe(next);
    expect(periodLabel(period)).toBe(label);
  });
});
