/**
 * The second decision of a claim and of a motion's timeline entry (guarded-change.ts): a write
 * decided on documents that moved before its transaction is decided again on fresh reads, and
 * answers what those say, not a blanket "busy".
 */
import type { UserDoc } from '../../../cloudfunctions/core/app/account/user';
import { claimNeed, loadClaim } from '../../../cloudfunctions/core/app/outreach/claim';
import { CLAIMS, NEEDS } from '../../../cloudfunctions/core/app/outreach/model';
import type { MotionDoc } from '../../../cloudfunctions/core/app/owners/model';
import { linkOnTimeline } from '../../../cloudfunctions/core/app/owners/request-link';
import { REQUESTS, type RequestDoc } from '../../../cloudfunctions/core/app/requests/request';
import type { Store } from '../../../cloudfunctions/core/ports/store';
import { makeHarness, type Harness } from '../../support/harness';
import { confirmedMembers, publish } from './support';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const userOf = async (openid: string) => (await h.store.get<UserDoc>('users', h.userId(openid)))!;

test('a need done after the claim was loaded is answered as done, decided again inside the transaction', async () => {
  const [member] = await confirmedMembers(h, 1);
  const needId = await publish(h, { slots: 2 });
  const user = await userOf(member);
  const loaded = await loadClaim(h.store, needId, user._id);
  await h.store.update(NEEDS, needId, { $set: { status: 'done' } });
  const r = await claimNeed({ ...h.deps, user }, loaded);
  expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', reason: 'NEED_DONE' } });
  expect(await h.store.count(CLAIMS, { needId })).toBe(0);
});

test("a motion's timeline entry moved by a concurrent change of its request is written again on a fresh read", async () => {
  const user = await userOf('demo-oc3');
  const request = { _id: 'req-motion', status: 'accepted', version: 1, timeline: [] } as unknown as RequestDoc;
  await h.store.insert(REQUESTS, request);
  // The first write to the request meets a change made a moment before it.
  let moved = false;
  const store: Store = Object.create(h.store);
  store.update = async (collection, id, patch, where) => {
    if (collection === REQUESTS && !moved) {
      moved = true;
      await h.store.update(REQUESTS, id, { $inc: { version: 1 } });
    }
    return h.store.update(collection, id, patch, where);
  };
  const motion = {
    _id: 'mot-1',
    requestId: request._id,
    compoundId: 'c',
    title: '更换电梯',
    createdAt: h.clock.now().toISOString(),
  } as MotionDoc;
  await linkOnTimeline({ ...h.deps, store, user, callerId: user._id } as unknown as Parameters<typeof linkOnTimeline>[0], motion);
  const after = await h.store.get<RequestDoc>(REQUESTS, request._id);
  expect(after?.timeline.map((e) => e.note)).toEqual(['提交业主共同决定：更换电梯']);
  expect(after?.version).toBe(3);
});
