/**
 * A signup with a clientToken (as the mini-program sends) dies at every step: before each of its
 * database calls — the idempotency claim, the caller's record and the loads of dispatch's round,
 * the seat transaction's start and each of its writes — and after the commit, before the answer.
 * A dead process makes no further call (its clean-up never runs either). At every point the seat
 * is taken together with its signup, the volunteer's slot and the stored answer, or not at all;
 * the client's retry with the same clientToken on a restarted process (once the dead call's claim
 * is stale) gets the answer a call that never died gets, and a further retry gets it again.
 */
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { IDEMPOTENCY } from '../../cloudfunctions/core/app/idempotency';
import {
  ACTIVITIES,
  SIGNUPS,
  VOLUNTEERS,
  type ActivityDoc,
  type SignupDoc,
  type VolunteerDoc,
} from '../../cloudfunctions/core/app/volunteer/model';
import type { Doc, Store } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { countingStore, crashPoints, dyingStore } from '../support/dying-store';
import { makeHarness, type Harness } from '../support/harness';

const CASES = [
  { seat: 'a free seat', activityId: DEMO_ACTIVITIES.counseling, openid: 'demo-volunteer', answer: { status: 'confirmed' } },
  { seat: 'the waitlist', activityId: DEMO_ACTIVITIES.civility, openid: 'demo-oc2', answer: { status: 'waitlisted', position: 3 } },
] as const;

describe.each(CASES)('signing up for $seat', ({ activityId, openid, answer }) => {
  const signup = (h: Harness, store: Store) =>
    createCloudEntry('volunteer', FUNCTIONS.volunteer, { ...h.deps, store })(
      { action: 'signup', data: { activityId, clientToken: 'crash-signup-token' } },
      platformContextFor(openid),
    );

  /** The seat as stored: the activity's counters, the signup, the slot and the stored answer. */
  async function state(h: Harness) {
    const userId = h.userId(openid);
    const a = (await h.store.get<ActivityDoc>(ACTIVITIES, activityId)) as ActivityDoc;
    const rows = await h.store.find<SignupDoc>(SIGNUPS, { activityId });
    const confirmed = rows.filter((s) => s.status === 'confirmed');
    const waiting = rows.filter((s) => s.status === 'waitlisted').map((s) => s.userId);
    const v = (await h.store.get<VolunteerDoc>(VOLUNTEERS, userId)) as VolunteerDoc;
    const mine = rows.find((s) => s.userId === userId);
    const stored = await h.store.get<Doc & { state: string }>(IDEMPOTENCY, `${userId}:crash-signup-token`);
    return {
      countersEqualRecords:
        a.confirmedCount === confirmed.length && a.waitlistCount === waiting.length && a.waitlist.join() === waiting.join(),
      slotIffConfirmed: v.slots.some((x) => x.activityId === activityId) === (mine?.status === 'confirmed'),
      signedUp: mine ? mine.status : null,
      answerStored: stored?.state ?? '',
      seats: a.confirmedCount + a.waitlistCount,
    };
  }

  /** How many database calls the signup makes when nothing dies. */
  async function callsOfSignup(): Promise<number> {
    const h = await makeHarness();
    try {
      const counting = countingStore(h.store);
      expect(await signup(h, counting.store)).toEqual({ ok: true, data: answer });
      return counting.calls();
    } finally {
      await h.close();
    }
  }

  test('a death at any step takes the seat with its records and stored answer, or nothing; the retry answers the same', async () => {
    const calls = await callsOfSignup();
    // The claim, the caller, the activity, the profile and the signup; the start, three writes and the answer.
    expect(calls).toBeGreaterThanOrEqual(9);
    for (const at of crashPoints(calls)) {
      const h = await makeHarness();
      try {
        const before = await state(h);
        expect(before).toMatchObject({ countersEqualRecords: true, signedUp: null, answerStored: '' });
        const died = await signup(h, dyingStore(h.store, at));
        expect({ at, code: died.ok ? 'ok' : died.error.code }).toEqual({ at, code: 'INTERNAL' });
        const after = await state(h);
        // All of it or none of it.
        expect({ at, ...after, answerStored: after.answerStored === 'done' }).toEqual({
          at,
          countersEqualRecords: true,
          slotIffConfirmed: true,
          signedUp: after.signedUp === null ? null : answer.status,
          answerStored: after.signedUp !== null,
          seats: before.seats + (after.signedUp === null ? 0 : 1),
        });
        if (at === 'after-commit') expect(after.signedUp).toBe(answer.status);
        // The client retries on the restarted process, once a dead call's claim is stale.
        h.clock.advance(31_000);
        for (const retry of [1, 2]) {
          expect({ at, retry, answer: await signup(h, h.store) }).toEqual({ at, retry, answer: { ok: true, data: answer } });
          expect({ at, retry, ...(await state(h)) }).toEqual({
            at,
            retry,
            countersEqualRecords: true,
            slotIffConfirmed: true,
            signedUp: answer.status,
            answerStored: 'done',
            seats: before.seats + 1,
          });
        }
      } finally {
        await h.close();
      }
    }
  });
});
