/**
 * An organiser cancels an activity with two confirmed and two waitlisted volunteers, and the
 * process dies at every step: before each database call (the activity's cancellation, the audit,
 * the search for its signups, the release transaction's start, reads and writes) and after the
 * release's commit. Its signups are released in one transaction, each with its message
 * (app/volunteer/seat-release.ts): at every point a signup is released exactly when its volunteer
 * has the message, and the activity's counters and the volunteers' slots equal the records. The
 * organiser's retry, or else the scheduler's clean-up of an interrupted cancellation, finishes the
 * job: every signup released, every volunteer told once.
 */
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
  };
}

async function callsOfCancel(): Promise<number> {
  const h = await makeHarness();
  try {
    const counting = countingStore(h.store);
    expect((await cancelActivity(h, counting.store)).ok).toBe(true);
    expect(await state(h)).toMatchObject({ status: 'cancelled', released: 4, releasedAreTold: true });
    return counting.calls();
  } finally {
    await h.close();
  }
}

test('a death at any step of an activity’s cancellation releases each signup with its message or not at all, and the retry or the scheduler finishes', async () => {
  const calls = await callsOfCancel();
  // The caller and the activity; its cancellation and audit; the signups; the release: start, reads, writes.
  expect(calls).toBeGreaterThanOrEqual(10);
  for (const at of crashPoints(calls)) {
    const h = await makeHarness();
    try {
      const died = await cancelActivity(h, dyingStore(h.store, at));
      expect({ at, code: died.ok ? 'ok' : died.error.code }).toEqual({ at, code: 'INTERNAL' });
      const after = await state(h);
      expect({ at, ...after }).toMatchObject({ at, countersEqualRecords: true, slotsIffConfirmed: true, releasedAreTold: true });
      // Released all together or none.
      expect({ at, released: [0, 4].includes(after.released) }).toEqual({ at, released: true });
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
      });
      expect(await h.store.count(ACTIVITIES, { _id: activityId, cancelCleanupDone: true })).toBe(1);
    } finally {
      await h.close();
    }
  }
});
