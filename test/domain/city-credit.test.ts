import { cityCredit } from '../../cloudfunctions/core/domain/city-credit';

const result = (communityId: string, scores: Array<number | null>, seriousItems = 0, penalty = 10) => ({
  communityId,
  compounds: scores.map((score, i) => ({ compoundId: `${communityId}-${i}`, score })),
  seriousItems,
  penalty,
});

describe('city-wide credit of a firm (RULES.md §4)', () => {
  test('is the mean over every compound it served, in every community', () => {
    // 90 in one community, 70 and 80 in another: (90 + 70 + 80) / 3 = 80, not the mean of community means (82.5).
    expect(cityCredit([result('c1', [90]), result('c2', [70, 80])])).toMatchObject({
      creditScore: 80,
      grade: 'AA',
      list: null,
      compoundCount: 3,
      communityCount: 2,
    });
  });

  test('one bad community pulls the grade down by its share, not to its own grade', () => {
    const r = cityCredit([result('c1', [95, 95, 95]), result('c2', [0])]);
    expect(r.creditScore).toBe(71.25);
    expect(r.grade).toBe('A');
  });

  test("takes each community's penalty for its serious items and black-lists the firm", () => {
    expect(cityCredit([result('c1', [90], 1, 10), result('c2', [90], 1, 5)])).toMatchObject({
      creditScore: 75,
      seriousItems: 2,
      list: 'black',
    });
  });

  test('leaves out compounds without a score, and has no grade without any', () => {
    expect(cityCredit([result('c1', [null, 86])]).grade).toBe('AAA');
    expect(cityCredit([result('c1', [null])])).toMatchObject({ creditScore: null, grade: null, list: null });
  });
});
