/**
 * The vocabulary of a resident request (RULES.md §2): its states, actions, the roles an actor
 * holds towards it, the timeline entry, the commands a use case sends and the machine's answers.
 * Types and labels only; the rules that decide are in request-state.ts.
 */
import type { Party } from './roles';
import type { Tier, TierHours } from './request-time-limits';

/** Request states. */
export type RequestStatus = 'submitted' | 'assigned' | 'in_progress' | 'resolved' | 'closed' | 'rejected' | 'withdrawn' | 'reopened';
export const REQUEST_STATUSES = [
  'submitted',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
  'withdrawn',
  'reopened',
] as const satisfies readonly RequestStatus[];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  submitted: '待受理',
  assigned: '已分派',
  in_progress: '处理中',
  resolved: '已办结',
  closed: '已关闭',
  rejected: '不予受理',
  withdrawn: '已撤回',
  reopened: '重新办理',
};

/** States in which a handling party still owes work: the time limit runs and the inbox shows it. */
export const ACTIVE_STATUSES: readonly RequestStatus[] = ['submitted', 'assigned', 'in_progress', 'reopened'];
export function isActive(status: RequestStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** What can happen to a request. `update` of API.md splits into start, progress and resolve. */
export type RequestAction =
  | 'accept'
  | 'reject'
  | 'withdraw'
  | 'start'
  | 'progress'
  | 'resolve'
  | 'deliberate'
  | 'decide'
  | 'rate'
  | 'reopen'
  | 'comment'
  | 'escalate'
  | 'autoClose';
export const REQUEST_ACTIONS = [
  'accept',
  'reject',
  'withdraw',
  'start',
  'progress',
  'resolve',
  'deliberate',
  'decide',
  'rate',
  'reopen',
  'comment',
  'escalate',
  'autoClose',
] as const satisfies readonly RequestAction[];

/**
 * How an actor stands to one request. A person may hold several at once (the residents'-committee
 * member who is also the lead party).
 * - submitter: the resident who filed it;
 * - rc_staff: the community's residents' committee, which accepts and routes (首接负责);
 * - lead / co_handler: a member of the lead party / of a co-handling party;
 * - tripartite: a member of any of the three parties serving the request's compound;
 * - party_org: the community party organisation;
 * - system: the scheduler.
 */
export type ActorRole = 'submitter' | 'rc_staff' | 'lead' | 'co_handler' | 'tripartite' | 'party_org' | 'system';
export const ACTOR_ROLES = [
  'submitter',
  'rc_staff',
  'lead',
  'co_handler',
  'tripartite',
  'party_org',
  'system',
] as const satisfies readonly ActorRole[];

/** A party's position on a major matter. */
export type Position = 'agree' | 'object' | 'abstain';
export const POSITIONS = ['agree', 'object', 'abstain'] as const satisfies readonly Position[];

/** Where a major matter stands: the three parties deliberating, sent to party_org on an objection, or cleared for work. */
export type MajorStage = 'deliberating' | 'objected' | 'cleared';

/** The joint meeting's outcome recorded by party_org. */
export type MeetingOutcome = 'proceed' | 'reject';
export const MEETING_OUTCOMES = ['proceed', 'reject'] as const satisfies readonly MeetingOutcome[];
export const MEETING_OUTCOME_LABELS: Record<MeetingOutcome, string> = { proceed: '继续办理', reject: '不予办理' };

/** Who acted, as the timeline shows it: one of the three parties, party_org, the resident or the system. */
export type TimelineParty = Party | 'party_org' | 'resident' | 'system';

export interface PositionRecord {
  position: Position;
  opinion: string;
  byId: string;
  byName: string;
  at: string;
}

export interface Rating {
  score: number;
  solved: boolean;
  comment: string | null;
  at: string;
}

/** One append-only timeline entry: who, which party, when, what, with the note. */
export interface TimelineEntry {
  at: string;
  /** `submit` opens every timeline; the rest are the machine's actions. */
  action: RequestAction | 'submit';
  /** Null for the opening `submit` entry. */
  from: RequestStatus | null;
  to: RequestStatus;
  actorId: string | null;
  actorName: string | null;
  party: TimelineParty;
  note: string | null;
  photos?: string[];
  /** Action-specific facts: the routing, the tier, a position, a score, a meeting outcome. */
  detail?: Record<string, string | number | boolean | string[] | null>;
}

/** The per-community limits copied onto a request when it is filed, so later steps need no extra read. */
export interface RequestLimits {
  tierHours: TierHours;
  reopenWindowDays: number;
  autoCloseDays: number;
}

/** The fields of a request the state machine reads and writes. */
export interface RequestState {
  status: RequestStatus;
  createdAt: string;
  submitterId: string;
  tier: Tier;
  dueAt: string;
  leadParty: Party | null;
  coHandlers: Party[];
  major: boolean;
  majorStage: MajorStage | null;
  positions: Partial<Record<Party, PositionRecord>>;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rating: Rating | null;
  ratedAt: string | null;
  feedback: 'rated' | 'no_feedback' | null;
  reopenCount: number;
  escalatedAt: string | null;
  /** When the scheduler should escalate (the due time), while not yet escalated in this round. */
  escalateAt: string | null;
  /** When the scheduler closes an unrated resolved request. */
  autoCloseAt: string | null;
  limits: RequestLimits;
}

/** Someone acting on a request, as the use case established them (from the database, never the payload). */
export interface Actor {
  userId: string | null;
  name: string | null;
  /** The caller filed this request. */
  isSubmitter: boolean;
  /** residents'-committee staff of the request's community. */
  isRcStaff: boolean;
  /** party_org of the request's community. */
  isPartyOrg: boolean;
  /** The tripartite parties the caller belongs to for this request's compound. */
  parties: Party[];
  isSystem?: boolean;
}

/** What a use case asks the machine to do. */
export type Command =
  | { action: 'accept'; leadParty: Party; coHandlers: Party[]; tier?: Tier; major: boolean; note: string | null }
  | { action: 'reject'; reason: string }
  | { action: 'withdraw' }
  | { action: 'start' | 'progress' | 'resolve'; note: string; photos: string[] }
  | { action: 'deliberate'; position: Position; opinion: string }
  | { action: 'decide'; outcome: MeetingOutcome; note: string }
  | { action: 'rate'; score: number; solved: boolean; comment: string | null }
  | { action: 'reopen'; reason: string }
  | { action: 'comment'; note: string }
  | { action: 'escalate' }
  | { action: 'autoClose' };

/** Why the state machine refuses a command (API.md, requests). */
export type RequestRefusalReason =
  | 'NOT_YOUR_ROLE'
  | 'WRONG_STATUS'
  | 'LEAD_IN_CO_HANDLERS'
  | 'ALREADY_RATED'
  | 'POSITION_RECORDED'
  | 'ALREADY_ESCALATED'
  | 'DELIBERATION_CLOSED'
  | 'MAJOR_NOT_CLEARED'
  | 'NOT_DUE'
  | 'NOT_MAJOR'
  | 'NOT_OBJECTED'
  | 'NOT_OVERDUE'
  | 'REOPEN_WINDOW_PASSED';

/** A refused command: one of the API's codes, with a stable reason. */
export interface Refusal {
  ok: false;
  code: 'FORBIDDEN' | 'INVALID_STATE' | 'CONFLICT' | 'INVALID_INPUT';
  reason: RequestRefusalReason;
  message: string;
}

/** An accepted command: the new field values and the timeline entry to append. */
export interface Transition {
  ok: true;
  to: RequestStatus;
  changes: Partial<RequestState>;
  entry: TimelineEntry;
}
