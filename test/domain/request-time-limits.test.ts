import { REQUEST_CATEGORIES } from '../../cloudfunctions/core/domain/request-categories';
import { DEFAULT_TIER, dueAtFor, isOverdue, TIERS } from '../../cloudfunctions/core/domain/request-time-limits';
import { DEFAULT_RULES, rulesFor } from '../../cloudfunctions/core/domain/rules-config';

const FROM = '2026-11-20T01:00:00.000Z';
const NOW = new Date('2026-11-21T01:00:00.000Z');

describe('time limits by tier', () => {
  test.each([
    ['emergency', '2026-11-20T03:00:00.000Z'],
    ['utilities', '2026-11-21T01:00:00.000Z'],
    ['general', '2026-11-27T01:00:00.000Z'],
    ['complex', '2026-12-05T01:00:00.000Z'],
  ] as const)('a %s request filed at 09:00 is due at %s', (tier, due) => {
    expect(dueAtFor(FROM, tier, DEFAULT_RULES.requestTierHours)).toBe(due);
  });

  test('uses the community’s configured hours', () => {
    const hours = rulesFor({ requestTierHours: { emergency: 1 } as never }).requestTierHours;
    expect(dueAtFor(FROM, 'emergency', hours)).toBe('2026-11-20T02:00:00.000Z');
    expect(dueAtFor(FROM, 'general', hours)).toBe('2026-11-27T01:00:00.000Z');
  });

  test('gives every category a default tier', () => {
    for (const c of REQUEST_CATEGORIES) expect(TIERS).toContain(DEFAULT_TIER[c]);
  });

  test.each([
    ['2026-11-21T00:59:59.999Z', true, true],
    ['2026-11-21T01:00:00.000Z', true, false],
    ['2026-11-20T00:00:00.000Z', false, false],
    [null, true, false],
  ])('due %s, still open %s → overdue %s', (dueAt, open, overdue) => {
    expect(isOverdue(dueAt, open, NOW)).toBe(overdue);
  });
});
