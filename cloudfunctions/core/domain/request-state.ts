/**
 * The resident-request state machine of RULES.md §2, in one pure module: who may do what in
 * which state, what each transition changes and the timeline entry it appends. The use cases
 * load a request, ask `applyCommand`, and store the result; nothing here reads a clock or a store.
 */
import { PARTIES, type Party } from './roles';
import { dueAtFor, plusDays } from './request-time-limits';
import {
  ACTIVE_STATUSES,
  REQUEST_ACTIONS,
  STATUS_LABELS,
  type MajorStage,
  type Rating,
  type Actor,
  type ActorRole,
  type Command,
  type Refusal,
  type RequestAction,
  type RequestRefusalReason,
  type RequestState,
  type RequestStatus,
  type TimelineEntry,
  type TimelineParty,
  type Transition,
} from './request-model';

// The vocabulary lives in request-model.ts; importers keep this one entry point.
export * from './request-model';

const refuse = (code: Refusal['code'], reason: RequestRefusalReason, message: string): Refusal => ({ ok: false, code, reason, message });

interface Rule {
  roles: readonly ActorRole[];
  from: readonly RequestStatus[];
}

const HANDLING: readonly RequestStatus[] = ['submitted', 'assigned', 'in_progress', 'resolved', 'reopened'];

/** The transition table: which roles may take each action, from which states. */
const TRANSITIONS: Record<RequestAction, Rule> = {
  accept: { roles: ['rc_staff'], from: ['submitted'] },
  reject: { roles: ['rc_staff'], from: ['submitted'] },
  withdraw: { roles: ['submitter'], from: ['submitted'] },
  start: { roles: ['lead'], from: ['assigned', 'reopened'] },
  progress: { roles: ['lead'], from: ['in_progress'] },
  resolve: { roles: ['lead'], from: ['in_progress'] },
  deliberate: { roles: ['tripartite'], from: ['assigned'] },
  decide: { roles: ['party_org'], from: ['assigned'] },
  rate: { roles: ['submitter'], from: ['resolved'] },
  reopen: { roles: ['submitter'], from: ['resolved'] },
  comment: { roles: ['submitter', 'rc_staff', 'lead', 'co_handler', 'party_org'], from: HANDLING },
  escalate: { roles: ['system'], from: ACTIVE_STATUSES },
  autoClose: { roles: ['system'], from: ['resolved'] },
};

/** The outcome of (state, action, role) by the table alone: allowed, FORBIDDEN or INVALID_STATE. */
export function allowed(status: RequestStatus, action: RequestAction, roles: readonly ActorRole[]): 'ok' | 'FORBIDDEN' | 'INVALID_STATE' {
  const rule = TRANSITIONS[action];
  if (!roles.some((r) => rule.roles.includes(r))) return 'FORBIDDEN';
  return rule.from.includes(status) ? 'ok' : 'INVALID_STATE';
}

/** The roles an actor holds towards a request. */
export function rolesOf(req: Pick<RequestState, 'leadParty' | 'coHandlers'>, actor: Actor): ActorRole[] {
  const roles: ActorRole[] = [];
  if (actor.isSystem) roles.push('system');
  if (actor.isSubmitter) roles.push('submitter');
  if (actor.isRcStaff) roles.push('rc_staff');
  if (actor.parties.length > 0) roles.push('tripartite');
  if (req.leadParty && actor.parties.includes(req.leadParty)) roles.push('lead');
  if (req.coHandlers.some((p) => actor.parties.includes(p))) roles.push('co_handler');
  if (actor.isPartyOrg) roles.push('party_org');
  return roles;
}

/** The party an actor speaks for when taking `action`, as the timeline records it. */
function partyFor(req: RequestState, actor: Actor, action: RequestAction): TimelineParty {
  if (actor.isSystem) return 'system';
  switch (action) {
    case 'accept':
    case 'reject':
      return 'residents_committee';
    case 'withdraw':
    case 'rate':
    case 'reopen':
      return 'resident';
    case 'decide':
      return 'party_org';
    case 'start':
    case 'progress':
    case 'resolve':
      return req.leadParty as Party;
    case 'deliberate':
      return nextDeliberatingParty(req, actor) ?? actor.parties[0];
    default:
      if (actor.isSubmitter) return 'resident';
      if (req.leadParty && actor.parties.includes(req.leadParty)) return req.leadParty;
      if (actor.isRcStaff) return 'residents_committee';
      return actor.parties.find((p) => req.coHandlers.includes(p)) ?? (actor.isPartyOrg ? 'party_org' : (actor.parties[0] ?? 'resident'));
  }
}

/** The first of the actor's parties that has not yet recorded a position. */
function nextDeliberatingParty(req: RequestState, actor: Actor): Party | null {
  return actor.parties.find((p) => !req.positions[p]) ?? null;
}

/** The reopen deadline of a resolved request. */
export function reopenDeadline(req: Pick<RequestState, 'resolvedAt' | 'limits'>): string | null {
  return req.resolvedAt ? plusDays(req.resolvedAt, req.limits.reopenWindowDays) : null;
}

/** Guards beyond the table (major-matter stage, rating once, reopen window, timing of system steps). */
function guard(req: RequestState, cmd: Command, actor: Actor, now: Date): Refusal | null {
  switch (cmd.action) {
    case 'accept':
      if (cmd.coHandlers.includes(cmd.leadParty)) return refuse('INVALID_INPUT', 'LEAD_IN_CO_HANDLERS', '牵头方不能同时是协办方');
      return null;
    case 'start':
      if (req.major && req.majorStage !== 'cleared') {
        return refuse('INVALID_STATE', 'MAJOR_NOT_CLEARED', '重大事项须三方均表态且无异议（或经党组织协调同意）后方可开工');
      }
      return null;
    case 'deliberate':
      if (!req.major) return refuse('INVALID_STATE', 'NOT_MAJOR', '该诉求不是重大事项，无需三方表态');
      if (req.majorStage === 'cleared') return refuse('INVALID_STATE', 'DELIBERATION_CLOSED', '该重大事项已可开工，表态已结束');
      if (!nextDeliberatingParty(req, actor)) return refuse('CONFLICT', 'POSITION_RECORDED', '本方已表态，不能重复表态');
      return null;
    case 'decide':
      if (req.majorStage !== 'objected') return refuse('INVALID_STATE', 'NOT_OBJECTED', '只有存在异议的重大事项需要党组织记录协调结果');
      return null;
    case 'reopen': {
      const deadline = reopenDeadline(req);
      if (deadline && now.getTime() > Date.parse(deadline))
        return refuse('INVALID_STATE', 'REOPEN_WINDOW_PASSED', '已超过办结后可重新办理的期限');
      return null;
    }
    case 'escalate':
      if (req.escalatedAt) return refuse('INVALID_STATE', 'ALREADY_ESCALATED', '已上报社区党组织');
      if (Date.parse(req.dueAt) >= now.getTime()) return refuse('INVALID_STATE', 'NOT_OVERDUE', '尚未超过办理时限');
      return null;
    case 'autoClose':
      if (!req.autoCloseAt || Date.parse(req.autoCloseAt) > now.getTime()) return refuse('INVALID_STATE', 'NOT_DUE', '尚未到自动关闭时间');
      return null;
    default:
      return null;
  }
}

/** Checks that come before the table: rating twice is a duplicate, not a wrong state. */
function preGuard(req: RequestState, cmd: Command, roles: ActorRole[]): Refusal | null {
  if (cmd.action === 'rate' && roles.includes('submitter') && req.status === 'closed' && req.feedback === 'rated') {
    return refuse('CONFLICT', 'ALREADY_RATED', '您已评价过该诉求');
  }
  return null;
}

/** Fields that restart the time limit when a request goes back to work. */
function reopenChanges(req: RequestState, nowIso: string): Partial<RequestState> {
  const dueAt = dueAtFor(nowIso, req.tier, req.limits.tierHours);
  return { reopenCount: req.reopenCount + 1, dueAt, escalateAt: dueAt, escalatedAt: null, autoCloseAt: null, resolvedAt: null };
}

/**
 * Decides a command against a request: the table, then the guards, then the changes and the
 * timeline entry. Pure: `now` is given.
 */
export function applyCommand(req: RequestState, cmd: Command, actor: Actor, now: Date): Transition | Refusal {
  const roles = rolesOf(req, actor);
  const pre = preGuard(req, cmd, roles);
  if (pre) return pre;
  const verdict = allowed(req.status, cmd.action, roles);
  if (verdict === 'FORBIDDEN') return refuse('FORBIDDEN', 'NOT_YOUR_ROLE', '您不能对该诉求执行此操作');
  if (verdict === 'INVALID_STATE')
    return refuse('INVALID_STATE', 'WRONG_STATUS', `诉求当前状态为「${STATUS_LABELS[req.status]}」，不能执行此操作`);
  const blocked = guard(req, cmd, actor, now);
  if (blocked) return blocked;

  const at = now.toISOString();
  const entry: TimelineEntry = {
    at,
    action: cmd.action,
    from: req.status,
    to: req.status,
    actorId: actor.userId,
    actorName: actor.isSubmitter && !actor.isSystem ? null : actor.name,
    party: partyFor(req, actor, cmd.action),
    note: null,
  };
  let to: RequestStatus = req.status;
  let changes: Partial<RequestState> = {};

  switch (cmd.action) {
    case 'accept': {
      const tier = cmd.tier ?? req.tier;
      // The clock runs from submission: the resident's wait is what the time limit measures.
      const dueAt = dueAtFor(req.createdAt, tier, req.limits.tierHours);
      to = 'assigned';
      changes = {
        leadParty: cmd.leadParty,
        coHandlers: [...new Set(cmd.coHandlers)],
        tier,
        dueAt,
        major: cmd.major,
        majorStage: cmd.major ? 'deliberating' : null,
        positions: {},
        acceptedAt: at,
        escalateAt: req.escalatedAt ? null : dueAt,
      };
      entry.note = cmd.note;
      entry.detail = { leadParty: cmd.leadParty, coHandlers: [...new Set(cmd.coHandlers)], tier, dueAt, major: cmd.major };
      break;
    }
    case 'reject':
      to = 'rejected';
      changes = { closedAt: at, escalateAt: null };
      entry.note = cmd.reason;
      break;
    case 'withdraw':
      to = 'withdrawn';
      changes = { closedAt: at, escalateAt: null };
      break;
    case 'start':
    case 'progress':
      to = 'in_progress';
      entry.note = cmd.note;
      if (cmd.photos.length) entry.photos = cmd.photos;
      break;
    case 'resolve':
      to = 'resolved';
      changes = { resolvedAt: at, escalateAt: null, autoCloseAt: plusDays(at, req.limits.autoCloseDays) };
      entry.note = cmd.note;
      if (cmd.photos.length) entry.photos = cmd.photos;
      break;
    case 'deliberate': {
      const party = nextDeliberatingParty(req, actor) as Party;
      const positions = {
        ...req.positions,
        [party]: { position: cmd.position, opinion: cmd.opinion, byId: actor.userId ?? '', byName: actor.name ?? '', at },
      };
      let stage: MajorStage = req.majorStage ?? 'deliberating';
      if (cmd.position === 'object') stage = 'objected';
      else if (stage === 'deliberating' && PARTIES.every((p) => positions[p]) && PARTIES.every((p) => positions[p]?.position !== 'object'))
        stage = 'cleared';
      changes = { positions, majorStage: stage };
      entry.party = party;
      entry.note = cmd.opinion;
      entry.detail = { position: cmd.position, majorStage: stage };
      break;
    }
    case 'decide':
      entry.note = cmd.note;
      entry.detail = { outcome: cmd.outcome };
      if (cmd.outcome === 'proceed') changes = { majorStage: 'cleared' };
      else {
        to = 'rejected';
        changes = { closedAt: at, escalateAt: null };
      }
      break;
    case 'rate': {
      const rating: Rating = { score: cmd.score, solved: cmd.solved, comment: cmd.comment, at };
      entry.note = cmd.comment;
      entry.detail = { score: cmd.score, solved: cmd.solved };
      if (cmd.solved) {
        to = 'closed';
        changes = { rating, ratedAt: at, feedback: 'rated', closedAt: at, autoCloseAt: null };
      } else {
        to = 'reopened';
        changes = { rating, ratedAt: at, feedback: 'rated', ...reopenChanges(req, at) };
      }
      break;
    }
    case 'reopen':
      to = 'reopened';
      changes = reopenChanges(req, at);
      entry.note = cmd.reason;
      break;
    case 'comment':
      entry.note = cmd.note;
      break;
    case 'escalate':
      changes = { escalatedAt: at, escalateAt: null };
      entry.note = '超过办理时限，已上报社区党组织督办';
      entry.detail = { dueAt: req.dueAt };
      break;
    case 'autoClose':
      to = 'closed';
      changes = { closedAt: at, feedback: 'no_feedback', autoCloseAt: null };
      entry.note = `办结后 ${req.limits.autoCloseDays} 天未评价，自动关闭（记为未反馈）`;
      break;
  }
  entry.to = to;
  return { ok: true, to, changes, entry };
}

/** The actions this actor could take now (for the buttons a page shows); guards included. */
export function availableActions(req: RequestState, actor: Actor, now: Date): RequestAction[] {
  const probe: Record<RequestAction, Command> = {
    accept: { action: 'accept', leadParty: 'residents_committee', coHandlers: [], major: false, note: null },
    reject: { action: 'reject', reason: '-' },
    withdraw: { action: 'withdraw' },
    start: { action: 'start', note: '-', photos: [] },
    progress: { action: 'progress', note: '-', photos: [] },
    resolve: { action: 'resolve', note: '-', photos: [] },
    deliberate: { action: 'deliberate', position: 'agree', opinion: '-' },
    decide: { action: 'decide', outcome: 'proceed', note: '-' },
    rate: { action: 'rate', score: 5, solved: true, comment: null },
    reopen: { action: 'reopen', reason: '-' },
    comment: { action: 'comment', note: '-' },
    escalate: { action: 'escalate' },
    autoClose: { action: 'autoClose' },
  };
  return REQUEST_ACTIONS.filter((a) => a !== 'escalate' && a !== 'autoClose' && applyCommand(req, probe[a], actor, now).ok);
}
