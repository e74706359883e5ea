import { compoundSatisfaction } from '../../cloudfunctions/core/app/requests/stats';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

interface Kpis {
  total: number;
  open: number;
  overdue: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

async function must(action: string, data: Record<string, unknown>, openid: string) {
  const r = await h.call<{ requestId: string }>('requests', action, data, openid);
  if (!r.ok) throw new Error(`${action}: ${JSON.stringify(r.error)}`);
  return r.data;
}

async function rated(score: number): Promise<string> {
  const { requestId } = await must(
    'submit',
    { category: 'greening', title: '修剪树木', description: '树枝挡住窗户', compoundId: DEMO.compound1 },
    'demo-resident',
  );
  await must('accept', { requestId, leadParty: 'property' }, 'demo-rc');
  await must('update', { requestId, status: 'in_progress', note: '安排' }, 'demo-property');
  await must('update', { requestId, status: 'resolved', note: '已修剪' }, 'demo-property');
  await must('rate', { requestId, score, solved: true }, 'demo-resident');
  return requestId;
}

describe('request KPIs in community.stats', () => {
  test('counts the seeded requests per community, lead party and firm', async () => {
    const r = await h.call<{
      requests: Kpis & { byParty: Record<string, Kpis>; byFirm: Array<Kpis & { firmId: string; firmName: string }> };
    }>('community', 'stats', { communityId: DEMO.communityId }, 'demo-party');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const k = r.data.requests;
    // 11 seeded: 7 still being handled, 1 overdue (the lift), 2 rated (5 and 3).
    expect(k).toMatchObject({ total: 11, open: 7, overdue: 1, satisfactionRate: 0.5 });
    expect(k.responseRate).toBe(1);
    expect(k.byParty.residents_committee.total).toBe(1);
    expect(k.byParty.property.total).toBe(8);
    expect(k.byFirm.map((f) => [f.firmId, f.total]).sort()).toEqual([
      [DEMO.firm1, 7],
      [DEMO.firm2, 4],
    ]);
    expect(k.byFirm.find((f) => f.firmId === DEMO.firm2)?.satisfactionRate).toBe(0);
  });

  test('a new rating moves the satisfaction rate', async () => {
    await rated(4);
    const r = await h.call<{ requests: Kpis }>('community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect(r.ok && r.data.requests.satisfactionRate).toBe(0.6667);
  });
});

describe('compoundSatisfaction (owner satisfaction of the quality score)', () => {
  test('counts requests of the compound rated within [from, to), satisfied at 4 or more', async () => {
    await rated(4);
    await rated(2);
    h.clock.advance(24 * 3_600_000);
    await rated(5);
    // The seed rated one request of compound 1 (score 5) ten days ago.
    expect(await compoundSatisfaction(h.deps, DEMO.compound1, '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00')).toEqual({
      rated: 4,
      satisfied: 3,
    });
    expect(await compoundSatisfaction(h.deps, DEMO.compound1, '2026-11-20T09:00:00+08:00', '2026-11-21T09:00:00+08:00')).toEqual({
      rated: 2,
      satisfied: 1,
    });
    expect(await compoundSatisfaction(h.deps, DEMO.compound1, '2026-01-01T00:00:00+08:00', '2026-07-01T00:00:00+08:00')).toEqual({
      rated: 0,
      satisfied: 0,
    });
    expect(await compoundSatisfaction(h.deps, DEMO.compound2, '2026-07-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00')).toEqual({
      rated: 1,
      satisfied: 0,
    });
  });

  test('uses the requests index on compound and rating time', () => {
    const plan = h.store.explain('requests', { compoundId: DEMO.compound1, ratedAt: { $gte: '2026-07-01', $lt: '2027-01-01' } });
    expect(plan).toContain('compound_rated');
  });
});

describe('indexes', () => {
  test.each([
    ['mine', { submitterId: 'u' }, [['createdAt', 'desc']], 'submitter_created'],
    ['residents committee inbox', { rcQueue: 'c', active: true }, [['dueAt', 'asc']], 'rc_queue'],
    ['owners committee inbox', { ocQueue: 'c', active: true }, [['dueAt', 'asc']], 'oc_queue'],
    ['property inbox', { pfQueue: 'f', active: false, status: 'closed' }, [['dueAt', 'desc']], 'pf_queue'],
    ['party_org inbox', { poQueue: 'c', active: true }, [['dueAt', 'asc']], 'po_queue'],
    ['board', { boardCompoundId: 'c' }, [['createdAt', 'desc']], 'board_created'],
    [
      'duplicates',
      { boardCompoundId: 'c', category: 'noise', createdAt: { $gte: 'x' }, active: true },
      [['createdAt', 'desc']],
      'board_category',
    ],
    ['escalation', { escalateAt: { $lt: 'x' } }, [['escalateAt', 'asc']], 'escalate_at'],
    ['auto-close', { autoCloseAt: { $lt: 'x' } }, [['autoCloseAt', 'asc']], 'auto_close_at'],
    ['stats', { communityId: 'c' }, [['createdAt', 'asc']], 'community_created'],
  ] as const)('the %s query uses an index', (_name, filter, orderBy, index) => {
    expect(h.store.explain('requests', filter as never, { orderBy: orderBy as never })).toContain(index);
  });
});
