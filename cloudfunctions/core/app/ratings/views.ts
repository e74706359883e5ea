import {
  GRADE_FLOORS,
  LIST_LABELS,
  RATER_ROLE_LABELS,
  type DimensionOption,
  type DimensionMeans,
  type DimensionScores,
  type FirmResult,
  type Grade,
  type ListEntry,
  type ListKind,
  type RaterRole,
} from '../../domain/credit';
import type { RulesConfig } from '../../domain/rules-config';
import { periodLabel, type Period } from '../../domain/period';
import type { PeriodState, PublicationResults, RatingSheetDoc, SeriousItemDoc } from './rating';

/** A sheet's state as its rater sees it: not yet sent, sent (replaceable), or closed by publication. */
export type SheetState = 'draft' | 'submitted' | 'closed';

/** A period and its Chinese name, for pickers. */
export interface PeriodOption {
  period: Period;
  label: string;
}

/** A rating sheet as the rater and the community's staff see it. */
export interface SheetView {
  sheetId: string;
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  period: Period;
  raterId: string;
  raterName: string;
  raterRole: RaterRole;
  /** The capacity in words (业委会成员). */
  raterRoleLabel: string;
  scores: DimensionScores;
  comment: string | null;
  rating: number;
  version: number;
  submittedAt: string;
}

/** The figures of the credit rules in force for the community (RULES.md §4), for pages to show. */
export interface RatingRulesView {
  /** Weights of the quality score, in percent. */
  weights: { ownerSatisfaction: number; partyOrg: number; ownersCommittee: number };
  /** Credit points taken off per serious item. */
  seriousItemPenalty: number;
  /** The lowest score of each grade, best first (C is anything below the last). */
  gradeFloors: Array<{ grade: Grade; floor: number }>;
}

export function ratingRulesView(rules: RulesConfig): RatingRulesView {
  const pct = (w: number) => Math.round(w * 1000) / 10;
  return {
    weights: {
      ownerSatisfaction: pct(rules.ratingWeights.ownerSatisfaction),
      partyOrg: pct(rules.ratingWeights.partyOrg),
      ownersCommittee: pct(rules.ratingWeights.ownersCommittee),
    },
    seriousItemPenalty: rules.seriousItemPenalty,
    gradeFloors: GRADE_FLOORS.map(([grade, floor]) => ({ grade, floor })),
  };
}

/** The 红黑榜 of one published period (the publication in force). */
export interface BoardView {
  /** The credit rules of the community, as the board explains them. */
  rules: RatingRulesView;
  /** A community's publication, or the city-wide ranking of every firm. */
  scope: 'community' | 'city';
  communityId: string | null;
  /** The community's name, to say whose board this is (null for the city ranking). */
  communityName: string | null;
  period: Period | null;
  label: string | null;
  /** Which publication of the period this is (2… after a republication with a reason). */
  n: number | null;
  reason: string | null;
  publishedAt: string | null;
  red: BoardEntry[];
  black: BoardEntry[];
  firms: BoardFirm[];
  /** Published periods of the community, newest first, to switch between. */
  periods: PeriodOption[];
}

/** A listed firm, with the list's name (红榜). */
export type BoardEntry = ListEntry & { listLabel: string };
/** A firm of the ranking, with its list's name (null when on neither). */
export type BoardFirm = FirmResult & { listLabel: string | null };

/** The list's name of a firm on a list, null on neither. */
export const listLabelOf = (list: ListKind | null): string | null => (list ? LIST_LABELS[list] : null);

/** The red and black lists and the ranking, each firm with its list's name. */
export function boardLists(lists: {
  red: ListEntry[];
  black: ListEntry[];
  firms: FirmResult[];
}): Pick<BoardView, 'red' | 'black' | 'firms'> {
  return {
    red: lists.red.map((e) => ({ ...e, listLabel: LIST_LABELS.red })),
    black: lists.black.map((e) => ({ ...e, listLabel: LIST_LABELS.black })),
    firms: lists.firms.map((f) => ({ ...f, listLabel: listLabelOf(f.list) })),
  };
}

/** One published period of a firm, for its history and chart. */
export interface FirmHistoryEntry {
  communityId: string;
  period: Period;
  label: string;
  n: number;
  publishedAt: string;
  grade: Grade | null;
  creditScore: number | null;
  list: ListKind | null;
  listLabel: string | null;
  seriousItems: number;
  sheetCount: number;
  dimensions: DimensionMeans;
  compounds: Array<{ compoundId: string; compoundName: string; score: number | null }>;
}

/** A firm's public page. */
export interface FirmView {
  firmId: string;
  name: string;
  creditCode: string;
  latest: {
    period: Period;
    label: string;
    grade: Grade | null;
    creditScore: number | null;
    list: ListKind | null;
    listLabel: string | null;
  } | null;
  compounds: Array<{ compoundId: string; name: string; communityId: string }>;
  /** Newest first. */
  history: FirmHistoryEntry[];
  /** The dimensions of the chart, in sheet order, with their names. */
  dimensions: readonly DimensionOption[];
}

/** A firm's latest grade, where owners' committees choose a firm. */
export interface FirmGrade {
  firmId: string;
  period: Period | null;
  label: string | null;
  grade: Grade | null;
  creditScore: number | null;
  list: ListKind | null;
  /** Whether the firm has its own party organisation (党组织健全), preferred when a compound selects a firm. */
  hasPartyOrg: boolean;
}

/** One compound the caller may rate, with their sheet if any. */
export interface MySheetItem {
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  raterRole: RaterRole;
  raterRoleLabel: string;
  state: SheetState;
  sheet: SheetView | null;
}

/** The state of a period as the rater sees it. */
export type RaterPeriodState = 'not_started' | PeriodState;

export const PERIOD_STATE_LABELS: Record<RaterPeriodState, string> = { not_started: '未开始', open: '评价中', published: '已发布' };

export interface MySheetsView {
  period: Period;
  label: string;
  periodState: RaterPeriodState;
  items: MySheetItem[];
  /** The dimensions a sheet rates, in sheet order, with their names. */
  dimensions: readonly DimensionOption[];
}

/** One expected rater of a compound and whether they have rated. */
export interface RaterStatus {
  userId: string;
  name: string;
  role: RaterRole;
  roleLabel: string;
  rated: boolean;
  rating: number | null;
  version: number | null;
  submittedAt: string | null;
}

/** A serious item as staff see it. */
export interface SeriousItemView {
  itemId: string;
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  period: Period;
  description: string;
  evidence: string[];
  recordedByName: string;
  recordedAt: string;
}

/** The staff view of a period: who has rated, who hasn't, publications and serious items. */
export interface PeriodView {
  /** The credit rules of the community (the penalty a serious item costs). */
  rules: RatingRulesView;
  communityId: string;
  period: Period;
  label: string;
  state: RaterPeriodState;
  /** The state in words (评价中). */
  stateLabel: string;
  sheetCount: number;
  /** Whether the caller may publish (party_org of the community or admin). */
  canPublish: boolean;
  /** Whether the caller may record serious items (party_org of the community). */
  canRecordSeriousItem: boolean;
  publications: Array<{ n: number; reason: string | null; publishedAt: string; publishedByName: string }>;
  compounds: Array<{
    compoundId: string;
    name: string;
    firmId: string;
    firmName: string;
    ratedCount: number;
    raterCount: number;
    raters: RaterStatus[];
  }>;
  seriousItems: SeriousItemView[];
  /** The community's periods with a sheet or a publication, newest first. */
  periods: PeriodOption[];
}

export const periodOption = (period: Period): PeriodOption => ({ period, label: periodLabel(period) });

export function sheetView(s: RatingSheetDoc): SheetView {
  return {
    sheetId: s._id,
    compoundId: s.compoundId,
    compoundName: s.compoundName,
    firmId: s.firmId,
    firmName: s.firmName,
    period: s.period,
    raterId: s.raterId,
    raterName: s.raterName,
    raterRole: s.raterRole,
    raterRoleLabel: RATER_ROLE_LABELS[s.raterRole],
    scores: s.scores,
    comment: s.comment,
    rating: s.rating,
    version: s.version,
    submittedAt: s.submittedAt,
  };
}

export function seriousItemView(i: SeriousItemDoc): SeriousItemView {
  return {
    itemId: i._id,
    compoundId: i.compoundId,
    compoundName: i.compoundName,
    firmId: i.firmId,
    firmName: i.firmName,
    period: i.period,
    description: i.description,
    evidence: i.evidence,
    recordedByName: i.recordedByName,
    recordedAt: i.recordedAt,
  };
}

/** The board of a publication; who published stays off the public board. */
export function boardView(
  p: PublicationResults | null,
  periods: Period[],
  community: { _id: string; name: string },
  rules: RulesConfig,
): BoardView {
  return {
    rules: ratingRulesView(rules),
    scope: 'community',
    communityId: community._id,
    communityName: community.name,
    period: p?.period ?? null,
    label: p ? periodLabel(p.period) : null,
    n: p?.n ?? null,
    reason: p?.reason ?? null,
    publishedAt: p?.publishedAt ?? null,
    ...boardLists({ red: p?.red ?? [], black: p?.black ?? [], firms: p?.firms ?? [] }),
    periods: periods.map(periodOption),
  };
}
