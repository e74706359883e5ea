import type { Notification } from '../../cloudfunctions/core/ports/notifier';
import type { MotionDoc } from '../../cloudfunctions/core/app/owners/model';
import { NOTICE_BATCH } from '../../cloudfunctions/core/app/owners/notices';
import { tick } from '../../cloudfunctions/core/app/scheduler/tick';
import type { DocumentOps } from '../../cloudfunctions/core/ports/store';
import { makeHarness, type Harness } from '../support/harness';
import { announced, COMPOUND, CONVENOR, ownersOf } from '../support/owners';
import { whole } from '../../cloudfunctions/core/ports/store';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** The user ids holding a message of one stage of a motion (keys are per motion, stage and person). */
async function toldOf(motionId: string, stage: string): Promise<string[]> {
  const prefix = `owners:${motionId}:${stage}:`;
  const rows = await h.store.find<{ _id: string; userId: string }>(
    'outbox',
    { _id: { $gte: prefix, $lt: `owners:${motionId}:${stage};` } },
    { limit: whole(1000) },
  );
  return rows.map((r) => r.userId).sort();
}

interface Inbox {
  items: Array<{ kind: string; title: string; body: string; link: string | null }>;
}

describe("a motion's messages (RULES.md §6, §8)", () => {
  test('every owner finds the announcement, the opening and the result in their message centre', async () => {
    const owners = await ownersOf(h, 3);
    const { motionId, opensAt, closesAt } = await announced(h);
    const ownerIds = owners.map((o) => h.userId(o.openids[0]));
    const staff = ['demo-rc', 'demo-party'].map((o) => h.userId(o));

    const inbox = await h.call<Inbox>('messages', 'list', {}, owners[1].openids[0]);
    expect(inbox.ok && inbox.data.items[0]).toMatchObject({
      kind: 'owners.motion',
      title: '业主表决',
      body: expect.stringContaining('利用共有部分设置快递柜'),
      link: `/owners/motion/index?motionId=${motionId}`,
    });
    expect(await toldOf(motionId, 'announced')).toEqual(expect.arrayContaining([...ownerIds, ...staff]));

    h.clock.set(opensAt);
    await tick(h.deps);
    // Opening is for the owners: whoever may vote (the three, and demo-oc3 if linked as an owner).
    expect(await toldOf(motionId, 'opened')).toEqual(expect.arrayContaining(ownerIds));
    expect(await toldOf(motionId, 'opened')).not.toContain(h.userId('demo-party'));

    await h.call('owners', 'vote', { motionId, choice: 'agree' }, owners[0].openids[0]);
    h.clock.set(closesAt);
    await tick(h.deps);
    expect(await toldOf(motionId, 'result')).toEqual(expect.arrayContaining([...ownerIds, ...staff]));
    const after = await h.call<Inbox>('messages', 'list', {}, owners[2].openids[0]);
    expect(after.ok && after.data.items[0].body).toContain('表决结果：参与表决未达法定比例');
    // Another tick sends nothing twice.
    const count = await h.store.count('outbox', { template: 'owners.motion' });
    await tick(h.deps);
    expect(await h.store.count('outbox', { template: 'owners.motion' })).toBe(count);
  });

  test("the staff told are this community's committee and party organisation, and this compound's party organisation only", async () => {
    await ownersOf(h, 3);
    const { motionId } = await announced(h);
    const told = await toldOf(motionId, 'announced');
    expect(told).toEqual(expect.arrayContaining(['demo-rc', 'demo-party'].map((o) => h.userId(o))));
    // 罗春兰 is the party organisation of 江津花园, another compound of the community; 马文静 is
    // another community's party organisation.
    expect(told).not.toContain(h.userId('demo-cparty'));
    expect(told).not.toContain(h.userId('demo-party2'));

    // A compound party organisation named for 万寿园 (an invitation: she lives in 江津花园) is told.
    const cparty = h.userId('demo-cparty');
    expect(
      await h.store.update('role_holders', `${cparty}:compound_party:cp_jiangjin`, { $set: { compoundId: COMPOUND, scopeId: COMPOUND } }),
    ).toBe(1);
    const second = await announced(h, { title: '增设电动车充电桩' });
    expect(await toldOf(second.motionId, 'announced')).toContain(cparty);
  });

  test('the announcement and its messages are one transaction: a failed message write leaves a draft and no message', async () => {
    await ownersOf(h, 3);
    const real = h.deps.notifier.sendIn.bind(h.deps.notifier);
    let writes = 0;
    h.deps.notifier.sendIn = async (tx: DocumentOps, n: Notification) => {
      writes += 1;
      if (writes === 3) throw new Error('planted: the third message write fails');
      return real(tx, n);
    };
    const d = await h.call<{ motionId: string }>(
      'owners',
      'draft',
      {
        compoundId: 'cp_wanshou',
        matter: 'other',
        title: '加装电梯',
        text: '是否同意加装电梯',
        opensAt: new Date(h.clock.now().getTime() + 20 * 86400_000).toISOString(),
        closesAt: new Date(h.clock.now().getTime() + 25 * 86400_000).toISOString(),
      },
      CONVENOR,
    );
    const motionId = d.ok ? d.data.motionId : '';
    expect(await h.call('owners', 'announce', { motionId }, CONVENOR)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await h.store.get<MotionDoc>('owner_motions', motionId))?.status).toBe('draft');
    expect(await toldOf(motionId, 'announced')).toEqual([]);

    h.deps.notifier.sendIn = real;
    expect(await h.call('owners', 'announce', { motionId }, CONVENOR)).toMatchObject({ ok: true });
    expect((await toldOf(motionId, 'announced')).length).toBeGreaterThanOrEqual(3);
  });

  test(`beyond the first ${NOTICE_BATCH} people, the scheduler tells the rest, each once`, async () => {
    const owners = await ownersOf(h, NOTICE_BATCH + 150);
    const { motionId } = await announced(h);
    // The change's own transaction told the first batch and stored where the rest begin.
    expect(await toldOf(motionId, 'announced')).toHaveLength(NOTICE_BATCH);
    expect(await h.store.count('owner_notices', {})).toBe(1);

    await tick(h.deps);
    const told = await toldOf(motionId, 'announced');
    expect(told).toEqual(expect.arrayContaining(owners.map((o) => h.userId(o.openids[0]))));
    expect(new Set(told).size).toBe(told.length);
    expect(await h.store.count('owner_notices', {})).toBe(0);
    await tick(h.deps);
    expect(await toldOf(motionId, 'announced')).toHaveLength(told.length);
  });
});
