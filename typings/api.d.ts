// The API types the mini-program sees (API.md §1, §5), written by hand: a type-only import of the
// cloud functions' files would make `tsc -p miniprogram/tsconfig.json` compile server code that
// needs Node's types (Buffer, node:crypto). `typings/api-contract.ts` checks, under the root
// tsconfig, that each type here equals its server counterpart, so the two cannot drift apart.

/** Error codes of the envelope (API.md §1). */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'CONTENT_REJECTED'
  | 'UNKNOWN_ACTION'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** One offending field of an INVALID_INPUT failure (a zod issue: path + message). */
export interface InputIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Why a call from the mini-program did not get an answer from the function
 * (the `reason` of the UNAVAILABLE envelope miniprogram/services/transport.ts answers).
 */
export type TransportReason =
  | 'NETWORK'
  | 'CLIENT_TIMEOUT'
  | 'FUNCTION_NOT_FOUND'
  | 'FUNCTION_TIMEOUT'
  | 'FUNCTION_FAILED'
  | 'ENV_NOT_FOUND'
  | 'CLOUD_NOT_ENABLED'
  | 'QUOTA_EXCEEDED'
  | 'BAD_RESPONSE'
  | 'CLOUD_CALL_FAILED'
  | 'CLOUD_ENV_NOT_SET';

/** Every reason of every function (each function's own union: `app/<function>/reasons.ts`). */
export type Reason = import('../cloudfunctions/core/app/reasons').Reason;

/** A failure; `R` narrows the reasons to one function's (e.g. VolunteerReason). */
export interface AppError<R extends string = Reason> {
  code: ErrorCode;
  message: string;
  /** A stable, documented detail such as ALREADY_REGISTERED (each function's union: API.md, Reasons). */
  reason?: R | TransportReason;
  issues?: InputIssue[];
}

/** The envelope every action answers with; `R`: the reasons its function may give. */
export type ApiResult<T, R extends string = Reason> = { ok: true; data: T } | { ok: false; error: AppError<R> };

/** One page of a list and the cursor of the next, null at the end. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Roles a user can hold (API.md §2). */
export type Role = 'resident' | 'rc_staff' | 'oc_member' | 'property_staff' | 'party_org' | 'admin' | 'street_admin' | 'compound_party';

/** One role with its scope (`scopeId` at the role's level, the levels above beside it). */
export interface RoleGrant {
  role: Role;
  scopeId: string;
  streetId?: string;
  communityId?: string;
  compoundId?: string;
}

/** Account states. */
export type UserStatus = 'pending' | 'active' | 'disabled';

/** A role someone may hand out by invitation, its name and the level of the scope it is given for. */
export interface InvitableView {
  role: Exclude<Role, 'admin' | 'resident'>;
  label: string;
  scopeLevel: ScopeLevel;
}

/** What a user may see of themselves (account.whoami, account.register). */
export interface SelfView {
  userId: string;
  name: string;
  phone: string;
  status: UserStatus;
  roles: Role[];
  /** The roles' names, in the order of `roles`. */
  roleLabels: string[];
  /** The roles an active user may hand out by invitation (RULES.md §9: the level above grants), in a fixed order. */
  invitable: InvitableView[];
  communityId: string;
  compoundId: string;
  building: string;
  room: string;
  firmId: string | null;
  isPartyMember: boolean;
  /** Every role with its scope; more than one community here calls for a community picker. */
  grants: RoleGrant[];
}

/** account.whoami: `user` is null for an unregistered caller. */
export interface WhoAmI {
  openid: string | null;
  user: SelfView | null;
  /** The fixed choices of the forms that come before any data (whoami is asked first and kept). */
  options: FormOptions;
}

/** A choice of a picker or tab bar: the API's value and its name. */
export interface Option<K extends string> {
  value: K;
  label: string;
}

/** whoami's `options`, in the server's order. */
export interface FormOptions {
  requestCategories: Array<Option<RequestCategory>>;
  activityCategories: Array<Option<ActivityCategory>>;
  matters: Array<Option<Matter>>;
  /** 志愿服务队, 群众活动团队. */
  teamKinds: Array<Option<'volunteer' | 'mass'>>;
  /** 一般服务, 专业服务. */
  needKinds: Array<Option<'general' | 'professional'>>;
  /** 居住地社区报到, 单位结对社区报到. */
  reportKinds: Array<Option<'residence' | 'paired'>>;
}

/** 诉求类别 (API.md §5). */
export type RequestCategory =
  'environment' | 'facilities' | 'safety' | 'parking' | 'greening' | 'noise' | 'property_service' | 'neighbor_dispute' | 'other';

/** 志愿活动类别 (API.md §5). */
export type ActivityCategory = 'epidemic_prevention' | 'environment' | 'civility' | 'patriotic_health' | 'counseling' | 'other';

/** 业主共同决定事项 (民法典 art. 278). */
export type Matter =
  'rules' | 'covenant' | 'committee_election' | 'manager' | 'fund_use' | 'fund_raise' | 'rebuild' | 'common_use' | 'other';

/** A member as staff see them (account.listMembers): phone masked. */
export interface MemberView {
  userId: string;
  name: string;
  phoneMasked: string;
  status: UserStatus;
  /** The status in words (待审核 / 已通过 / 已停用). */
  statusLabel: string;
  roles: Role[];
  /** The roles' names, in the order of `roles`. */
  roleLabels: string[];
  compoundId: string;
  building: string;
  room: string;
  isPartyMember: boolean;
  firmId: string | null;
  createdAt: string;
}

/** account.listMembers answer (not `holders`): a page of members and the roles the list may be filtered by. */
export interface MemberPage extends Page<MemberView> {
  roleFilters: ReadonlyArray<{ role: Role; label: string }>;
  /** The two lists the page switches between (待审核, 已通过), named. */
  statusTabs: ReadonlyArray<{ value: 'pending' | 'active'; label: string }>;
}

/** The level of the city's structure a role's scope sits at (RULES.md §1). */
export type ScopeLevel = 'city' | 'street' | 'community' | 'compound' | 'firm';

/** A role holder as the level above sees them (account.listMembers with `holders`): name and phone masked. */
export interface HolderView {
  userId: string;
  nameMasked: string;
  phoneMasked: string;
  role: Role;
  roleLabel: string;
  scopeId: string;
  scopeLevel: ScopeLevel;
  scopeName: string;
  grantedAt: string;
}

/** The inputs of `account`'s actions: what its zod schemas accept (type-only, nothing is bundled). */
type AccountSchemas = typeof import('../cloudfunctions/core/app/account/schemas');
type InputOf<K extends keyof AccountSchemas> = import('zod').input<AccountSchemas[K]>;

/** account.register input. */
export type RegisterInput = InputOf<'registerInput'>;

/** account.approve input. */
export type ApproveInput = InputOf<'approveInput'>;

/** account.grantRole input (`firmId` only, and always, for property_staff). */
export type GrantRoleInput = InputOf<'grantRoleInput'>;

/** account.listMembers input. */
export type ListMembersInput = InputOf<'listMembersInput'>;

/**
 * community.list input: `{ mine: true }` the caller's own community, `{ communityId }` that one,
 * `{ streetId }` the communities of that street, `{}` every one.
 */
export type ListCommunitiesInput = import('zod').input<typeof import('../cloudfunctions/core/app/community/schemas').listInput>;

/** A compound (小区) and the firm serving it. */
export interface CompoundItem {
  compoundId: string;
  name: string;
  firmId: string;
  firmName: string;
}

/** community.list: a community with its compounds, as the pickers show them. */
export interface CommunityListItem {
  communityId: string;
  name: string;
  district: string;
  /** The street (街道) it belongs to ('' for a community recorded without one). */
  streetId: string;
  compounds: CompoundItem[];
}

/** community.streets: a street (街道), the first step of choosing a community. */
export interface StreetListItem {
  streetId: string;
  name: string;
  district: string;
}

/** Request KPIs of a community (接诉即办). Rates are 0–1, null without data. */
export interface RequestStats {
  total: number;
  open: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

/** community.stats result. Ratios are 0–1, null when the base is zero. */
export interface CommunityStats {
  communityId: string;
  population: number;
  residents: number;
  volunteers: number;
  volunteerRatio: number | null;
  /** What the ratio is divided by: the approved (active) residents registered here. */
  volunteerRatioBase: number;
  volunteerTarget: number;
  ocMembers: number;
  ocPartyMembers: number;
  ocPartyRatio: number | null;
  ocPartyTarget: number;
  volunteerHours: {
    thisMonth: number;
    thisYear: number;
    byCategory: Record<string, number>;
    /** The year's hours of each category that has any, named, in the category list's order (unknown codes last, unnamed). */
    categories: Array<{ category: string; label: string; hours: number }>;
  };
  requests: RequestStats;
  outreach: OutreachStats;
  /** The two kinds of service `outreach.servicesDone` counts, named (一般服务, 专业服务). */
  serviceKinds: Array<Option<'general' | 'professional'>>;
}

/** Party members in the community and the backbone of volunteering (community.stats `outreach`). */
export interface OutreachStats {
  reportedMembers: number;
  pendingReports: number;
  buildingPosts: number;
  servicesDone: { general: number; professional: number };
  teams: number;
  /** Volunteer profiles registered in the community (reported members included): the shares' base. */
  volunteerProfiles: number;
  partyVolunteers: number;
  youthLeagueVolunteers: number;
  partyShare: number | null;
  youthLeagueShare: number | null;
}

/** One message of the message centre (messages.list). */
export interface MessageItem {
  messageId: string;
  kind: string;
  title: string;
  body: string;
  /** The page the message opens, or null. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** The taps at which the mini-program asks to subscribe (messages.templates). */
export type SubscribeMoment =
  'signup' | 'submitRequest' | 'followRequest' | 'register' | 'handleRequest' | 'vote' | 'wish' | 'claimNeed' | 'publishActivity';

/** The configured subscribe-message templates per tap. */
export interface SubscribeTemplates {
  moments: Record<SubscribeMoment, Array<{ key: string; id: string }>>;
}
