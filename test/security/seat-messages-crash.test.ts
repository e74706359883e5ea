/**
 * The messages a seat change causes are written in the same transaction as the change (issue #13,
 * app/volunteer/seat-messages.ts). A volunteer of a full activity cancels and the first
 * waitlisted volunteer is promoted; the process "crashes" at every step of that — before each
 * database operation of the seat transaction, and after its commit but before the answer — and
 * the client retries on the restarted process. At every crash point the promotion and its message
 * exist together or not at all, and after the retry the promoted volunteer has exactly one.
 */
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';
import { OUTBOX } from '../../cloudfunctions/core/app/messages/message';
import { signupIdOf, SIGNUPS, type SignupDoc } from '../../cloudfunctions/core/app/volunteer/model';
import type { Doc, DocumentOps, Store } from '../../cloudfunctions/core/ports/store';
import { createCloudEntry, platformContextFor } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO_ACTIVITIES } from '../../cloudfunctions/core/seed/volunteer';
import { makeHarness, type Harness } from '../support/harness';

class Crash extends Error {}

/** The store of a process that dies before its `at`-th transaction operation (or after its commit). */
function crashingStore(inner: Store, at: number | 'after-commit'): Store {
  let ops = 0;
  const step = () => {
    ops += 1;
    if (ops === at) throw new Crash(`crashed before transaction operation ${at}`);
  };
  const wrap = (tx: DocumentOps): DocumentOps => ({
    get: (c, id) => (step(), tx.get(c, id)),
    insert: (c, doc) => (step(), tx.insert(c, doc)),
    update: (c, id, patch, where) => (step(), tx.update(c, id, patch, where)),
    remove: (c, id, where) => (step(), tx.remove(c, id, where)),
  });
  return Object.assign(Object.create(inner) as Store, {
    transaction: async <R>(fn: (tx: DocumentOps) => Promise<R>) => {
      const out = await inner.transaction((tx) => fn(wrap(tx)));
      if (at === 'after-commit') throw new Crash('crashed after the commit, before the answer');
      return out;
    },
  });
}

const activityId = DEMO_ACTIVITIES.civility;
const cancel = (h: Harness, store: Store) =>
  createCloudEntry('volunteer', FUNCTIONS.volunteer, { ...h.deps, store })(
    { action: 'cancel', data: { activityId } },
    platformContextFor('demo-oc'),
  );

async function state(h: Harness) {
  const promotedId = h.userId('demo-resident3');
  const signup = await h.store.get<SignupDoc>(SIGNUPS, signupIdOf(activityId, promotedId));
  const messages = await h.store.find<Doc & { template: string }>(OUTBOX, { userId: promotedId, template: 'volunteer_promoted' });
  return { promoted: signup?.status === 'confirmed', messages: messages.length };
}

/** How many transaction operations the cancellation makes when nothing crashes. */
async function operationsOfCancel(): Promise<number> {
  const h = await makeHarness();
  try {
    let ops = 0;
    const counting = Object.assign(Object.create(h.store) as Store, {
      transaction: <R>(fn: (tx: DocumentOps) => Promise<R>) =>
        h.store.transaction((tx) =>
          fn({
            get: (c, id) => (ops++, tx.get(c, id)),
            insert: (c, d) => (ops++, tx.insert(c, d)),
            update: (c, id, p, w) => (ops++, tx.update(c, id, p, w)),
            remove: (c, id, w) => (ops++, tx.remove(c, id, w)),
          }),
        ),
    });
    expect((await cancel(h, counting)).ok).toBe(true);
    expect(await state(h)).toEqual({ promoted: true, messages: 1 });
    return ops;
  } finally {
    await h.close();
  }
}

test('a crash at any step of a promotion neither loses nor doubles the promoted volunteer’s message', async () => {
  const ops = await operationsOfCancel();
  // The activity, the canceller's signup and profile, the promoted one's signup and profile: reads
  // and writes, and the message.
  expect(ops).toBeGreaterThanOrEqual(8);
  const points: Array<number | 'after-commit'> = [...Array.from({ length: ops }, (_, i) => i + 1), 'after-commit'];
  for (const at of points) {
    const h = await makeHarness();
    try {
      const crashed = await cancel(h, crashingStore(h.store, at));
      expect({ at, code: crashed.ok ? 'ok' : crashed.error.code }).toEqual({ at, code: 'INTERNAL' });
      const after = await state(h);
      // Together or not at all.
      expect({ at, ...after }).toEqual({ at, promoted: at === 'after-commit', messages: at === 'after-commit' ? 1 : 0 });
      // The client retries on the restarted process.
      const retried = await cancel(h, h.store);
      expect({ at, ok: retried.ok }).toEqual({ at, ok: at !== 'after-commit' });
      expect({ at, ...(await state(h)) }).toEqual({ at, promoted: true, messages: 1 });
    } finally {
      await h.close();
    }
  }
});
