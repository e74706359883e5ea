import type { OversightCounters } from '../../domain/oversight';
import type { RulesConfig } from '../../domain/rules-config';
import type { Doc } from '../../ports/store';
import type { BackboneCounters } from '../outreach/stats';

export const COMMUNITIES = 'communities';
export const COMPOUNDS = 'compounds';
export const FIRMS = 'firms';
export const STREETS = 'streets';
/** A street's totals (community/totals.ts), one document per street under the street's `_id`. */
export const STREET_TOTALS = 'street_totals';
/** Which firm served which compound from when (RULES.md §9): one row per assignment. */
export const FIRM_ASSIGNMENTS = 'firm_assignments';

/** A street office (街道) in a district of the city. */
export interface StreetDoc extends Doc {
  name: string;
  city: string;
  district: string;
  createdAt: string;
  /** The number of its communities, moved with them (its other totals are its StreetTotalsDoc). */
  communities?: number;
}

/**
 * A street's communities' figures summed, moved in the same writes as theirs (community/totals.ts):
 * their oversight counters and backbone counters. Apart from the street's document, which the
 * pickers read (community.streets): a street's totals name a hundred firms.
 */
export interface StreetTotalsDoc extends Doc {
  counters?: OversightCounters;
  backbone?: Partial<BackboneCounters>;
}

/** A community (社区) with the residents' committee and party organisation that serve it. */
export interface CommunityDoc extends Doc {
  name: string;
  city: string;
  district: string;
  street: string;
  /** The street (街道) the community belongs to; `street` is its name. */
  streetId?: string;
  /** The residents' committee's office phone, shown as the contact of what it organises. */
  officePhone: string;
  /** Registered household residents (户籍/常住人口), the base of the volunteer ratio. */
  population: number;
  /** Overrides of the configurable rules for this community. */
  rules?: Partial<RulesConfig>;
  /** Moved by every change to `rules` (admin.setRules writes only over the revision it merged). */
  rulesRev?: number;
  /** Party members and the volunteer backbone, counted as they change (outreach/stats.ts). */
  backbone?: Partial<BackboneCounters>;
  /** The oversight figures, counted as they change (app/admin/counters.ts). */
  counters?: OversightCounters;
  createdAt: string;
}

/** A compound (小区) inside a community, served by one property firm. */
export interface CompoundDoc extends Doc {
  communityId: string;
  name: string;
  firmId: string;
  /** Denormalised from the firm so the community list is two reads. */
  firmName: string;
  /** The community's street, so a street's compounds are one query. */
  streetId?: string;
  /** Buildings (楼栋) by name. */
  buildings?: string[];
  /** Moves with every change to `buildings` after the compound is made, which it guards (app/admin/import.ts). */
  buildingsRev?: number;
  /** Active members of its party organisation (小区党组织), counted as they change (app/admin/counters.ts). */
  counters?: { partyMembers?: number };
}

/** One period of a firm serving a compound: `from` inclusive, `to` exclusive (null while it serves). */
export interface FirmAssignmentDoc extends Doc {
  compoundId: string;
  communityId: string;
  firmId: string;
  firmName: string;
  /** Dates, `YYYY-MM-DD` (China time). */
  from: string;
  to: string | null;
  assignedBy: string | null;
  createdAt: string;
}

/** A property service firm (物业服务企业). */
export interface FirmDoc extends Doc {
  name: string;
  /** 统一社会信用代码 (GB 32100). */
  creditCode: string;
  contactPhone: string;
  /** Whether the firm has its own party organisation (党组织健全), shown when a compound selects a firm. */
  hasPartyOrg?: boolean;
  createdAt?: string;
}
