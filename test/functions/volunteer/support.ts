/**
 * What the volunteer function tests share: a harness per test (the demo seed, clock at
 * 2026-11-20 09:00 China time) and helpers bound to it.
 */
import type { ActivityDoc, SignupDoc } from '../../../cloudfunctions/core/app/volunteer/model';
import type { ActivityDetail } from '../../../cloudfunctions/core/app/volunteer/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { volunteerDocs } from '../../support/builders';
import { makeHarness, type Harness } from '../../support/harness';

/** Times on the harness clock's week (it stands at 2026-11-20 09:00 China time). */
export const cst = (local: string) => `${local}+08:00`;

/** A fresh harness for each test of the calling file, with helpers bound to it. */
export function useVolunteerHarness() {
  const box: { h?: Harness } = {};
  beforeEach(async () => {
    box.h = await makeHarness();
  });
  afterEach(() => box.h?.close());
  const harness = (): Harness => {
    if (!box.h) throw new Error('no harness outside a test');
    return box.h;
  };
  const activityInput = {
    communityId: DEMO.communityId,
    title: '江津花园垃圾分类宣传',
    category: 'environment',
    description: '在小区门口宣传垃圾分类，发放宣传册。',
    location: '江津花园东门',
    startAt: cst('2026-11-25T09:00:00'),
    endAt: cst('2026-11-25T12:00:00'),
    capacity: 3,
  };

  async function createActivity(patch: Record<string, unknown> = {}, openid = 'demo-rc'): Promise<ActivityDetail> {
    const r = await harness().call<ActivityDetail>('volunteer', 'createActivity', { ...activityInput, ...patch }, openid);
    if (!r.ok) throw new Error(`createActivity failed: ${JSON.stringify(r.error)}`);
    return r.data;
  }

  /** Adds active residents with volunteer profiles straight to the store; returns their openids. */
  async function addVolunteers(n: number, prefix = 'vol', communityId: string = DEMO.communityId): Promise<string[]> {
    const openids: string[] = [];
    for (let i = 0; i < n; i++) {
      const openid = `${prefix}-${i}`;
      const { user, volunteer } = volunteerDocs(harness().userId(openid), openid, i, { prefix, communityId });
      await harness().store.insert('users', user);
      await harness().store.insert('volunteers', volunteer);
      openids.push(openid);
    }
    return openids;
  }

  const signup = (activityId: string, openid: string, extra: Record<string, unknown> = {}) =>
    harness().call<{ status: string; position?: number }>('volunteer', 'signup', { activityId, ...extra }, openid);
  const detail = async (activityId: string, openid = 'demo-volunteer') => {
    const r = await harness().call<ActivityDetail>('volunteer', 'getActivity', { activityId }, openid);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  const outbox = (template: string) => harness().store.find<{ _id: string; userId: string; template: string }>('outbox', { template });

  /** The stored counters of an activity equal its signup records. */
  async function expectCountersConsistent(activityId: string): Promise<void> {
    const a = (await harness().store.get<ActivityDoc>('activities', activityId)) as ActivityDoc;
    const rows = await harness().store.find<SignupDoc>('signups', { activityId });
    const confirmed = rows.filter((s) => s.status === 'confirmed');
    const waiting = rows
      .filter((s) => s.status === 'waitlisted')
      .sort((x, y) => a.waitlist.indexOf(x.userId) - a.waitlist.indexOf(y.userId));
    expect(a.confirmedCount).toBe(confirmed.length);
    expect(a.waitlistCount).toBe(waiting.length);
    expect([...a.waitlist].sort()).toEqual(waiting.map((s) => s.userId).sort());
    expect(a.confirmedCount).toBeLessThanOrEqual(a.capacity);
    if (a.status === 'open' && a.confirmedCount < a.capacity) expect(a.waitlist).toHaveLength(0);
  }

  return {
    get h(): Harness {
      return harness();
    },
    activityInput,
    createActivity,
    addVolunteers,
    signup,
    detail,
    outbox,
    expectCountersConsistent,
  };
}
