import { creditScore, gradeOf, listOf, round2, type Grade, type ListKind } from './credit';

/** One community's published result for a firm in a period: its compounds' quality scores and serious items. */
export interface CommunityFirmResult {
  communityId: string;
  compounds: Array<{ compoundId: string; score: number | null }>;
  seriousItems: number;
  /** The penalty per serious item of that community's rules. */
  penalty: number;
}

/** A firm's city-wide result for a period (RULES.md §4): the grade shown anywhere. */
export interface CityFirmResult {
  creditScore: number | null;
  grade: Grade | null;
  list: ListKind | null;
  seriousItems: number;
  compoundCount: number;
  communityCount: number;
}

/**
 * A firm's credit for a period over every compound it served, in every community published so
 * far: the mean of all the compounds' quality scores (a compound counts once, whichever community
 * published it), minus each community's penalty for its serious items, floored at 0.
 */
export function cityCredit(results: CommunityFirmResult[]): CityFirmResult {
  const scores = results.flatMap((r) => r.compounds.map((c) => c.score)).filter((s): s is number => s !== null);
  const serious = results.reduce((n, r) => n + r.seriousItems, 0);
  const penalty = results.reduce((p, r) => p + r.seriousItems * r.penalty, 0);
  // creditScore subtracts items × penalty; pass the summed penalty as one item's worth.
  const credit = creditScore(scores, penalty > 0 ? 1 : 0, round2(penalty));
  const grade = credit === null ? null : gradeOf(credit);
  return {
    creditScore: credit,
    grade,
    list: listOf(grade, serious),
    seriousItems: serious,
    compoundCount: results.reduce((n, r) => n + r.compounds.length, 0),
    communityCount: results.length,
  };
}
