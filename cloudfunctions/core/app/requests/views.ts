import {
  availableActions,
  reopenDeadline,
  rolesOf,
  type Actor,
  type ActorRole,
  type MajorStage,
  type Position,
  type Rating,
  type RequestAction,
  type RequestStatus,
  type TimelineEntry,
  type TimelineParty,
} from '../../domain/request-state';
import { TIERS, type Tier } from '../../domain/request-time-limits';
import { PARTIES, PARTY_LABELS, type Party } from '../../domain/roles';
import { CHOICE_LABELS } from '../../domain/owners-count';
import { optionsOf, type Option } from '../../domain/options';
import { MEETING_OUTCOME_LABELS, MEETING_OUTCOMES, POSITIONS, type MeetingOutcome } from '../../domain/request-model';
import { summaryOf, type RequestDoc, type RequestSummary, type SubmitterCard } from './request';
import { handlesRequest, type Visibility } from './access';
import type { Page } from '../fields';
import type { InboxQueue } from './inbox';
import type { InboxItem } from './request';
import { timelinePartyLabel, timelineTitle } from './timeline';

/** What a viewer may do: the machine's actions, following the request, seeing the resident's phone. */
export type ViewerAction = RequestAction | 'follow' | 'revealPhone';

/** What the detail page's buttons say for each action the viewer may take. */
export const VIEWER_ACTION_LABELS: Record<ViewerAction, string> = {
  accept: '受理分派',
  reject: '不予受理',
  deliberate: '表态',
  decide: '记录协调结果',
  start: '开始办理',
  progress: '记录进展',
  resolve: '办结',
  rate: '评价',
  reopen: '申请重新办理',
  withdraw: '撤回',
  comment: '留言',
  escalate: '超时上报',
  autoClose: '自动关闭',
  follow: '关注此诉求',
  revealPhone: '查看完整号码',
};

/** `can` named, in its order: the words of the detail page's buttons. */
export function viewerActions(can: readonly ViewerAction[]): RequestView['viewer']['actions'] {
  return can.map((action) => ({ action, label: VIEWER_ACTION_LABELS[action] }));
}

/** The three parties, a party's positions and the joint meeting's outcomes, named: the forms' choices. */
export const REQUEST_FORM_OPTIONS: Pick<RequestView, 'partyOptions' | 'positionOptions' | 'outcomeOptions'> = {
  partyOptions: optionsOf(PARTIES, PARTY_LABELS),
  positionOptions: optionsOf(POSITIONS, CHOICE_LABELS),
  outcomeOptions: optionsOf(MEETING_OUTCOMES, MEETING_OUTCOME_LABELS),
};

/** requests.submit answer. */
export interface SubmitAnswer {
  requestId: string;
  status: RequestStatus;
  dueAt: string;
  tier: Tier;
}

/** requests.follow answer. */
export interface FollowAnswer {
  requestId: string;
  following: boolean;
  followers: number;
}

/** requests.revealPhone answer (audited). */
export interface RevealedPhone {
  requestId: string;
  name: string;
  phone: string;
}

/** requests.list with scope inbox: the page, which inbox it is, and the caller's inboxes. */
export interface InboxPage extends Page<InboxItem> {
  queue: InboxQueue;
  queues: InboxQueue[];
  /** The caller's inboxes with their names (居委会, 社区党组织, …), in the order of `queues`: the page's tabs. */
  queueOptions: Array<{ value: InboxQueue; label: string }>;
}

/** A timeline entry as shown; the public view drops who acted (only the party remains). */
export interface TimelineView {
  at: string;
  action: TimelineEntry['action'];
  from: TimelineEntry['from'];
  to: TimelineEntry['to'];
  party: TimelineParty;
  /** Who took the step, in words (`物业服务企业`, `居民`, `系统`). */
  partyLabel: string;
  /** What the step reads as, with its facts (`受理并分派：物业服务企业牵头`, `评价 5 分 · 已解决`). */
  title: string;
  actorName: string | null;
  note: string | null;
  photos: string[];
  detail: TimelineEntry['detail'] | null;
}

export interface PositionView {
  position: Position;
  opinion: string;
  byName: string | null;
  at: string;
}

/** One request in full for its viewer, with the actions the viewer may take now. */
export interface RequestView extends RequestSummary {
  communityId: string;
  firmName: string;
  description: string;
  photos: string[];
  majorStage: MajorStage | null;
  positions: Partial<Record<Party, PositionView>>;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenDeadline: string | null;
  reopenCount: number;
  rating: Rating | null;
  feedback: 'rated' | 'no_feedback' | null;
  /** Null in the public view: no name, phone or room. */
  submitter: SubmitterCard | null;
  timeline: TimelineView[];
  /** The caller's standing; `can` is the only source of the page's buttons. */
  viewer: {
    visibility: Exclude<Visibility, 'none'>;
    roles: ActorRole[];
    can: ViewerAction[];
    /** `can` named, in the same order: the words of the page's buttons. */
    actions: Array<{ action: ViewerAction; label: string }>;
    following: boolean;
  };
  /** The three parties named (residents committee first): the accept form's choices, the handlers' and positions' names. */
  partyOptions: Array<Option<Party>>;
  /** A party's positions on a major matter, named (the deliberation form). */
  positionOptions: Array<Option<Position>>;
  /** The joint meeting's outcomes, named (party_org's form). */
  outcomeOptions: Array<Option<MeetingOutcome>>;
  /** The time-limit tiers with this request's hours (the community's rules), for accepting it. */
  tierOptions: Array<{ value: Tier; label: string; hours: number }>;
}

const TIER_NAMES: Record<Tier, string> = { emergency: '紧急', utilities: '水电气暖', general: '一般', complex: '复杂' };

/** `2小时`, `7天`. */
function spanText(hours: number): string {
  return hours >= 24 && hours % 24 === 0 ? `${hours / 24}天` : `${hours}小时`;
}

/** The tiers as a picker offers them, with the hours in force: `紧急（2小时）`. */
export function tierOptionsOf(hours: Record<Tier, number>): RequestView['tierOptions'] {
  return TIERS.map((value) => ({ value, label: `${TIER_NAMES[value]}（${spanText(hours[value])}）`, hours: hours[value] }));
}

/** A timeline entry as the full view (`full`) or the public view shows it, with its words. */
export function timelineViewOf(e: TimelineEntry, full: boolean): TimelineView {
  return {
    at: e.at,
    action: e.action,
    from: e.from,
    to: e.to,
    party: e.party,
    partyLabel: timelinePartyLabel(e.party),
    title: timelineTitle(e),
    actorName: full ? e.actorName : null,
    note: full || e.party !== 'resident' ? e.note : null,
    photos: e.photos ?? [],
    detail: e.detail ?? null,
  };
}

/** The request as `visibility` allows. */
export function viewOf(
  r: RequestDoc,
  actor: Actor,
  visibility: Exclude<Visibility, 'none'>,
  now: Date,
  follow: { following: boolean; mayFollow: boolean } = { following: false, mayFollow: false },
): RequestView {
  const can: ViewerAction[] = availableActions(r, actor, now);
  if (follow.mayFollow) can.push('follow');
  if (visibility === 'full' && handlesRequest(actor, r)) can.push('revealPhone');
  const full = visibility === 'full';
  const positions: Partial<Record<Party, PositionView>> = {};
  for (const [p, rec] of Object.entries(r.positions) as Array<[Party, NonNullable<RequestDoc['positions'][Party]>]>) {
    positions[p] = { position: rec.position, opinion: rec.opinion, byName: full ? rec.byName : null, at: rec.at };
  }
  return {
    ...summaryOf(r, now),
    communityId: r.communityId,
    firmName: r.firmName,
    description: r.description,
    photos: r.photos,
    majorStage: r.majorStage,
    positions,
    acceptedAt: r.acceptedAt,
    resolvedAt: r.resolvedAt,
    closedAt: r.closedAt,
    reopenDeadline: r.status === 'resolved' ? reopenDeadline(r) : null,
    reopenCount: r.reopenCount,
    // A resident's comment may name people or places: only the full view carries it.
    rating: r.rating && !full ? { ...r.rating, comment: null } : r.rating,
    feedback: r.feedback,
    submitter: full ? r.submitter : null,
    timeline: r.timeline.map((e) => timelineViewOf(e, full)),
    viewer: {
      visibility,
      roles: rolesOf(r, actor),
      can,
      actions: viewerActions(can),
      following: follow.following,
    },
    ...REQUEST_FORM_OPTIONS,
    tierOptions: tierOptionsOf(r.limits.tierHours),
  };
}
