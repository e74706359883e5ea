/**
 * volunteer.register (open to applicants still pending) and account.approve of the same person at
 * once. An approved resident's volunteer profile counts among the community's volunteers (RULES.md
 * §1): approve counts the profile it finds, register counts the profile when it finds its holder an
 * approved resident. If register decided on the applicant as pending while approve found no
 * profile yet, neither would count the volunteer (or, the other way round, both would). Here one
 * side is parked before each of its database steps (a read outside a transaction, or a
 * transaction's start) until the other has answered, for every step of either side, and a free
 * race besides: afterwards the community's counters and its street's totals equal a recount.
 */
import { recountCommunity, streetTotals } from '../../cloudfunctions/core/app/admin/recount';
import type { CommunityDoc, StreetDoc, StreetTotalsDoc } from '../../cloudfunctions/core/app/community/community';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import type { VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import type { DocumentOps, Filter, FindOptions, Store } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { flat, recountedCommunities } from '../support/counters';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

/**
 * `inner`, whose `at`-th step (a call outside a transaction, or a transaction's start; calls inside
 * one are not steps: SQLite runs transactions one at a time) first waits for `gate`. Never parks
 * inside a transaction, so the other side is never kept waiting on it.
 */
function parkedStore(inner: Store, at: number, gate: Promise<unknown>): { store: Store; steps: () => number } {
  let steps = 0;
  const step = async () => {
    steps += 1;
    if (steps === at) await gate;
  };
  const outside =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await step();
      return call(...args);
    };
  const store: Store = Object.assign(Object.create(inner) as Store, {
    get: outside((c: string, id: string) => inner.get(c, id)),
    insert: outside((c: string, doc: { _id: string }) => inner.insert(c, doc)),
    update: outside((c: string, id: string, patch: never, where?: Filter) => inner.update(c, id, patch, where)),
    remove: outside((c: string, id: string, where?: Filter) => inner.remove(c, id, where)),
    find: outside((c: string, f: Filter, o?: FindOptions) => inner.find(c, f, o)),
    count: outside((c: string, f: Filter) => inner.count(c, f)),
    transaction: outside(<R>(fn: (tx: DocumentOps) => Promise<R>) => inner.transaction(fn)),
  });
  return { store, steps: () => steps };
}

/** Every community's counters and backbone, and every street's totals, against a recount from the records. */
async function expectCountersTrue(label: string): Promise<void> {
  for (const street of await h.store.find<StreetDoc>('streets', {})) {
    const recounted = await recountedCommunities(h.store, street._id);
    for (const c of recounted) {
      const stored = await h.store.get<CommunityDoc>('communities', c._id);
      expect({ label, communityId: c._id, ...flat({ counters: stored?.counters, backbone: stored?.backbone }) }).toEqual({
        label,
        communityId: c._id,
        ...flat({ counters: c.counters, backbone: c.backbone }),
      });
    }
    const { counters, backbone } = streetTotals(recounted);
    const totals = await h.store.get<StreetTotalsDoc>('street_totals', street._id);
    expect({ label, streetId: street._id, ...flat({ counters: totals?.counters, backbone: totals?.backbone }) }).toEqual({
      label,
      streetId: street._id,
      ...flat({ counters, backbone }),
    });
  }
}

type Side = 'register' | 'approve';
let applicants = 0;

/** A new applicant (pending) of compound 1; register and approve at once, `parked` waiting at its step `at` for the other. */
async function race(parked: Side | null, at: number): Promise<{ steps: Record<Side, number> }> {
  applicants += 1;
  const openid = `race-applicant-${applicants}`;
  const registered = await h.call(
    'account',
    'register',
    {
      name: `申请人${applicants}`,
      phone: '13907160006',
      communityId: DEMO.communityId,
      compoundId: DEMO.compound1,
      building: '1栋',
      room: '101',
    },
    openid,
  );
  expect(registered).toMatchObject({ ok: true });
  let otherDone!: () => void;
  const gate = new Promise<void>((resolve) => (otherDone = resolve));
  const stores = {
    register: parkedStore(h.store, parked === 'register' ? at : 0, gate),
    approve: parkedStore(h.store, parked === 'approve' ? at : 0, gate),
  };
  const entry = (side: Side) =>
    side === 'register'
      ? createCloudEntry('volunteer', FUNCTIONS.volunteer, { ...h.deps, store: stores.register.store })(
          { action: 'register', data: { realName: `申请人${applicants}`, phone: '13907160006' } },
          platformContextFor(openid),
        )
      : createCloudEntry('account', FUNCTIONS.account, { ...h.deps, store: stores.approve.store })(
          { action: 'approve', data: { userId: h.userId(openid) } },
          platformContextFor('demo-rc'),
        );
  const other: Side = parked === 'register' ? 'approve' : 'register';
  const answers = await Promise.all(
    (['register', 'approve'] as const).map((side) => (side === other ? entry(side).finally(otherDone) : entry(side))),
  );
  const label = `${parked ?? 'neither'} parked at step ${at}`;
  expect({ label, answers: answers.map((r) => r.ok) }).toEqual({ label, answers: [true, true] });
  expect(await h.store.get<VolunteerDoc>('volunteers', h.userId(openid))).toMatchObject({ communityId: DEMO.communityId });
  await expectCountersTrue(label);
  return { steps: { register: stores.register.steps(), approve: stores.approve.steps() } };
}

test('register and approve at once, each parked before each of its steps until the other answers: counted once', async () => {
  const { steps } = await race(null, 0);
  // Both take a few steps (the caller's round, the transaction, …): every one is a place to wait at.
  expect(steps.register).toBeGreaterThanOrEqual(2);
  expect(steps.approve).toBeGreaterThanOrEqual(2);
  for (const side of ['register', 'approve'] as const) for (let at = 1; at <= steps[side] + 1; at++) await race(side, at);
  const volunteers = (await h.store.get<CommunityDoc>('communities', DEMO.communityId))?.counters?.volunteers;
  expect(volunteers).toBe((await recountCommunity(h.store, DEMO.communityId)).counters.volunteers);
});
