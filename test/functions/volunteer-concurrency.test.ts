import fc from 'fast-check';
import type { ActivityDoc, SignupDoc, VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { volunteerDocs } from '../support/builders';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function addVolunteers(n: number): Promise<string[]> {
  const openids: string[] = [];
  for (let i = 0; i < n; i++) {
    const openid = `cc-${i}`;
    const { user, volunteer } = volunteerDocs(h.userId(openid), openid, i, { prefix: 'cc' });
    await h.store.insert('users', user);
    await h.store.insert('volunteers', volunteer);
    openids.push(openid);
  }
  return openids;
}

async function createActivity(capacity: number): Promise<string> {
  const r = await h.call<{ activityId: string }>(
    'volunteer',
    'createActivity',
    {
      communityId: DEMO.communityId,
      title: '并发测试活动',
      category: 'other',
      description: '并发测试',
      location: '社区广场',
      startAt: '2026-11-25T09:00:00+08:00',
      endAt: '2026-11-25T12:00:00+08:00',
      capacity,
    },
    'demo-rc',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data.activityId;
}

/** The invariants: confirmed ≤ capacity, no free seat while someone waits, counters equal the records. */
async function invariants(activityId: string): Promise<void> {
  const a = (await h.store.get<ActivityDoc>('activities', activityId)) as ActivityDoc;
  const rows = await h.store.find<SignupDoc>('signups', { activityId });
  const confirmed = rows.filter((s) => s.status === 'confirmed').length;
  const waiting = rows.filter((s) => s.status === 'waitlisted').map((s) => s.userId);
  expect(a.confirmedCount).toBe(confirmed);
  expect(a.confirmedCount).toBeLessThanOrEqual(a.capacity);
  expect(a.waitlistCount).toBe(waiting.length);
  expect([...a.waitlist].sort()).toEqual([...waiting].sort());
  expect(new Set(a.waitlist).size).toBe(a.waitlist.length);
  if (a.confirmedCount < a.capacity) expect(a.waitlist).toHaveLength(0);
  // Each volunteer holds a time slot exactly when confirmed.
  for (const s of rows) {
    const v = (await h.store.get<VolunteerDoc>('volunteers', s.userId)) as VolunteerDoc;
    expect(v.slots.some((x) => x.activityId === activityId)).toBe(s.status === 'confirmed');
  }
}

test('interleaved concurrent signups and cancellations keep confirmed ≤ capacity, no seat free while someone waits, and counters equal the records', async () => {
  const vols = await addVolunteers(30);
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.record({ who: fc.integer({ min: 0, max: 29 }), op: fc.constantFrom('signup', 'cancel') }), {
        minLength: 5,
        maxLength: 60,
      }),
      async (capacity, ops) => {
        const activityId = await createActivity(capacity);
        await Promise.all(ops.map(({ who, op }) => h.call('volunteer', op, { activityId }, vols[who])));
        await invariants(activityId);
      },
    ),
    { numRuns: 25, seed: 20261120 },
  );
});

test('waves of concurrent signups and cancellations promote in FIFO order', async () => {
  const vols = await addVolunteers(12);
  const activityId = await createActivity(3);
  for (const v of vols) await h.call('volunteer', 'signup', { activityId }, v);
  // Waitlist is vols[3..11] in order; three confirmed cancel at once.
  await Promise.all(vols.slice(0, 3).map((v) => h.call('volunteer', 'cancel', { activityId }, v)));
  const a = (await h.store.get<ActivityDoc>('activities', activityId)) as ActivityDoc;
  const confirmed = (await h.store.find<SignupDoc>('signups', { activityId, status: 'confirmed' })).map((s) => s.userId).sort();
  expect(confirmed).toEqual(
    vols
      .slice(3, 6)
      .map((v) => h.userId(v))
      .sort(),
  );
  expect(a.waitlist).toEqual(vols.slice(6).map((v) => h.userId(v)));
  await invariants(activityId);
});
