import { CATEGORY_LABELS, type RequestCategory } from '../../domain/request-categories';
import {
  isActive,
  STATUS_LABELS,
  type RequestState,
  type RequestStatus,
  type TimelineEntry,
  type Transition,
} from '../../domain/request-state';
import { maskPhone } from '../../domain/phone';
import { DEFAULT_TIER, dueAtFor, isOverdue, type Tier } from '../../domain/request-time-limits';
import type { RulesConfig } from '../../domain/rules-config';
import type { UserDoc } from '../account/user';
import type { CompoundDoc } from '../community/community';
import type { Party } from '../../domain/roles';
import type { Doc, Patch } from '../../ports/store';

export const REQUESTS = 'requests';
export const REQUEST_FOLLOWS = 'request_follows';

/** The submitter as the handling parties see them; the full phone is only given by an audited reveal. */
export interface SubmitterCard {
  name: string;
  building: string;
  room: string;
  phoneMasked: string;
}

/**
 * A resident request (诉求). The state-machine fields are RequestState; the `*Queue` fields and
 * `active`/`boardCompoundId` are derived (queuesOf) so every inbox and board is one indexed query.
 */
export interface RequestDoc extends Doc, RequestState {
  communityId: string;
  /** The compound's street, so a change moves its street's totals without reading the community (community/totals.ts). */
  streetId?: string;
  compoundId: string;
  compoundName: string;
  firmId: string;
  firmName: string;
  submitter: SubmitterCard;
  category: RequestCategory;
  title: string;
  description: string;
  photos: string[];
  isPublic: boolean;
  followers: number;
  timeline: TimelineEntry[];
  /** Bumped by every change; updates are conditional on it, so concurrent changes never interleave. */
  version: number;
  updatedAt: string;
  active: boolean;
  rcQueue: string | null;
  ocQueue: string | null;
  pfQueue: string | null;
  poQueue: string | null;
  boardCompoundId: string | null;
}

/** One resident following an open public request instead of filing a duplicate. */
export interface FollowDoc extends Doc {
  requestId: string;
  userId: string;
  createdAt: string;
}

type QueueFields = Pick<RequestDoc, 'active' | 'rcQueue' | 'ocQueue' | 'pfQueue' | 'poQueue' | 'boardCompoundId'>;

/**
 * Which inboxes and board show a request. The residents' committee sees what waits for acceptance
 * and what it leads or co-handles; the owners' committee and the property firm what they lead or
 * co-handle, and every major matter (all three deliberate); party_org what was escalated or
 * objected to. The board shows public requests that were not withdrawn or refused.
 */
export function queuesOf(
  r: Pick<
    RequestDoc,
    | 'status'
    | 'communityId'
    | 'compoundId'
    | 'firmId'
    | 'leadParty'
    | 'coHandlers'
    | 'major'
    | 'escalatedAt'
    | 'majorStage'
    | 'isPublic'
    | 'poQueue'
  >,
): QueueFields {
  const involved = (p: Party) => r.major || r.leadParty === p || r.coHandlers.includes(p);
  const toPartyOrg = !!r.escalatedAt || r.majorStage === 'objected' || !!r.poQueue;
  return {
    active: isActive(r.status),
    rcQueue: r.status === 'submitted' || involved('residents_committee') ? r.communityId : null,
    ocQueue: involved('owners_committee') ? r.compoundId : null,
    pfQueue: involved('property') ? r.firmId : null,
    poQueue: toPartyOrg ? r.communityId : null,
    boardCompoundId: r.isPublic && r.status !== 'withdrawn' && r.status !== 'rejected' ? r.compoundId : null,
  };
}

/** A request in a list: no personal data at all, so the same shape serves every scope. */
export interface RequestSummary {
  requestId: string;
  compoundId: string;
  compoundName: string;
  category: RequestCategory;
  /** The category in words. */
  categoryLabel: string;
  title: string;
  status: RequestStatus;
  /** The status in words. */
  statusLabel: string;
  tier: Tier;
  dueAt: string;
  overdue: boolean;
  escalated: boolean;
  leadParty: Party | null;
  coHandlers: Party[];
  major: boolean;
  isPublic: boolean;
  followers: number;
  photoCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Why a request sits in an inbox. */
export type InboxRole = 'lead' | 'co_handler' | 'acceptance' | 'deliberation' | 'supervision';

export const INBOX_ROLE_LABELS: Record<InboxRole, string> = {
  lead: '牵头',
  co_handler: '协办',
  acceptance: '待受理',
  deliberation: '待表态',
  supervision: '督办',
};

export interface InboxItem extends RequestSummary {
  inboxRole: InboxRole;
  /** Why it is in the inbox, in words (牵头, 协办, …). */
  inboxRoleLabel: string;
}

export function summaryOf(r: RequestDoc, now: Date): RequestSummary {
  return {
    requestId: r._id,
    compoundId: r.compoundId,
    compoundName: r.compoundName,
    category: r.category,
    categoryLabel: CATEGORY_LABELS[r.category],
    title: r.title,
    status: r.status,
    statusLabel: STATUS_LABELS[r.status],
    tier: r.tier,
    dueAt: r.dueAt,
    overdue: isOverdue(r.dueAt, r.active, now),
    escalated: !!r.escalatedAt,
    leadParty: r.leadParty,
    coHandlers: r.coHandlers,
    major: r.major,
    isPublic: r.isPublic,
    followers: r.followers,
    photoCount: r.photos.length,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** The request after a transition, with its derived queue fields. */
export function nextDoc(doc: RequestDoc, t: Transition, now: Date): RequestDoc {
  const merged: RequestDoc = {
    ...doc,
    ...t.changes,
    status: t.to,
    version: doc.version + 1,
    updatedAt: now.toISOString(),
    timeline: [...doc.timeline, t.entry],
  };
  return { ...merged, ...queuesOf(merged) };
}

/** The patch that turns `before` into `after`: changed fields set, the entry appended to the timeline. */
export function patchFor(before: RequestDoc, after: RequestDoc, t: Transition): Patch {
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  for (const key of Object.keys(after) as Array<keyof RequestDoc>) {
    if (key === 'timeline' || key === '_id') continue;
    if (JSON.stringify(after[key]) === JSON.stringify(before[key])) continue;
    // CloudBase refuses undefined values: a field that went away is unset instead.
    if (after[key] === undefined) unset.push(key);
    else set[key] = after[key];
  }
  return unset.length ? { $set: set, $unset: unset, $push: { timeline: t.entry } } : { $set: set, $push: { timeline: t.entry } };
}

/** What a resident files: the fields of `requests.submit` that shape the new document. */
export interface Filing {
  category: RequestCategory;
  title: string;
  description: string;
  photos: string[];
  isPublic: boolean;
}

/**
 * A newly submitted request: status `submitted`, its time limit from the category's default tier,
 * the community's limits copied on, and the first timeline entry. The one place that builds it
 * (submit and the demo seed).
 */
export function newRequestDoc(
  id: string,
  at: string,
  submitter: UserDoc,
  compound: CompoundDoc,
  filing: Filing,
  rules: RulesConfig,
): RequestDoc {
  const tier = DEFAULT_TIER[filing.category];
  const dueAt = dueAtFor(at, tier, rules.requestTierHours);
  const base: Omit<RequestDoc, 'active' | 'rcQueue' | 'ocQueue' | 'pfQueue' | 'poQueue' | 'boardCompoundId'> = {
    _id: id,
    communityId: compound.communityId,
    ...(compound.streetId ? { streetId: compound.streetId } : {}),
    compoundId: compound._id,
    compoundName: compound.name,
    firmId: compound.firmId,
    firmName: compound.firmName,
    submitterId: submitter._id,
    submitter: { name: submitter.name, building: submitter.building, room: submitter.room, phoneMasked: maskPhone(submitter.phone) },
    ...filing,
    followers: 0,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    tier,
    dueAt,
    leadParty: null,
    coHandlers: [],
    major: false,
    majorStage: null,
    positions: {},
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    rating: null,
    ratedAt: null,
    feedback: null,
    reopenCount: 0,
    escalatedAt: null,
    escalateAt: dueAt,
    autoCloseAt: null,
    limits: { tierHours: rules.requestTierHours, reopenWindowDays: rules.reopenWindowDays, autoCloseDays: rules.autoCloseDays },
    version: 1,
    timeline: [
      { at, action: 'submit', from: null, to: 'submitted', actorId: submitter._id, actorName: null, party: 'resident', note: null },
    ],
  };
  return { ...base, ...queuesOf({ ...base, poQueue: null }) };
}
