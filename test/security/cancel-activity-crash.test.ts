/**
 * An organiser cancels an activity with two confirmed and two waitlisted volunteers, and the
 * process dies at every step: before each database call (the search for its signups, the
 * transaction's start, reads and writes) and after its commit. The cancellation, its audit entry
 * and the release of its signups, each with its message, are one transaction
 * (app/volunteer/seat-release.ts): at every point the audit entry exists exactly when the activity
 * is cancelled, a signup is released exactly when its volunteer has the message, and the activity's
 * counters and the volunteers' slots equal the records. The organiser's retry, or else the
 * scheduler's clean-up of an interrupted cancellation, finishes the job: every signup released,
 * every volunteer told once, one audit entry.
 */
import { AUDIT } from '../../cloudfunctions/core/app/audit';
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { OUTBOX } from '../../cloudfunctions/core/app/messages/message';
import {
  ACTIVITIES,
  SIGNUPS,
  VOLUNTEERS,
  type ActivityDoc,
  type SignupDoc,
  type VolunteerDoc,
} from '../../cloudfunctions/core/app/volunteer/model';
import { volunteerTick } from '../../cloudfunctions/core/app/volunteer/scheduler';
import type { Doc, Store } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { countingStore, crashPoints, dyingStore } from '../support/dying-store';
import { makeHarness, type Harness } from '../support/harness';

const activityId = DEMO_ACTIVITIES.civility;
const cancelActivity = (h: Harness, store: Store) =>
  createCloudEntry('volunteer', FUNCTIONS.volunteer, { ...h.deps, store })(
    { action: 'cancelActivity', data: { activityId, reason: '暴雨预警' } },
    platformContextFor('demo-rc'),
  );

/** The activity's seats as stored, and who was told. */
async function state(h: Harness) {
  const a = (await h.store.get<ActivityDoc>(ACTIVITIES, activityId)) as ActivityDoc;
  const rows = await h.store.find<SignupDoc>(SIGNUPS, { activityId });
  const told = await h.store.find<Doc & { userId: string }>(OUTBOX, { template: 'activity_cancelled' });
  const released = rows.filter((s) => s.cancelledBy === 'activity_cancelled').map((s) => s.userId);
  const confirmed = rows.filter((s) => s.status === 'confirmed');
  const waiting = rows.filter((s) => s.status === 'waitlisted').map((s) => s.userId);
  const slotsIffConfirmed = await Promise.all(
    rows.map(async (s) => {
      const v = (await h.store.get<VolunteerDoc>(VOLUNTEERS, s.userId)) as VolunteerDoc;
      return v.slots.some((x) => x.activityId === activityId) === (s.status === 'confirmed');
    }),
  );
  return {
    status: a.status,
    countersEqualRecords:
      a.confirmedCount === confirmed.length && a.waitlist.join() === waiting.join() && a.waitlistCount === waiting.length,
    slotsIffConfirmed: slotsIffConfirmed.every(Boolean),
    releasedAreTold:
      [...released].sort().join() ===
      told
        .map((m) => m.userId)
        .sort()
        .join(),
    released: released.length,
    audited: await h.store.count(AUDIT, { action: 'volunteer.cancelActivity', targetId: activityId }),
  };
}

async function callsOfCancel(): Promise<number> {
  const h = await makeHarness();
  try {
    const counting = countingStore(h.store);
    expect((await cancelActivity(h, counting.store)).ok).toBe(true);
    expect(await state(h)).toMatchObject({ status: 'cancelled', released: 4, releasedAreTold: true, audited: 1 });
    return counting.calls();
  } finally {
    await h.close();
  }
}

test('a death at any step of an activity’s cancellation releases each signup with its message or not at all, and the retry or the scheduler finishes', async () => {
  const calls = await callsOfCancel();
  // The caller and the activity; the signups; the transaction: start, reads, writes (the cancellation and its audit among them).
  expect(calls).toBeGreaterThanOrEqual(10);
  for (const at of crashPoints(calls)) {
    const h = await makeHarness();
    try {
      const died = await cancelActivity(h, dyingStore(h.store, at));
      expect({ at, code: died.ok ? 'ok' : died.error.code }).toEqual({ at, code: 'INTERNAL' });
      const after = await state(h);
      expect({ at, ...after }).toMatchObject({ at, countersEqualRecords: true, slotsIffConfirmed: true, releasedAreTold: true });
      // Released all together or none, and audited exactly when cancelled.
      expect({ at, released: [0, 4].includes(after.released) }).toEqual({ at, released: true });
      expect({ at, audited: after.audited }).toEqual({ at, audited: after.status === 'cancelled' ? 1 : 0 });
      // The organiser retries; a cancellation already recorded is finished by the scheduler.
      const retried = await cancelActivity(h, h.store);
      expect({ at, answer: retried.ok ? 'ok' : retried.error.reason }).toEqual({
        at,
        answer: after.status === 'cancelled' ? 'ACTIVITY_CANCELLED' : 'ok',
      });
      await volunteerTick(h.deps);
      expect({ at, ...(await state(h)) }).toEqual({
        at,
        status: 'cancelled',
        countersEqualRecords: true,
        slotsIffConfirmed: true,
        releasedAreTold: true,
        released: 4,
        audited: 1,
      });
      expect(await h.store.count(ACTIVITIES, { _id: activityId, cancelCleanupDone: true })).toBe(1);
    } finally {
      await h.close();
    }
  }
});

/** `store`, with `before` run once just after the first search of the activity's signups has read them. */
function signupAfterSearch(store: Store, before: () => Promise<unknown>): Store {
  let fired = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop !== 'find') return Reflect.get(target, prop, receiver) as unknown;
      const find: Store['find'] = async (collection, filter, options) => {
        const rows = await target.find(collection, filter, options);
        if (collection === SIGNUPS && !fired) {
          fired = true;
          await before();
        }
        return rows as never;
      };
      return find;
    },
  });
}

test('a signup that comes between the search for the signups and the cancellation is released with the others', async () => {
  const h = await makeHarness();
  try {
    const signup = () =>
      createCloudEntry(
        'volunteer',
        FUNCTIONS.volunteer,
        h.deps,
      )({ action: 'signup', data: { activityId } }, platformContextFor('demo-oc2'));
    let late: unknown = null;
    const store = signupAfterSearch(h.store, async () => (late = await signup()));
    expect((await cancelActivity(h, store)).ok).toBe(true);
    expect(late).toMatchObject({ ok: true });
    expect(await state(h)).toEqual({
      status: 'cancelled',
      countersEqualRecords: true,
      slotsIffConfirmed: true,
      releasedAreTold: true,
      released: 5,
      audited: 1,
    });
    expect(await h.store.count(ACTIVITIES, { _id: activityId, cancelCleanupDone: true })).toBe(1);
  } finally {
    await h.close();
  }
});
