import { DEFAULT_NEED_CATEGORIES, needCategoriesFor, type NeedCategories } from './outreach-categories';

/**
 * The configurable numbers of RULES.md, in one object, with their defaults. A community may
 * override any of them (community.rules).
 */
export interface RulesConfig {
  /** Request time limits per tier, in hours (RULES.md §2). */
  requestTierHours: { emergency: number; utilities: number; general: number; complex: number };
  /** Days after resolution during which the submitter may reopen. */
  reopenWindowDays: number;
  /** Days after resolution after which an unrated request closes by itself. */
  autoCloseDays: number;
  /** Hours before start until which a volunteer may cancel without it counting as late. */
  freeCancelHours: number;
  /** Share of the activity's duration an attendance must cover to count. */
  attendanceMinRatio: number;
  /** Quality-score weights (RULES.md §4). */
  ratingWeights: { ownerSatisfaction: number; partyOrg: number; ownersCommittee: number };
  /** Credit points taken off per serious item. */
  seriousItemPenalty: number;
  /** Target share of registered volunteers among residents. */
  volunteerTarget: number;
  /** Target share of party members among owners'-committee members. */
  ocPartyTarget: number;
  /** Days an owners' motion must be announced before voting opens (RULES.md §6). */
  noticeDays: number;
  /** Categories of service needs, per kind (RULES.md §7; defaults in outreach-categories.ts). */
  needCategories: NeedCategories;
}

export const DEFAULT_RULES: RulesConfig = {
  requestTierHours: { emergency: 2, utilities: 24, general: 24 * 7, complex: 24 * 15 },
  reopenWindowDays: 7,
  autoCloseDays: 7,
  freeCancelHours: 2,
  attendanceMinRatio: 0.6,
  ratingWeights: { ownerSatisfaction: 0.4, partyOrg: 0.3, ownersCommittee: 0.3 },
  seriousItemPenalty: 10,
  volunteerTarget: 0.15,
  ocPartyTarget: 0.5,
  noticeDays: 15,
  needCategories: DEFAULT_NEED_CATEGORIES,
};

/** The rules in force for a community: the defaults with its overrides. */
export function rulesFor(overrides?: Partial<RulesConfig> | null): RulesConfig {
  if (!overrides) return DEFAULT_RULES;
  return {
    ...DEFAULT_RULES,
    ...overrides,
    requestTierHours: { ...DEFAULT_RULES.requestTierHours, ...(overrides.requestTierHours ?? {}) },
    ratingWeights: { ...DEFAULT_RULES.ratingWeights, ...(overrides.ratingWeights ?? {}) },
    needCategories: needCategoriesFor(overrides.needCategories),
  };
}
