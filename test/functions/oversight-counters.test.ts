/**
 * The oversight counters (app/admin/counters.ts) are moved by every write that changes what they
 * count: after a random mix of registrations, approvals, volunteer profiles, owners'-committee and
 * compound-party grants and revocations, invitations redeemed, compounds created, firms assigned,
 * requests filed and handled and scheduler ticks, every community's counters equal a recount from
 * the records (app/admin/recount.ts), each street's totals (app/community/totals.ts) the sum of its
 * communities' recounts — its firm counts, and its busiest firms and how many firms have requests
 * as computed from them — each firm's city-wide counts the sum of the streets', the city overview's
 * busiest firms those of the recount, and the request KPIs of the overview and of community.stats
 * (both read from the counters) equal those computed from the requests themselves
 * (domain/request-kpis.ts), community.stats's people figures the recount's.
 */
import fc from 'fast-check';
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { OverviewView } from '../../cloudfunctions/core/app/admin/overview';
import { recountCommunity, streetTotals } from '../../cloudfunctions/core/app/admin/recount';
import {
  busiestOf,
  FIRM_TOTALS,
  STREET_FIRMS,
  type BusyFirm,
  type FirmTotalsDoc,
  type StreetBusiest,
  type StreetFirmsDoc,
} from '../../cloudfunctions/core/app/community/totals';
import type { CommunityDoc, CompoundDoc, StreetDoc, StreetTotalsDoc } from '../../cloudfunctions/core/app/community/community';
import type { CommunityStats } from '../../cloudfunctions/core/app/community/stats';
import { REQUESTS, type RequestDoc } from '../../cloudfunctions/core/app/requests/request';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import { sumCounters, type OversightCounters } from '../../cloudfunctions/core/domain/oversight';
import { requestKpis } from '../../cloudfunctions/core/domain/request-kpis';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { flat, recountedCommunities } from '../support/counters';
import { makeHarness, type Harness } from '../support/harness';

const COMMUNITIES = [DEMO.communityId, DEMO.community2];
const COMPOUNDS: Record<string, string[]> = { [DEMO.communityId]: [DEMO.compound1, DEMO.compound2], [DEMO.community2]: [DEMO.compound3] };

/** Busiest firms, in order, each with its non-zero counts. */
const ranked = (list: BusyFirm[]) => list.map(({ firmId, ...counts }) => ({ firmId, ...flat(counts) }));

async function expectCountersTrue(h: Harness): Promise<void> {
  for (const communityId of COMMUNITIES) {
    const [community, recount, compounds] = await Promise.all([
      h.store.get<CommunityDoc>('communities', communityId),
      recountCommunity(h.store, communityId),
      h.store.find<CompoundDoc>('compounds', { communityId }),
    ]);
    expect({ communityId, ...flat(community?.counters) }).toEqual({ communityId, ...flat(recount.counters) });
    const members = Object.fromEntries(compounds.map((k) => [k._id, k.counters?.partyMembers ?? 0]));
    expect(members).toEqual(recount.partyMembers);
  }
  // Each street's totals (moved in the same writes) equal its communities' figures recounted.
  const city: Array<OversightCounters> = [];
  for (const street of await h.store.find<StreetDoc>('streets', {})) {
    const recounted = await recountedCommunities(h.store, street._id);
    const { communities: n, counters, backbone, busiest, firmCount, firm } = streetTotals(recounted);
    const [totals, firms] = await Promise.all([
      h.store.get<StreetTotalsDoc & StreetBusiest>('street_totals', street._id),
      h.store.get<StreetFirmsDoc>(STREET_FIRMS, street._id),
    ]);
    expect({
      streetId: street._id,
      n: street.communities,
      ...flat({ counters: totals?.counters, backbone: totals?.backbone, firm: firms?.firm }),
      firmCount: totals?.firmCount ?? 0,
      busiest: ranked(totals?.busiest ?? []),
    }).toEqual({ streetId: street._id, n, ...flat({ counters, backbone, firm }), firmCount, busiest: ranked(busiest) });
    city.push({ requests: { firm } });
  }
  // Each firm's city-wide counts are its streets' summed; the city overview lists the busiest of them.
  const want = sumCounters(city).requests?.firm ?? {};
  const held = await h.store.find<FirmTotalsDoc>(FIRM_TOTALS, {});
  expect(Object.fromEntries(held.map((f) => [f._id, flat(f.requests)]).filter(([, c]) => Object.keys(c).length))).toEqual(
    Object.fromEntries(
      Object.entries(want)
        .map(([id, c]) => [id, flat(c)])
        .filter(([, c]) => Object.keys(c).length),
    ),
  );
  const view = await h.call<OverviewView>('admin', 'overview', { level: 'city' }, 'demo-admin');
  if (!view.ok) throw new Error(view.error.message);
  const { busiest, firmCount } = busiestOf(want);
  expect({
    firmCount: view.data.total.requests.firmCount,
    byFirm: view.data.total.requests.byFirm.map((f) => [f.firmId, f.total, f.open]),
  }).toEqual({
    firmCount,
    byFirm: busiest.map((f) => [f.firmId, f.total ?? 0, f.open ?? 0]),
  });
}

type Op =
  | { t: 'register'; community: number; party: boolean }
  | { t: 'approve' | 'volunteer' | 'submit'; who: number }
  | { t: 'grant' | 'revoke'; who: number; role: 'oc_member' | 'compound_party' }
  | { t: 'redeem'; role: 'oc_member' | 'compound_party'; compound: number }
  | { t: 'advance'; req: number; alt: number; score: number }
  | { t: 'tick'; hours: number }
  | { t: 'compound' }
  | { t: 'assign'; compound: number; firm: number };

const who = fc.nat(40);
const req = fc.nat(40);
const role = fc.constantFrom('oc_member' as const, 'compound_party' as const);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('register' as const), community: fc.nat(1), party: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('approve' as const), who }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('volunteer' as const), who }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('submit' as const), who }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constantFrom('grant' as const, 'revoke' as const), who, role }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redeem' as const), role, compound: fc.nat(1) }) },
  { weight: 8, arbitrary: fc.record({ t: fc.constant('advance' as const), req, alt: fc.nat(5), score: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('tick' as const), hours: fc.integer({ min: 1, max: 24 * 10 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('compound' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('assign' as const), compound: fc.nat(2), firm: fc.nat(1) }) },
);

/** What a run's calls did: how many were made and succeeded, and the kinds of op that succeeded at least once. */
interface Done {
  calls: number;
  ok: number;
  kinds: Set<Op['t']>;
}

/** Runs `ops` (each may be refused in the state it meets: that is part of the mix), counting into `done`. */
async function run(h: Harness, ops: Op[], done: Done): Promise<void> {
  // Who acts: the demo's people and those registered in the run (approvals and profiles go mostly to these).
  const people = ['demo-resident', 'demo-volunteer', 'demo-oc', 'demo-pending', 'demo-cparty'];
  const registered = ['demo-pending'];
  const residents = ['demo-resident', 'demo-volunteer'];
  const seeded = (await h.store.find<RequestDoc>(REQUESTS, { communityId: DEMO.communityId })).map((r) => r._id);
  const requests: string[] = [];
  const granted: Array<{ p: string; role: string; scopeId: string }> = [];
  const submitters = new Map<string, string>();
  const compounds: string[] = [DEMO.compound1, DEMO.compound2, DEMO.compound3];
  const pick = <T>(list: T[], i: number): T => list[i % list.length];
  let day = 0;
  for (const [i, o] of ops.entries()) {
    const openid = (n: number) => pick(people, n);
    const call = async (fn: 'account' | 'volunteer' | 'requests' | 'admin', action: string, data: object, as: string) => {
      const r = await h.call<Record<string, string>>(fn, action, data, as);
      done.calls++;
      if (r.ok) done.ok++;
      if (r.ok) done.kinds.add(o.t);
      return r.ok ? r.data : null;
    };
    const userId = (n: number) => h.userId(openid(n));
    // Mostly this run's requests (they go through every state), sometimes a seeded one.
    const request = (n: number) => (requests.length && n % 5 !== 0 ? pick(requests, n) : pick(seeded, n));
    switch (o.t) {
      case 'register': {
        const communityId = COMMUNITIES[o.community];
        const p = `p-${i}`;
        people.push(p);
        registered.push(p);
        const data = { name: `居民${i}`, phone: `139${String(10000000 + i).slice(-8)}`, communityId, building: '1栋', room: `${100 + i}` };
        await call('account', 'register', { ...data, compoundId: COMPOUNDS[communityId][0], isPartyMember: o.party }, p);
        break;
      }
      case 'approve': {
        const p = pick(registered, o.who);
        if (await call('account', 'approve', { userId: h.userId(p) }, 'demo-admin')) residents.push(p);
        break;
      }
      case 'volunteer':
        // Pending registrants and approved residents alike may register a profile.
        await call(
          'volunteer',
          'register',
          { realName: '志愿者', phone: '13907160009' },
          o.who % 2 ? pick(registered, o.who) : openid(o.who),
        );
        break;
      case 'grant': {
        const p = o.who % 2 ? pick(residents, o.who) : openid(o.who);
        const u = await h.store.get<UserDoc>('users', h.userId(p));
        if (await call('account', 'grantRole', { userId: h.userId(p), role: o.role }, 'demo-admin'))
          granted.push({ p, role: o.role, scopeId: u?.compoundId ?? '' });
        break;
      }
      case 'revoke': {
        // Mostly a role granted in the run; else whatever the person holds in their own compound.
        const g = granted.length && o.who % 3 ? pick(granted, o.who) : null;
        const u = await h.store.get<UserDoc>('users', userId(o.who));
        const [p, r, scopeId] = g ? [g.p, g.role, g.scopeId] : [openid(o.who), o.role, u?.compoundId ?? ''];
        await call('account', 'revokeRole', { userId: h.userId(p), role: r, scopeId }, 'demo-rc');
        break;
      }
      case 'redeem': {
        const scopeId = COMPOUNDS[DEMO.communityId][o.compound];
        const inv = await call('account', 'invite', { role: o.role, scopeId }, 'demo-rc');
        if (inv && (await call('account', 'redeem', { code: inv.code, name: '新成员' }, `inv-${i}`)))
          granted.push({ p: `inv-${i}`, role: o.role, scopeId });
        break;
      }
      case 'submit': {
        const p = pick(residents, o.who);
        const u = await h.store.get<UserDoc>('users', h.userId(p));
        const data = {
          category: 'environment',
          title: `楼道杂物${i}`,
          description: '楼道堆放杂物，请清理',
          compoundId: u?.compoundId ?? DEMO.compound1,
        };
        const r = await call('requests', 'submit', data, p);
        if (r) {
          requests.push(r.requestId);
          submitters.set(r.requestId, p);
        }
        break;
      }
      case 'advance': {
        // The request's next step from where it stands; `alt` picks a refusal, a withdrawal or a reopening now and then.
        const id = request(o.req);
        const doc = await h.store.get<RequestDoc>(REQUESTS, id);
        const as = submitters.get(id) ?? 'demo-resident';
        const step = (action: string, data: object, by: string) => call('requests', action, { requestId: id, ...data }, by);
        if (doc?.status === 'submitted') {
          if (o.alt === 0) await step('reject', { reason: '不属于受理范围' }, 'demo-rc');
          else if (o.alt === 1) await step('withdraw', {}, as);
          else await step('accept', { leadParty: 'residents_committee' }, 'demo-rc');
        } else if (doc?.status === 'assigned' || doc?.status === 'reopened')
          await step('update', { status: 'in_progress', note: '正在处理' }, 'demo-rc');
        else if (doc?.status === 'in_progress') await step('update', { status: 'resolved', note: '已办结' }, 'demo-rc');
        else if (doc?.status === 'resolved' && o.alt === 0) await step('reopen', { reason: '问题又出现了' }, as);
        else if (doc?.status === 'resolved') await step('rate', { score: o.score, solved: o.alt !== 1 }, as);
        else await step('comment', { note: '谢谢' }, as);
        break;
      }
      case 'tick':
        h.clock.advance(o.hours * 3600_000);
        await tick(h.deps);
        done.kinds.add(o.t);
        break;
      case 'compound': {
        const r = await call('admin', 'createCompound', { communityId: DEMO.communityId, name: `新小区${i}` }, 'demo-admin');
        if (r) compounds.push(r.compoundId);
        break;
      }
      case 'assign': {
        day++;
        const from = new Date(Date.UTC(2026, 7, 1) + day * 86400_000).toISOString().slice(0, 10);
        const firmId = [DEMO.firm1, DEMO.firm2][o.firm];
        await call('admin', 'assignFirm', { compoundId: pick(compounds, o.compound), firmId, from }, 'demo-admin');
        break;
      }
    }
  }
}

describe('oversight counters', () => {
  test('the demo seed sets every community’s counters to what its records say', async () => {
    const h = await makeHarness();
    try {
      await expectCountersTrue(h);
      const c = await h.store.get<CommunityDoc>('communities', DEMO.communityId);
      expect(c?.counters).toMatchObject({ compounds: 2, compoundsWithParty: 1 });
      expect(c?.counters?.residents).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });

  test('equal a recount after a random mix of writes', async () => {
    const done: Done = { calls: 0, ok: 0, kinds: new Set() };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 60 }), async (ops) => {
        const h = await makeHarness();
        try {
          await run(h, ops, done);
          await expectCountersTrue(h);
          // The KPIs the overview reads from the counters are those of the requests themselves (rates that need no clock).
          const view = await h.call<OverviewView>('admin', 'overview', { level: 'street', streetId: DEMO.street1 }, 'demo-admin');
          if (!view.ok) throw new Error(view.error.message);
          const docs = await h.store.find<RequestDoc>(REQUESTS, { communityId: DEMO.communityId });
          const k = requestKpis(docs, h.clock.now());
          const row = view.data.rows.find((r) => r.id === DEMO.communityId);
          expect(row?.requests).toMatchObject({
            total: k.total,
            open: k.open,
            resolutionRate: k.resolutionRate,
            satisfactionRate: k.satisfactionRate,
          });
          // community.stats answers from the same counters: its figures are the recount's.
          for (const communityId of COMMUNITIES) {
            const [stats, recount] = await Promise.all([
              h.call<CommunityStats>('community', 'stats', { communityId }, 'demo-admin'),
              recountCommunity(h.store, communityId),
            ]);
            if (!stats.ok) throw new Error(stats.error.message);
            const c = recount.counters;
            expect(stats.data).toMatchObject({
              residents: c.residents,
              volunteers: c.volunteers,
              ocMembers: c.ocMembers,
              ocPartyMembers: c.ocPartyMembers,
            });
            const own = requestKpis(await h.store.find<RequestDoc>(REQUESTS, { communityId }), h.clock.now());
            expect(stats.data.requests).toMatchObject({
              total: own.total,
              open: own.open,
              resolutionRate: own.resolutionRate,
              satisfactionRate: own.satisfactionRate,
            });
          }
        } finally {
          await h.close();
        }
      }),
      { numRuns: 15 },
    );
    // The mix did things, not only refusals: a fair share of its calls succeeded (about half do;
    // a count would depend on the runs' random lengths), and every kind of write succeeded somewhere.
    expect(done.ok / done.calls).toBeGreaterThan(0.3);
    expect([...done.kinds].sort()).toEqual([
      'advance',
      'approve',
      'assign',
      'compound',
      'grant',
      'redeem',
      'register',
      'revoke',
      'submit',
      'tick',
      'volunteer',
    ]);
  }, 120_000);
});
