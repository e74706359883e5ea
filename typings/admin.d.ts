// The API types of the setup pages (shared API.md §6: `admin`, the `account` additions), written by
// hand like api.d.ts; typings/api-contract.ts checks each against its server counterpart.
import type { OutreachStats, Role } from './api';

/** A compound as the setup pages list it: its buildings and the firm serving it now ('' for none). */
export interface CompoundRow {
  compoundId: string;
  name: string;
  buildings: number;
  firmId: string;
  firmName: string;
}

export interface CommunityRow {
  communityId: string;
  name: string;
  population: number;
  compounds: CompoundRow[];
}

export interface StreetRow {
  streetId: string;
  name: string;
  district: string;
  /** How many communities the street has (the admin's list of streets lists none of them). */
  communityCount: number;
  communities: CommunityRow[];
}

export interface FirmRow {
  firmId: string;
  name: string;
  creditCode: string;
  hasPartyOrg: boolean;
}

/**
 * admin.structure: what the caller sets up, street by street. Without a street named, the admin
 * gets the city's streets only (their communities empty, `communityCount` set); naming a street
 * gives its communities and compounds. The firms are admin.firms.
 */
export interface StructureView {
  isAdmin: boolean;
  streets: StreetRow[];
}

/** admin.firms' input: the firms a page at a time, those whose name starts with `q`. */
export interface FirmsInput {
  q?: string;
  cursor?: string;
  limit?: number;
}

/** One row of a compound's service history (`to` null while the firm serves). */
export interface ServiceRow {
  firmId: string;
  firmName: string;
  from: string;
  to: string | null;
}

/** admin.compound: a compound and who served it when, newest first. */
export interface CompoundView {
  compoundId: string;
  name: string;
  communityId: string;
  communityName: string;
  buildings: string[];
  firmId: string;
  firmName: string;
  history: ServiceRow[];
}

/** The configurable figures of a community (RULES.md). */
export interface RulesConfig {
  requestTierHours: { emergency: number; utilities: number; general: number; complex: number };
  reopenWindowDays: number;
  autoCloseDays: number;
  freeCancelHours: number;
  attendanceMinRatio: number;
  ratingWeights: { ownerSatisfaction: number; partyOrg: number; ownersCommittee: number };
  seriousItemPenalty: number;
  volunteerTarget: number;
  ocPartyTarget: number;
  noticeDays: number;
  /** Categories of service needs by kind (RULES.md §7). */
  needCategories: Record<'general' | 'professional', Array<{ key: string; label: string }>>;
}

/** admin.rules / admin.setRules: the rules in force. */
export interface RulesView {
  communityId: string;
  name: string;
  rules: RulesConfig;
}

/** A change to a community's rules: any of the figures. */
export interface RulesPatch {
  requestTierHours?: Partial<RulesConfig['requestTierHours']>;
  reopenWindowDays?: number;
  autoCloseDays?: number;
  freeCancelHours?: number;
  attendanceMinRatio?: number;
  ratingWeights?: Partial<RulesConfig['ratingWeights']>;
  seriousItemPenalty?: number;
  volunteerTarget?: number;
  ocPartyTarget?: number;
  noticeDays?: number;
  /** Each kind's list replaces that kind's categories; 一般服务 keeps `micro_wish`. */
  needCategories?: Partial<RulesConfig['needCategories']>;
}

/** admin.createCommunity input. */
export interface CreateCommunityInput {
  streetId: string;
  name: string;
  population?: number;
  officePhone?: string;
}

/** admin.createCompound input. */
export interface CreateCompoundInput {
  communityId: string;
  name: string;
  buildings?: string[];
}

/** admin.registerFirm input. */
export interface RegisterFirmInput {
  name: string;
  creditCode: string;
  hasPartyOrg: boolean;
  contactPhone?: string;
}

/** admin.assignFirm input and answer (the compound's history, oldest first). */
export interface AssignFirmInput {
  compoundId: string;
  firmId: string;
  from: string;
}
export interface Assigned {
  compoundId: string;
  firmId: string;
  history: ServiceRow[];
}

/** admin.importStructure's answer: what was created, or each bad line (then nothing was). */
export interface ImportResult {
  created: { streets: number; communities: number; compounds: number; buildings: number };
  errors: Array<{ line: number; message: string }>;
}

/** Roles given by invitation. */
export type InvitableRole = Exclude<Role, 'admin' | 'resident'>;

/** account.invite: the one-time code. */
export interface Invitation {
  code: string;
  role: Role;
  roleLabel: string;
  scopeId: string;
  scopeName: string;
  expiresAt: string;
}

/** account.redeem. */
export interface Redeemed {
  role: Role;
  /** The role's name. */
  roleLabel: string;
  scopeId: string;
  scopeName: string;
}

/** Request KPIs of admin.overview, from the counters (API.md `admin.overview`). */
export interface OverviewKpis {
  total: number;
  open: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** A firm's request KPIs in an overview row. */
export interface FirmKpis extends OverviewKpis {
  firmId: string;
  firmName: string;
}

/** A share against its target, as the rules in force set it. */
export interface TargetFigure {
  count: number;
  base: number;
  share: number | null;
  target: number;
  met: boolean;
}

export type Party = 'residents_committee' | 'owners_committee' | 'property';
export type Grade = 'AAA' | 'AA' | 'A' | 'B' | 'C';

/** One row of admin.overview: a street (level city), a community (level street), or their total. */
export interface OverviewRow {
  level: 'city' | 'street' | 'community';
  id: string;
  name: string;
  communities: number;
  volunteers: TargetFigure;
  ocParty: TargetFigure;
  compoundParty: { covered: number; compounds: number; share: number | null };
  /** `byFirm`: the firms with the most requests (10), of `firmCount` with any. */
  requests: OverviewKpis & { byParty: Record<Party, OverviewKpis>; byFirm: FirmKpis[]; firmCount: number };
  firmsByGrade: Record<Grade | 'none', number>;
  backbone: OutreachStats;
}

/** admin.overview. */
export interface OverviewView {
  level: 'city' | 'street';
  streetId: string | null;
  name: string;
  /** The rating period the grades come from (`YYYY-H1`/`YYYY-H2`). */
  period: `${number}-H${1 | 2}` | null;
  periodLabel: string | null;
  total: OverviewRow;
  rows: OverviewRow[];
  /** The parties `requests.byParty` counts, named, in the order the page lists them. */
  parties: Array<{ value: Party; label: string }>;
}

/** admin.exportLedger input: a ledger (台账) of a community, a street or the city, dates inclusive in China time. */
export interface ExportLedgerInput {
  ledger: 'requests' | 'volunteer_records' | 'outreach' | 'ratings';
  communityId?: string;
  streetId?: string;
  from?: string;
  to?: string;
}
