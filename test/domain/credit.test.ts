import {
  creditScore,
  DIMENSIONS,
  evaluatePeriod,
  gradeOf,
  listOf,
  qualityScore,
  round2,
  sheetRating,
  type CompoundInput,
  type DimensionScores,
  type Grade,
  type SheetInput,
} from '../../cloudfunctions/core/domain/credit';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';

const W = DEFAULT_RULES.ratingWeights;
const sheet = (...row: number[]): DimensionScores => Object.fromEntries(DIMENSIONS.map((d, i) => [d, row[i]])) as DimensionScores;
const all = (n: number) => sheet(n, n, n, n, n, n, n);

describe('a sheet’s rating maps the mean score 1 → 0 and 5 → 100', () => {
  test.each<[string, DimensionScores, number]>([
    ['all 1', all(1), 0],
    ['all 5', all(5), 100],
    ['all 3', all(3), 50],
    ['all 4', all(4), 75],
    ['mean 30/7', sheet(5, 4, 4, 4, 5, 4, 4), 82.14],
    ['mean 33/7', sheet(5, 5, 4, 5, 4, 5, 5), 92.86],
    ['mean 8/7', sheet(2, 1, 1, 1, 1, 1, 1), 3.57],
  ])('%s → %s', (_label, scores, expected) => {
    expect(sheetRating(scores)).toBe(expected);
  });
});

describe('quality score: 0.4 satisfaction + 0.3 party organisation + 0.3 owners’ committee', () => {
  const sat = (rated: number, satisfied: number) => ({ rated, satisfied });
  test.each<[string, Parameters<typeof qualityScore>[0], number | null]>([
    [
      'all three components',
      { satisfaction: sat(10, 8), partyOrgRatings: [90], ownersCommitteeRatings: [70] },
      0.4 * 80 + 0.3 * 90 + 0.3 * 70,
    ],
    [
      'owners’ committee rating is the mean of its members’ sheets',
      { satisfaction: sat(4, 4), partyOrgRatings: [50], ownersCommitteeRatings: [60, 80] },
      0.4 * 100 + 0.3 * 50 + 0.3 * 70,
    ],
    [
      'no rated requests: the sheets share the weight equally',
      { satisfaction: sat(0, 0), partyOrgRatings: [90], ownersCommitteeRatings: [70] },
      80,
    ],
    ['satisfaction null is the same as no rated requests', { satisfaction: null, partyOrgRatings: [90], ownersCommitteeRatings: [70] }, 80],
    [
      'no party sheet: satisfaction and committee renormalised 4:3',
      { satisfaction: sat(10, 5), partyOrgRatings: [], ownersCommitteeRatings: [100] },
      round2((0.4 * 50 + 0.3 * 100) / 0.7),
    ],
    [
      'no committee sheet: satisfaction and party renormalised 4:3',
      { satisfaction: sat(2, 2), partyOrgRatings: [30], ownersCommitteeRatings: [] },
      round2((0.4 * 100 + 0.3 * 30) / 0.7),
    ],
    ['only the party sheet: it is the score', { satisfaction: null, partyOrgRatings: [66.67], ownersCommitteeRatings: [] }, 66.67],
    [
      'no sheet at all: no score, whatever the satisfaction',
      { satisfaction: sat(10, 10), partyOrgRatings: [], ownersCommitteeRatings: [] },
      null,
    ],
  ])('%s', (_label, input, expected) => {
    expect(qualityScore(input, W).score).toBe(expected === null ? null : round2(expected));
  });

  test('reports each component, null where there is no data', () => {
    expect(qualityScore({ satisfaction: sat(3, 2), partyOrgRatings: [], ownersCommitteeRatings: [75, 50] }, W).components).toEqual({
      ownerSatisfaction: 66.67,
      partyOrg: null,
      ownersCommittee: 62.5,
    });
  });

  test('uses configured weights', () => {
    const score = qualityScore(
      { satisfaction: sat(1, 1), partyOrgRatings: [0], ownersCommitteeRatings: [0] },
      { ownerSatisfaction: 0.5, partyOrg: 0.25, ownersCommittee: 0.25 },
    ).score;
    expect(score).toBe(50);
  });
});

describe('credit score: quality averaged over compounds minus 10 per serious item', () => {
  test.each<[string, number[], number, number | null]>([
    ['one compound', [88], 0, 88],
    ['two compounds averaged', [90, 70], 0, 80],
    ['one serious item', [90, 70], 1, 70],
    ['two serious items', [90], 2, 70],
    ['floored at 0', [15], 2, 0],
    ['no quality score: no credit score', [], 0, null],
    ['no quality score with a serious item: still none', [], 1, null],
  ])('%s', (_label, scores, items, expected) => {
    expect(creditScore(scores, items, DEFAULT_RULES.seriousItemPenalty)).toBe(expected);
  });
});

describe('grades: AAA ≥ 85, AA 80–85, A 70–80, B 60–70, C < 60', () => {
  test.each<[number, Grade]>([
    [100, 'AAA'],
    [85.0, 'AAA'],
    [84.99, 'AA'],
    [80, 'AA'],
    [79.99, 'A'],
    [70, 'A'],
    [69.99, 'B'],
    [60.0, 'B'],
    [59.99, 'C'],
    [0, 'C'],
    // Binary fractions of a true 85 and 60 still grade as 85 and 60.
    [84.99999999999999, 'AAA'],
    [59.99999999999999, 'B'],
  ])('%s is %s', (score, grade) => {
    expect(gradeOf(score)).toBe(grade);
  });

  test('a sheet set worth exactly 85 grades AAA', () => {
    // Means 4.4 (= 85) from sheets whose sum of scores is 30.8 cannot exist; 85 comes from 75 and 95 averaged.
    const q = qualityScore({ satisfaction: null, partyOrgRatings: [sheetRating(all(4))], ownersCommitteeRatings: [95] }, W).score as number;
    expect(q).toBe(85);
    expect(gradeOf(creditScore([q], 0, 10) as number)).toBe('AAA');
  });
});

describe('red and black lists', () => {
  test.each<[string, Grade | null, number, 'red' | 'black' | null]>([
    ['AAA without serious items is red', 'AAA', 0, 'red'],
    ['AA is on neither list', 'AA', 0, null],
    ['A is on neither list', 'A', 0, null],
    ['B is on neither list', 'B', 0, null],
    ['C is black', 'C', 0, 'black'],
    ['black-lists a firm with a serious item even when its score is AAA', 'AAA', 1, 'black'],
    ['a serious item black-lists a B', 'B', 1, 'black'],
    ['an ungraded firm is on neither list', null, 0, null],
    ['an ungraded firm with a serious item is black', null, 1, 'black'],
  ])('%s', (_label, grade, items, expected) => {
    expect(listOf(grade, items)).toBe(expected);
  });
});

describe('evaluating a period', () => {
  const compound = (compoundId: string, firmId: string, satisfaction: CompoundInput['satisfaction'] = null): CompoundInput => ({
    compoundId,
    compoundName: `小区${compoundId}`,
    firmId,
    firmName: `物业${firmId}`,
    satisfaction,
  });
  const s = (compoundId: string, raterRole: SheetInput['raterRole'], scores: DimensionScores): SheetInput => ({
    compoundId,
    raterRole,
    scores,
  });

  test('scores each compound, averages a firm over its compounds and ranks the lists', () => {
    const result = evaluatePeriod(
      [compound('c1', 'f1'), compound('c2', 'f1'), compound('c3', 'f2'), compound('c4', 'f3')],
      [
        s('c1', 'party_org', all(5)),
        s('c1', 'oc_member', all(5)),
        s('c2', 'party_org', all(4)),
        s('c3', 'party_org', all(3)),
        s('c3', 'oc_member', all(2)),
      ],
      [],
      DEFAULT_RULES,
    );
    const f1 = result.firms.find((f) => f.firmId === 'f1');
    expect(f1).toMatchObject({ creditScore: 87.5, grade: 'AAA', list: 'red', sheetCount: 3 });
    expect(f1?.compounds.map((c) => c.score)).toEqual([100, 75]);
    expect(result.firms.find((f) => f.firmId === 'f2')).toMatchObject({ creditScore: 37.5, grade: 'C', list: 'black' });
    // f3 has no sheet at all: no score, no grade, no list.
    expect(result.firms.find((f) => f.firmId === 'f3')).toMatchObject({ creditScore: null, grade: null, list: null });
    expect(result.firms.map((f) => f.firmId)).toEqual(['f1', 'f2', 'f3']);
    expect(result.red.map((f) => f.firmId)).toEqual(['f1']);
    expect(result.black.map((f) => f.firmId)).toEqual(['f2']);
  });

  test('a serious item takes 10 points off and black-lists an otherwise AAA firm', () => {
    const result = evaluatePeriod(
      [compound('c1', 'f1')],
      [s('c1', 'party_org', all(5))],
      [{ firmId: 'f1', firmName: '物业f1' }],
      DEFAULT_RULES,
    );
    expect(result.firms[0]).toMatchObject({ creditScore: 90, grade: 'AAA', list: 'black', seriousItems: 1 });
    expect(result.red).toEqual([]);
    expect(result.black).toEqual([{ firmId: 'f1', firmName: '物业f1', grade: 'AAA', creditScore: 90, seriousItems: 1 }]);
  });

  test('uses the configured penalty', () => {
    const result = evaluatePeriod([compound('c1', 'f1')], [s('c1', 'party_org', all(5))], [{ firmId: 'f1', firmName: '物业f1' }], {
      ...DEFAULT_RULES,
      seriousItemPenalty: 25,
    });
    expect(result.firms[0].creditScore).toBe(75);
  });

  test('counts owner satisfaction where the compound has rated requests', () => {
    const result = evaluatePeriod(
      [compound('c1', 'f1', { rated: 10, satisfied: 5 })],
      [s('c1', 'party_org', all(5)), s('c1', 'oc_member', all(5))],
      [],
      DEFAULT_RULES,
    );
    expect(result.firms[0].creditScore).toBe(80);
    expect(result.firms[0].compounds[0].components).toEqual({ ownerSatisfaction: 50, partyOrg: 100, ownersCommittee: 100 });
  });

  test('averages each dimension over the firm’s sheets for the chart', () => {
    const result = evaluatePeriod(
      [compound('c1', 'f1')],
      [s('c1', 'party_org', sheet(5, 4, 3, 2, 1, 5, 4)), s('c1', 'oc_member', sheet(4, 4, 4, 4, 4, 4, 4))],
      [],
      DEFAULT_RULES,
    );
    expect(result.firms[0].dimensions).toEqual({
      environment: 4.5,
      greening: 4,
      security: 3.5,
      facilities: 3,
      repairs: 2.5,
      fees: 4.5,
      coGovernance: 4,
    });
  });

  test('computes from exact sheet ratings and rounds once', () => {
    // 26/7 → 67.857…, 29/7 → 78.571…: the exact mean is 73.214…, not (67.86 + 78.57) / 2 = 73.215 → 73.22.
    const result = evaluatePeriod(
      [compound('c1', 'f1')],
      [s('c1', 'party_org', sheet(4, 4, 4, 4, 4, 3, 3)), s('c1', 'oc_member', sheet(5, 4, 4, 4, 4, 4, 4))],
      [],
      DEFAULT_RULES,
    );
    expect(result.firms[0].creditScore).toBe(73.21);
  });

  test('lists an ungraded firm with a serious item first on the black list', () => {
    const result = evaluatePeriod(
      [compound('c1', 'f1'), compound('c2', 'f2')],
      [s('c1', 'party_org', all(2))],
      [{ firmId: 'f2', firmName: '物业f2' }],
      DEFAULT_RULES,
    );
    expect(result.black.map((f) => [f.firmId, f.grade])).toEqual([
      ['f2', null],
      ['f1', 'C'],
    ]);
  });
});
