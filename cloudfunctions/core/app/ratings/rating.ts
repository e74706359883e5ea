import type { DimensionScores, FirmResult, ListEntry, RaterRole } from '../../domain/credit';
import type { Period } from '../../domain/period';
import type { Doc } from '../../ports/store';
import type { CompoundDoc } from '../community/community';

export const RATING_SHEETS = 'rating_sheets';
export const RATING_PERIODS = 'rating_periods';
export const RATING_PUBLICATIONS = 'rating_publications';
export const FIRM_RESULTS = 'rating_firm_results';
export const SERIOUS_ITEMS = 'rating_serious_items';

/** A period of one community is open for sheets until its first publication. */
export type PeriodState = 'open' | 'published';

/** One rater's sheet for one compound and period; `_id` is deterministic, so there is one per rater. */
export interface RatingSheetDoc extends Doc {
  communityId: string;
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  period: Period;
  raterId: string;
  raterName: string;
  raterRole: RaterRole;
  scores: DimensionScores;
  comment: string | null;
  /** The sheet's rating, 0–100 (mean score mapped 1 → 0, 5 → 100). */
  rating: number;
  /** 1 for the first submission, +1 for each replacement; every version is in the audit log. */
  version: number;
  createdAt: string;
  submittedAt: string;
}

/** A frozen publication's results (also kept, as the current one, on the period document). */
export interface PublicationResults {
  communityId: string;
  period: Period;
  /** 1 for the first publication of the period, 2… for republications. */
  n: number;
  /** Why the period was published again; null for the first publication. */
  reason: string | null;
  publishedAt: string;
  publishedBy: string;
  publishedByName: string;
  sheetCount: number;
  firms: FirmResult[];
  red: ListEntry[];
  black: ListEntry[];
}

/** One publication, never changed once written (history of republications). */
export interface RatingPublicationDoc extends Doc, PublicationResults {}

/**
 * The state of a period in a community. `version` moves with every sheet written, so a
 * publication computed from a stale read of the sheets cannot be stored (conditional update).
 */
export interface RatingPeriodDoc extends Doc {
  communityId: string;
  period: Period;
  state: PeriodState;
  version: number;
  sheetCount: number;
  publicationCount: number;
  /** The publication in force, denormalised so the board is one read. */
  current: PublicationResults | null;
  /** Set at publication until every black-list notice is queued (the scheduler finishes the job). */
  noticesPending: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A firm's result in the publication in force for one community and period (the firm page's history). */
export interface FirmResultDoc extends Doc, FirmResult {
  communityId: string;
  period: Period;
  n: number;
  publishedAt: string;
}

/** A serious item (重大事项) recorded by the party organisation against a firm, with evidence. */
export interface SeriousItemDoc extends Doc {
  communityId: string;
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  period: Period;
  description: string;
  /** Cloud file ids or links of photos and documents. */
  evidence: string[];
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** Deterministic ids: one sheet per rater per compound per period, one period doc per community. */
export const sheetId = (period: string, compoundId: string, raterId: string) => `${period}:${compoundId}:${raterId}`;
export const periodId = (communityId: string, period: string) => `${communityId}:${period}`;
export const publicationId = (communityId: string, period: string, n: number) => `${communityId}:${period}:${n}`;
export const firmResultId = (firmId: string, communityId: string, period: string) => `${firmId}:${communityId}:${period}`;

/** A period's document as its first sheet (`sheetCount` 1) or serious item (0) makes it. */
export function freshPeriod(communityId: string, period: Period, at: string, sheetCount: 0 | 1): RatingPeriodDoc {
  return {
    _id: periodId(communityId, period),
    communityId,
    period,
    state: 'open',
    version: 1,
    sheetCount,
    publicationCount: 0,
    current: null,
    noticesPending: false,
    createdAt: at,
    updatedAt: at,
  };
}

/** What a sheet or a serious item records of the compound it is about (its firm then), and the period. */
export function aboutCompound(compound: CompoundDoc, period: Period) {
  return {
    communityId: compound.communityId,
    compoundId: compound._id,
    compoundName: compound.name,
    firmId: compound.firmId,
    firmName: compound.firmName,
    period,
  };
}
