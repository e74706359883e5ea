/**
 * The same volunteers signing up for and cancelling several activities at once, some at
 * overlapping times. A seat change is decided on documents read before its transaction
 * (app/volunteer/seat-writes.ts), so two changes of one volunteer's slots may be decided on the
 * same profile: neither may be lost, and two overlapping activities are never both confirmed.
 */
import fc from 'fast-check';
import type { ActivityDoc, SignupDoc, VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { overlaps } from '../../cloudfunctions/core/domain/activity';
import { activity, volunteers, type Person } from '../support/builders';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** Windows on one day, in China time: the first two overlap, as do the second and third. */
const WINDOWS = [
  ['09:00', '11:00'],
  ['10:00', '12:00'],
  ['11:30', '13:00'],
  ['14:00', '16:00'],
] as const;

const DAY_MS = 86_400_000;

async function invariants(people: Person[], activityIds: string[]): Promise<void> {
  const acts = (await Promise.all(activityIds.map((id) => h.store.get<ActivityDoc>('activities', id)))) as ActivityDoc[];
  const rows = await h.store.find<SignupDoc>('signups', { activityId: { $in: activityIds } });
  for (const a of acts) {
    const mine = rows.filter((s) => s.activityId === a._id);
    const waiting = mine.filter((s) => s.status === 'waitlisted').map((s) => s.userId);
    expect({ id: a._id, confirmed: a.confirmedCount, waiting: [...a.waitlist].sort() }).toEqual({
      id: a._id,
      confirmed: mine.filter((s) => s.status === 'confirmed').length,
      waiting: waiting.sort(),
    });
    expect(a.confirmedCount).toBeLessThanOrEqual(a.capacity);
  }
  for (const p of people) {
    const v = (await h.store.get<VolunteerDoc>('volunteers', p.userId)) as VolunteerDoc;
    const confirmed = rows.filter((s) => s.userId === p.userId && s.status === 'confirmed');
    // No slot lost and none left over: the slots are exactly this run's confirmed signups.
    expect({
      who: p.userId,
      slots: v.slots
        .filter((x) => activityIds.includes(x.activityId))
        .map((x) => x.activityId)
        .sort(),
    }).toEqual({
      who: p.userId,
      slots: confirmed.map((s) => s.activityId).sort(),
    });
    // Never two overlapping activities confirmed.
    for (const x of confirmed)
      for (const y of confirmed)
        if (x !== y) expect({ x: x.activityId, y: y.activityId, overlap: overlaps(x, y) }).toMatchObject({ overlap: false });
  }
}

test('one volunteer’s concurrent signups and cancellations across activities lose no slot and confirm no overlap', async () => {
  const people = await volunteers(h, 3);
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ window: fc.integer({ min: 0, max: 3 }), capacity: fc.integer({ min: 1, max: 2 }) }), {
        minLength: 2,
        maxLength: 4,
      }),
      fc.array(fc.record({ who: fc.integer({ min: 0, max: 2 }), act: fc.nat(), op: fc.constantFrom('signup', 'cancel') }), {
        minLength: 4,
        maxLength: 30,
      }),
      async (specs, ops) => {
        // Each run on its own day, so earlier runs' slots do not refuse this one's signups.
        run += 1;
        const day = new Date(Date.parse('2026-11-21T00:00:00+08:00') + run * DAY_MS).toISOString().slice(0, 10);
        const activityIds: string[] = [];
        for (const s of specs) {
          const [from, to] = WINDOWS[s.window];
          activityIds.push(await activity(h, { startAt: `${day}T${from}:00+08:00`, endAt: `${day}T${to}:00+08:00`, capacity: s.capacity }));
        }
        await Promise.all(
          ops.map(({ who, act, op }) => h.call('volunteer', op, { activityId: activityIds[act % activityIds.length] }, people[who].openid)),
        );
        await invariants(people, activityIds);
      },
    ),
    { numRuns: 30, seed: 20261129 },
  );
});
