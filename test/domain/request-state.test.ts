import {
  ACTOR_ROLES,
  allowed,
  applyCommand,
  availableActions,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  type Actor,
  type ActorRole,
  type Command,
  type RequestAction,
  type RequestState,
  type RequestStatus,
} from '../../cloudfunctions/core/domain/request-state';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';

const NOW = new Date('2026-11-20T01:00:00.000Z');
const H = 3_600_000;
const iso = (msFromNow: number) => new Date(NOW.getTime() + msFromNow).toISOString();

/** RULES.md §2 written out independently of the implementation: who may act, from which states, to which state. */
const SPEC: Record<RequestAction, { roles: ActorRole[]; from: Partial<Record<RequestStatus, RequestStatus>> }> = {
  accept: { roles: ['rc_staff'], from: { submitted: 'assigned' } },
  reject: { roles: ['rc_staff'], from: { submitted: 'rejected' } },
  withdraw: { roles: ['submitter'], from: { submitted: 'withdrawn' } },
  start: { roles: ['lead'], from: { assigned: 'in_progress', reopened: 'in_progress' } },
  progress: { roles: ['lead'], from: { in_progress: 'in_progress' } },
  resolve: { roles: ['lead'], from: { in_progress: 'resolved' } },
  deliberate: { roles: ['tripartite'], from: { assigned: 'assigned' } },
  decide: { roles: ['party_org'], from: { assigned: 'assigned' } },
  rate: { roles: ['submitter'], from: { resolved: 'closed' } },
  reopen: { roles: ['submitter'], from: { resolved: 'reopened' } },
  comment: {
    roles: ['submitter', 'rc_staff', 'lead', 'co_handler', 'party_org'],
    from: { submitted: 'submitted', assigned: 'assigned', in_progress: 'in_progress', resolved: 'resolved', reopened: 'reopened' },
  },
  escalate: { roles: ['system'], from: { submitted: 'submitted', assigned: 'assigned', in_progress: 'in_progress', reopened: 'reopened' } },
  autoClose: { roles: ['system'], from: { resolved: 'closed' } },
};

const combos = REQUEST_STATUSES.flatMap((status) =>
  REQUEST_ACTIONS.flatMap((action) => ACTOR_ROLES.map((role) => [status, action, role] as const)),
);

describe('the transition table', () => {
  test('covers every (state, action, role) combination', () => {
    expect(combos).toHaveLength(8 * 13 * 7);
  });

  test.each(combos)('%s + %s by %s is a defined transition or FORBIDDEN / INVALID_STATE', (status, action, role) => {
    const spec = SPEC[action];
    const expected = !spec.roles.includes(role) ? 'FORBIDDEN' : spec.from[status] ? 'ok' : 'INVALID_STATE';
    expect(allowed(status, action, [role])).toBe(expected);
  });
});

// A request in any state, with every guard satisfied, so that only the table decides.
function requestIn(status: RequestStatus, patch: Partial<RequestState> = {}): RequestState {
  return {
    status,
    createdAt: iso(-48 * H),
    submitterId: 'u_resident',
    tier: 'general',
    dueAt: iso(-1 * H),
    leadParty: 'property',
    coHandlers: ['owners_committee'],
    major: false,
    majorStage: null,
    positions: {},
    acceptedAt: iso(-47 * H),
    resolvedAt: status === 'resolved' || status === 'closed' ? iso(-2 * H) : null,
    closedAt: null,
    rating: null,
    ratedAt: null,
    feedback: null,
    reopenCount: 0,
    escalatedAt: null,
    escalateAt: null,
    autoCloseAt: status === 'resolved' ? iso(-1 * H) : null,
    limits: { tierHours: DEFAULT_RULES.requestTierHours, reopenWindowDays: 7, autoCloseDays: 7 },
    ...patch,
  };
}

const nobody: Actor = { userId: 'u_x', name: 'x', isSubmitter: false, isRcStaff: false, isPartyOrg: false, parties: [] };
/** An actor holding exactly one role towards requestIn(): lead = property, co-handler = owners' committee. */
const ACTORS: Record<ActorRole, Actor> = {
  submitter: { ...nobody, userId: 'u_resident', isSubmitter: true },
  rc_staff: { ...nobody, isRcStaff: true },
  lead: { ...nobody, parties: ['property'] },
  co_handler: { ...nobody, parties: ['owners_committee'] },
  tripartite: { ...nobody, parties: ['owners_committee'] },
  party_org: { ...nobody, isPartyOrg: true },
  system: { ...nobody, userId: null, isSystem: true },
};

const COMMANDS: Record<RequestAction, Command> = {
  accept: { action: 'accept', leadParty: 'property', coHandlers: [], major: false, note: null },
  reject: { action: 'reject', reason: '不属于受理范围' },
  withdraw: { action: 'withdraw' },
  start: { action: 'start', note: '开始处理', photos: [] },
  progress: { action: 'progress', note: '进展', photos: [] },
  resolve: { action: 'resolve', note: '已办结', photos: [] },
  deliberate: { action: 'deliberate', position: 'agree', opinion: '同意' },
  decide: { action: 'decide', outcome: 'proceed', note: '联席会议决定继续' },
  rate: { action: 'rate', score: 5, solved: true, comment: null },
  reopen: { action: 'reopen', reason: '又坏了' },
  comment: { action: 'comment', note: '补充说明' },
  escalate: { action: 'escalate' },
  autoClose: { action: 'autoClose' },
};

/** Guard-satisfying details per action (major matters for deliberate/decide). */
const SETUP: Partial<Record<RequestAction, Partial<RequestState>>> = {
  deliberate: { major: true, majorStage: 'deliberating' },
  decide: { major: true, majorStage: 'objected' },
};

describe('applyCommand follows the table for a real actor of each role', () => {
  const cases = REQUEST_STATUSES.flatMap((status) => REQUEST_ACTIONS.map((action) => [status, action] as const));
  test.each(cases)('%s + %s', (status, action) => {
    const spec = SPEC[action];
    for (const role of ACTOR_ROLES) {
      // The tripartite actor is also a co-handler; judge it by the union of its roles.
      const holds: ActorRole[] =
        role === 'tripartite' || role === 'co_handler'
          ? ['tripartite', 'co_handler']
          : role === 'lead'
            ? ['tripartite', 'lead']
            : role === 'rc_staff'
              ? ['rc_staff']
              : [role];
      const mayAct = holds.some((r) => spec.roles.includes(r));
      const r = applyCommand(requestIn(status, SETUP[action]), COMMANDS[action], ACTORS[role], NOW);
      if (!mayAct) expect([role, r.ok || r.code]).toEqual([role, 'FORBIDDEN']);
      else if (!spec.from[status]) expect([role, r.ok || r.code]).toEqual([role, 'INVALID_STATE']);
      else expect([role, r.ok && r.to]).toEqual([role, spec.from[status]]);
    }
  });

  test('a caller with no relation to the request is refused every action with FORBIDDEN', () => {
    for (const status of REQUEST_STATUSES) {
      for (const action of REQUEST_ACTIONS) {
        const r = applyCommand(requestIn(status, SETUP[action]), COMMANDS[action], nobody, NOW);
        expect(r.ok || r.code).toBe('FORBIDDEN');
      }
    }
  });
});

describe('timeline entries', () => {
  test('every transition appends who, which party, when and the note', () => {
    const r = applyCommand(requestIn('in_progress'), COMMANDS.resolve, { ...ACTORS.lead, userId: 'u_p', name: '刘德胜' }, NOW);
    expect(r.ok && r.entry).toEqual({
      at: NOW.toISOString(),
      action: 'resolve',
      from: 'in_progress',
      to: 'resolved',
      actorId: 'u_p',
      actorName: '刘德胜',
      party: 'property',
      note: '已办结',
    });
  });

  test('records the residents committee as the party that accepts and routes', () => {
    const r = applyCommand(
      requestIn('submitted'),
      { ...COMMANDS.accept, coHandlers: ['owners_committee'] } as Command,
      ACTORS.rc_staff,
      NOW,
    );
    expect(r.ok && r.entry).toMatchObject({
      party: 'residents_committee',
      detail: { leadParty: 'property', coHandlers: ['owners_committee'] },
    });
  });

  test('does not store the submitter name on their own entries', () => {
    const r = applyCommand(requestIn('resolved'), COMMANDS.reopen, { ...ACTORS.submitter, name: '陈玉珍' }, NOW);
    expect(r.ok && r.entry).toMatchObject({ party: 'resident', actorName: null, note: '又坏了' });
  });
});

describe('acceptance and time limits', () => {
  test.each([
    ['emergency', 2],
    ['utilities', 24],
    ['general', 24 * 7],
    ['complex', 24 * 15],
  ] as const)('sets dueAt %s hours from submission for the %s tier', (tier, hours) => {
    const req = requestIn('submitted');
    const r = applyCommand(req, { ...COMMANDS.accept, tier } as Command, ACTORS.rc_staff, NOW);
    expect(r.ok && r.changes.dueAt).toBe(new Date(Date.parse(req.createdAt) + hours * H).toISOString());
    expect(r.ok && r.changes.escalateAt).toBe(r.ok && r.changes.dueAt);
  });

  test('keeps the category tier when none is given', () => {
    const r = applyCommand(requestIn('submitted', { tier: 'utilities' }), COMMANDS.accept, ACTORS.rc_staff, NOW);
    expect(r.ok && r.changes.tier).toBe('utilities');
  });

  test('refuses a lead party that is also a co-handler', () => {
    const r = applyCommand(requestIn('submitted'), { ...COMMANDS.accept, coHandlers: ['property'] } as Command, ACTORS.rc_staff, NOW);
    expect(!r.ok && r.reason).toBe('LEAD_IN_CO_HANDLERS');
  });

  test('does not schedule a second escalation when accepted after being escalated', () => {
    const r = applyCommand(requestIn('submitted', { escalatedAt: iso(-H) }), COMMANDS.accept, ACTORS.rc_staff, NOW);
    expect(r.ok && r.changes.escalateAt).toBeNull();
  });
});

describe('major matters', () => {
  const major = (patch: Partial<RequestState> = {}) => requestIn('assigned', { major: true, majorStage: 'deliberating', ...patch });
  const rc: Actor = { ...nobody, userId: 'u_rc', name: '王', isRcStaff: true, parties: ['residents_committee'] };
  const oc: Actor = { ...nobody, userId: 'u_oc', name: '张', parties: ['owners_committee'] };
  const pf: Actor = { ...nobody, userId: 'u_pf', name: '刘', parties: ['property'] };
  const say = (req: RequestState, actor: Actor, position: 'agree' | 'object' | 'abstain') => {
    const r = applyCommand(req, { action: 'deliberate', position, opinion: position }, actor, NOW);
    if (!r.ok) throw new Error(r.reason);
    return { ...req, ...r.changes };
  };

  test('refuses to start work before all three parties have answered', () => {
    const req = say(say(major(), rc, 'agree'), pf, 'agree');
    expect(req.majorStage).toBe('deliberating');
    const r = applyCommand(req, COMMANDS.start, pf, NOW);
    expect(!r.ok && r).toMatchObject({ code: 'INVALID_STATE', reason: 'MAJOR_NOT_CLEARED' });
  });

  test.each([
    ['three agreements clear the matter', ['agree', 'agree', 'agree'], 'cleared'],
    ['an abstention beside two agreements clears it', ['agree', 'abstain', 'agree'], 'cleared'],
    ['three abstentions clear it', ['abstain', 'abstain', 'abstain'], 'cleared'],
    ['the last party objecting sends it to the party organisation', ['agree', 'agree', 'object'], 'objected'],
    ['the first party objecting sends it there too', ['object', 'agree', 'agree'], 'objected'],
  ] as const)('%s', (_name, positions, stage) => {
    let req = major();
    [rc, pf, oc].forEach((actor, i) => (req = say(req, actor, positions[i])));
    expect(req.majorStage).toBe(stage);
    expect(applyCommand(req, COMMANDS.start, pf, NOW).ok).toBe(stage === 'cleared');
  });

  test('sends the matter to party_org at the first objection', () => {
    expect(say(major(), oc, 'object').majorStage).toBe('objected');
  });

  test('refuses a second position from the same party with CONFLICT', () => {
    const req = say(major(), oc, 'agree');
    const r = applyCommand(req, { action: 'deliberate', position: 'object', opinion: '改主意' }, { ...oc, userId: 'u_oc2' }, NOW);
    expect(!r.ok && r).toMatchObject({ code: 'CONFLICT', reason: 'POSITION_RECORDED' });
  });

  test('refuses positions on a matter that is not major', () => {
    const r = applyCommand(requestIn('assigned'), COMMANDS.deliberate, oc, NOW);
    expect(!r.ok && r.reason).toBe('NOT_MAJOR');
  });

  test.each([
    ['proceed', 'assigned', 'cleared'],
    ['reject', 'rejected', 'objected'],
  ] as const)('party_org recording "%s" leaves the request %s', (outcome, status, stage) => {
    const req = say(major(), oc, 'object');
    const r = applyCommand(req, { action: 'decide', outcome, note: '联席会议' }, ACTORS.party_org, NOW);
    expect(r.ok && [r.to, r.changes.majorStage ?? req.majorStage]).toEqual([status, stage]);
    expect(r.ok && r.entry).toMatchObject({ party: 'party_org', detail: { outcome } });
  });

  test('party_org has nothing to decide without an objection', () => {
    const r = applyCommand(major(), { action: 'decide', outcome: 'proceed', note: '-' }, ACTORS.party_org, NOW);
    expect(!r.ok && r.reason).toBe('NOT_OBJECTED');
  });
});

describe('feedback', () => {
  test('rating solved closes the request, counted as rated', () => {
    const r = applyCommand(requestIn('resolved'), { action: 'rate', score: 4, solved: true, comment: null }, ACTORS.submitter, NOW);
    expect(r.ok && [r.to, r.changes.feedback, r.changes.rating?.score]).toEqual(['closed', 'rated', 4]);
  });

  test('rating not solved reopens it with a new time limit', () => {
    const r = applyCommand(requestIn('resolved'), { action: 'rate', score: 2, solved: false, comment: '没修好' }, ACTORS.submitter, NOW);
    expect(r.ok && [r.to, r.changes.reopenCount, r.changes.dueAt]).toEqual(['reopened', 1, iso(24 * 7 * H)]);
  });

  test('refuses a second rating with CONFLICT', () => {
    const r = applyCommand(requestIn('closed', { feedback: 'rated' }), COMMANDS.rate, ACTORS.submitter, NOW);
    expect(!r.ok && r).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_RATED' });
  });

  test('refuses rating a request closed without feedback with INVALID_STATE', () => {
    const r = applyCommand(requestIn('closed', { feedback: 'no_feedback' }), COMMANDS.rate, ACTORS.submitter, NOW);
    expect(!r.ok && r.code).toBe('INVALID_STATE');
  });

  test.each([
    ['allows reopening a second before the 7-day window closes', -7 * 24 * H + 1000, true],
    ['allows reopening exactly 7 days after resolution', -7 * 24 * H, true],
    ['refuses reopening a second after the window closed', -7 * 24 * H - 1000, false],
  ])('%s', (_name, resolvedAgo, ok) => {
    const r = applyCommand(requestIn('resolved', { resolvedAt: iso(resolvedAgo) }), COMMANDS.reopen, ACTORS.submitter, NOW);
    expect(r.ok || r.reason).toBe(ok ? true : 'REOPEN_WINDOW_PASSED');
  });

  test('honours a configured reopen window', () => {
    const req = requestIn('resolved', { resolvedAt: iso(-3 * 24 * H), limits: { ...requestIn('resolved').limits, reopenWindowDays: 2 } });
    expect(applyCommand(req, COMMANDS.reopen, ACTORS.submitter, NOW).ok).toBe(false);
  });
});

describe('system steps', () => {
  test.each([
    [iso(-1000), null, true],
    [iso(0), null, false],
    [iso(1000), null, false],
    [iso(-1000), iso(-500), false],
  ])('escalates with dueAt %s and escalatedAt %s: %s', (dueAt, escalatedAt, ok) => {
    const r = applyCommand(requestIn('in_progress', { dueAt, escalatedAt }), COMMANDS.escalate, ACTORS.system, NOW);
    expect(r.ok).toBe(ok);
    if (r.ok) expect(r.changes).toEqual({ escalatedAt: NOW.toISOString(), escalateAt: null });
  });

  test.each([
    [iso(-1), true],
    [iso(0), true],
    [iso(1000), false],
    [null, false],
  ])('auto-closes a resolved request with autoCloseAt %s: %s', (autoCloseAt, ok) => {
    const r = applyCommand(requestIn('resolved', { autoCloseAt }), COMMANDS.autoClose, ACTORS.system, NOW);
    expect(r.ok && r.changes.feedback).toBe(ok ? 'no_feedback' : false);
  });
});

describe('availableActions', () => {
  test.each([
    ['submitter', 'submitted', ['withdraw', 'comment']],
    ['rc_staff', 'submitted', ['accept', 'reject', 'comment']],
    ['lead', 'assigned', ['start', 'deliberate', 'comment']],
    ['lead', 'in_progress', ['progress', 'resolve', 'comment']],
    ['submitter', 'resolved', ['rate', 'reopen', 'comment']],
    ['co_handler', 'in_progress', ['comment']],
    ['submitter', 'closed', []],
  ] as const)('offers the %s of a %s request exactly its available actions', (role, status, actions) => {
    expect(availableActions(requestIn(status), ACTORS[role], NOW)).toEqual(actions.filter((a) => a !== 'deliberate'));
  });
});
