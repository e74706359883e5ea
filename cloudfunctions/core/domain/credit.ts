/**
 * Property-service quality score, credit score, grades and the red/black list (红黑榜),
 * exactly as RULES.md §4. Pure: the use cases load the inputs and store the results.
 */
import type { RulesConfig } from './rules-config';
import { compareZh } from './collation';

/** The seven dimensions of a rating sheet. */
export type Dimension = 'environment' | 'greening' | 'security' | 'facilities' | 'repairs' | 'fees' | 'coGovernance';
export const DIMENSIONS = [
  'environment',
  'greening',
  'security',
  'facilities',
  'repairs',
  'fees',
  'coGovernance',
] as const satisfies readonly Dimension[];

export const DIMENSION_LABELS: Record<Dimension, string> = {
  environment: '环境卫生',
  greening: '绿化养护',
  security: '秩序维护',
  facilities: '设施设备',
  repairs: '报修响应',
  fees: '收费公示',
  coGovernance: '共建共治',
};

/** One sheet's scores: an integer 1–5 per dimension. */
export type DimensionScores = Record<Dimension, number>;

/**
 * Who fills a sheet: an owners'-committee member of the compound, a member of its compound party
 * organisation, or — where the compound has none yet — the community party organisation.
 */
export type RaterRole = 'oc_member' | 'compound_party' | 'party_org';

export const RATER_ROLE_LABELS: Record<RaterRole, string> = {
  oc_member: '业委会成员',
  compound_party: '小区党组织',
  party_org: '社区党组织',
};

/** Credit grades, best first. */
export type Grade = 'AAA' | 'AA' | 'A' | 'B' | 'C';
export const GRADES = ['AAA', 'AA', 'A', 'B', 'C'] as const satisfies readonly Grade[];

/** 红榜 or 黑榜. */
export type ListKind = 'red' | 'black';

export const LIST_LABELS: Record<ListKind, string> = { red: '红榜', black: '黑榜' };

/** A dimension and its name, in sheet order: what a sheet, a chart or a table lays out. */
export interface DimensionOption {
  key: Dimension;
  label: string;
}
export const DIMENSION_OPTIONS: readonly DimensionOption[] = DIMENSIONS.map((key) => ({ key, label: DIMENSION_LABELS[key] }));

/** The lowest score of each grade (RULES.md §4: AAA ≥ 85, AA 80–85, A 70–80, B 60–70, C < 60). */
export const GRADE_FLOORS: ReadonlyArray<readonly [Grade, number]> = [
  ['AAA', 85],
  ['AA', 80],
  ['A', 70],
  ['B', 60],
];

/**
 * Rounds to two decimals, the precision scores are shown and graded at. The epsilon keeps
 * binary fractions such as 84.99999999999999 (a true 85) on the right side of a boundary.
 */
export function round2(x: number): number {
  return Math.round((x + (x >= 0 ? 1e-9 : -1e-9)) * 100) / 100;
}

/** A sheet's rating: its mean dimension score mapped 1 → 0 and 5 → 100, unrounded (for computing). */
export function exactSheetRating(scores: DimensionScores): number {
  const mean = DIMENSIONS.reduce((sum, d) => sum + scores[d], 0) / DIMENSIONS.length;
  return ((mean - 1) / 4) * 100;
}

/** A sheet's rating as shown: two decimals. Scores are computed from the exact value, rounded once. */
export function sheetRating(scores: DimensionScores): number {
  return round2(exactSheetRating(scores));
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Rated requests of a compound in a period (the owner-satisfaction input). */
export interface SatisfactionInput {
  rated: number;
  /** Rated 4 or 5. */
  satisfied: number;
}

/** The three components of a quality score, each 0–100, null when it has no data. */
export interface QualityComponents {
  ownerSatisfaction: number | null;
  partyOrg: number | null;
  ownersCommittee: number | null;
}

/** A compound's quality score and the components it was made of. */
export interface Quality {
  /** 0–100, two decimals; null when the firm has no sheet at all in the compound. */
  score: number | null;
  components: QualityComponents;
}

/**
 * The quality score of a firm in a compound for a period: the weighted mean of owner
 * satisfaction, the party-organisation rating and the owners'-committee rating, leaving out
 * any component without data and renormalising the remaining weights. No sheet → no score,
 * whatever the satisfaction (the rating is the raters' judgment; satisfaction only refines it).
 */
export function qualityScore(
  input: { satisfaction: SatisfactionInput | null; partyOrgRatings: number[]; ownersCommitteeRatings: number[] },
  weights: RulesConfig['ratingWeights'],
): Quality {
  const sat = input.satisfaction && input.satisfaction.rated > 0 ? (input.satisfaction.satisfied / input.satisfaction.rated) * 100 : null;
  const party = mean(input.partyOrgRatings);
  const oc = mean(input.ownersCommitteeRatings);
  const components: QualityComponents = {
    ownerSatisfaction: sat === null ? null : round2(sat),
    partyOrg: party === null ? null : round2(party),
    ownersCommittee: oc === null ? null : round2(oc),
  };
  if (party === null && oc === null) return { score: null, components };
  let weighted = 0;
  let total = 0;
  for (const [value, weight] of [
    [sat, weights.ownerSatisfaction],
    [party, weights.partyOrg],
    [oc, weights.ownersCommittee],
  ] as Array<[number | null, number]>) {
    if (value === null || weight <= 0) continue;
    weighted += value * weight;
    total += weight;
  }
  return { score: total > 0 ? round2(weighted / total) : null, components };
}

/**
 * A firm's credit score: its quality scores averaged over its compounds, minus the penalty per
 * serious item, floored at 0. Null when no compound has a quality score.
 */
export function creditScore(qualityScores: number[], seriousItems: number, penalty: number): number | null {
  const avg = mean(qualityScores);
  if (avg === null) return null;
  return Math.max(0, round2(avg - seriousItems * penalty));
}

/** The grade of a credit score (85.00 is AAA, 84.99 is AA, 60.00 is B, 59.99 is C). */
export function gradeOf(score: number): Grade {
  const s = round2(score);
  for (const [grade, floor] of GRADE_FLOORS) if (s >= floor) return grade;
  return 'C';
}

/**
 * Which list a firm is on: black for C or any serious item (even when otherwise AAA), red for
 * AAA with no serious item, else neither. A firm without a grade is on a list only for a serious item.
 */
export function listOf(grade: Grade | null, seriousItems: number): ListKind | null {
  if (seriousItems > 0 || grade === 'C') return 'black';
  if (grade === 'AAA') return 'red';
  return null;
}

/** A sheet as the evaluation needs it. */
export interface SheetInput {
  compoundId: string;
  /** The firm the sheet belongs to (domain/firm-service.ts); when given, it counts for that firm only. */
  firmId?: string;
  raterRole: RaterRole;
  scores: DimensionScores;
}

/** A compound as the evaluation needs it: the firm serving it and its owner satisfaction. */
export interface CompoundInput {
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  satisfaction: SatisfactionInput | null;
}

/** A serious item recorded against a firm in the period. */
export interface SeriousItemInput {
  firmId: string;
  firmName: string;
}

/** Mean score per dimension (1–5, two decimals), null without sheets. */
export type DimensionMeans = Record<Dimension, number | null>;

export interface CompoundResult extends Quality {
  compoundId: string;
  compoundName: string;
  firmId: string;
  sheetCount: number;
}

export interface FirmResult {
  firmId: string;
  firmName: string;
  creditScore: number | null;
  grade: Grade | null;
  list: ListKind | null;
  seriousItems: number;
  sheetCount: number;
  /** Mean per dimension over all sheets of the firm's compounds: the firm page's chart. */
  dimensions: DimensionMeans;
  compounds: CompoundResult[];
}

/** A firm on the red or black list, as the board shows it. */
export interface ListEntry {
  firmId: string;
  firmName: string;
  grade: Grade | null;
  creditScore: number | null;
  seriousItems: number;
}

export interface PeriodEvaluation {
  /** Best credit score first; ungraded firms last. */
  firms: FirmResult[];
  /** Best first. */
  red: ListEntry[];
  /** Lowest first; ungraded (serious items only) first of all. */
  black: ListEntry[];
}

function dimensionMeans(sheets: SheetInput[]): DimensionMeans {
  const out = {} as DimensionMeans;
  for (const d of DIMENSIONS) {
    const m = mean(sheets.map((s) => s.scores[d]));
    out[d] = m === null ? null : round2(m);
  }
  return out;
}

const byScoreDesc = (a: { creditScore: number | null; firmName: string }, b: { creditScore: number | null; firmName: string }) =>
  (b.creditScore ?? -1) - (a.creditScore ?? -1) || compareZh(a.firmName, b.firmName);

/** Evaluates one period of one community: quality per compound, credit, grade and list per firm. */
export function evaluatePeriod(
  compounds: CompoundInput[],
  sheets: SheetInput[],
  seriousItems: SeriousItemInput[],
  rules: Pick<RulesConfig, 'ratingWeights' | 'seriousItemPenalty'>,
): PeriodEvaluation {
  const firms = new Map<string, { firmName: string; compounds: CompoundResult[]; sheets: SheetInput[]; serious: number }>();
  const firmOf = (firmId: string, firmName: string) => {
    let f = firms.get(firmId);
    if (!f) firms.set(firmId, (f = { firmName, compounds: [], sheets: [], serious: 0 }));
    return f;
  };
  for (const c of compounds) {
    const own = sheets.filter((s) => s.compoundId === c.compoundId && (s.firmId === undefined || s.firmId === c.firmId));
    const quality = qualityScore(
      {
        satisfaction: c.satisfaction,
        // The party-organisation component: the compound party organisation's sheets, or the community's in its place.
        partyOrgRatings: own.filter((s) => s.raterRole !== 'oc_member').map((s) => exactSheetRating(s.scores)),
        ownersCommitteeRatings: own.filter((s) => s.raterRole === 'oc_member').map((s) => exactSheetRating(s.scores)),
      },
      rules.ratingWeights,
    );
    const f = firmOf(c.firmId, c.firmName);
    f.compounds.push({ compoundId: c.compoundId, compoundName: c.compoundName, firmId: c.firmId, sheetCount: own.length, ...quality });
    f.sheets.push(...own);
  }
  for (const item of seriousItems) firmOf(item.firmId, item.firmName).serious += 1;

  const results: FirmResult[] = [...firms].map(([firmId, f]) => {
    const scores = f.compounds.map((c) => c.score).filter((s): s is number => s !== null);
    const credit = creditScore(scores, f.serious, rules.seriousItemPenalty);
    const grade = credit === null ? null : gradeOf(credit);
    return {
      firmId,
      firmName: f.firmName,
      creditScore: credit,
      grade,
      list: listOf(grade, f.serious),
      seriousItems: f.serious,
      sheetCount: f.sheets.length,
      dimensions: dimensionMeans(f.sheets),
      compounds: f.compounds,
    };
  });
  results.sort(byScoreDesc);
  const entry = (f: FirmResult): ListEntry => ({
    firmId: f.firmId,
    firmName: f.firmName,
    grade: f.grade,
    creditScore: f.creditScore,
    seriousItems: f.seriousItems,
  });
  const red = results.filter((f) => f.list === 'red').map(entry);
  const black = results
    .filter((f) => f.list === 'black')
    .map(entry)
    .reverse();
  return { firms: results, red, black };
}
