import type { RulesConfig } from '../../domain/rules-config';
import type { Doc } from '../../ports/store';

export const COMMUNITIES = 'communities';
export const COMPOUNDS = 'compounds';
export const FIRMS = 'firms';

/** A community (社区) with the residents' committee and party organisation that serve it. */
export interface CommunityDoc extends Doc {
  name: string;
  city: string;
  district: string;
  street: string;
  /** The residents' committee's office phone, shown as the contact of what it organises. */
  officePhone: string;
  /** Registered household residents (户籍/常住人口), the base of the volunteer ratio. */
  population: number;
  /** Overrides of the configurable rules for this community. */
  rules?: Partial<RulesConfig>;
  createdAt: string;
}

/** A compound (小区) inside a community, served by one property firm. */
export interface CompoundDoc extends Doc {
  communityId: string;
  name: string;
  firmId: string;
  /** Denormalised from the firm so the community list is two reads. */
  firmName: string;
}

/** A property service firm (物业服务企业). */
export interface FirmDoc extends Doc {
  name: string;
  /** 统一社会信用代码 (GB 32100). */
  creditCode: string;
  contactPhone: string;
}
