/**
 * Small builders: a test sets up exactly the people and activities its rule needs, through the
 * real actions, instead of relying on who the demo seed happens to contain. Only the demo
 * community and its residents' committee (`ORGANISER`, who organises the community's activities
 * and approves residents) come from the seed.
 *
 *   const a = await activity(h, { capacity: 1 });
 *   const [first, second] = await volunteers(h, 2);
 *   await signUp(h, a, first);  // confirmed
 *   await signUp(h, a, second); // waitlisted, position 1
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { VolunteerDoc } from '../../cloudfunctions/core/app/volunteer/model';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { must, type Payload } from './action-samples';
import type { Harness } from './harness';

/** The demo community's residents' committee: organises its activities and approves its residents. */
export const ORGANISER = 'demo-rc';

/** A person the test created: the openid to call as, and the user id others see. */
export interface Person {
  openid: string;
  userId: string;
}

let made = 0;

/** An approved resident of the demo community, registered as a volunteer. */
export async function volunteer(h: Harness, realName = '测试志愿者'): Promise<Person> {
  made += 1;
  const openid = `built-volunteer-${made}`;
  const phone = `139${String(made).padStart(8, '0')}`;
  const user = await must<{ userId: string }>(
    h,
    'account',
    'register',
    { name: realName, phone, communityId: DEMO.communityId, compoundId: DEMO.compound1, building: '1栋', room: `${100 + made}` },
    openid,
  );
  await must(h, 'account', 'approve', { userId: user.userId }, ORGANISER);
  await must(h, 'volunteer', 'register', { realName, phone }, openid);
  return { openid, userId: user.userId };
}

/** `n` volunteers, in order. */
export async function volunteers(h: Harness, n: number): Promise<Person[]> {
  const out: Person[] = [];
  for (let i = 0; i < n; i++) out.push(await volunteer(h, `测试志愿者${i + 1}`));
  return out;
}

/**
 * `n` approved residents of a demo compound, written to the store as account.register and
 * account.approve leave them (no volunteer profile, no counters): for rules over more people than
 * one find returns (the store's 1,000), where 2n actions would only slow the test.
 */
export async function residentsInBulk(h: Harness, n: number, compoundId: string = DEMO.compound1): Promise<Person[]> {
  const out: Person[] = [];
  const at = '2026-11-01T00:00:00.000Z';
  for (let i = 0; i < n; i++) {
    made += 1;
    const openid = `built-resident-${made}`;
    const userId = h.userId(openid);
    await h.store.insert('users', {
      _id: userId,
      openid,
      name: `测试居民${i + 1}`,
      phone: `137${String(made).padStart(8, '0')}`,
      communityId: DEMO.communityId,
      compoundId,
      building: `${1 + (i % 20)}栋`,
      room: `${101 + Math.floor(i / 20)}`,
      status: 'active',
      roles: ['resident'],
      isPartyMember: false,
      createdAt: at,
      updatedAt: at,
    });
    out.push({ openid, userId });
  }
  return out;
}

/** China-time ISO string for a wall-clock time on the harness's day (2026-11-20 unless given). */
export const cst = (local: string): string => `${local.includes('T') ? local : `2026-11-20T${local}`}+08:00`;

/**
 * An activity of the demo community published by `ORGANISER`; by default two hours the next day
 * with two seats and a waitlist. Returns its id.
 */
export async function activity(h: Harness, patch: Payload = {}): Promise<string> {
  const a = await must<{ activityId: string }>(
    h,
    'volunteer',
    'createActivity',
    {
      communityId: DEMO.communityId,
      title: '测试活动',
      category: 'environment',
      description: '测试用活动。',
      location: '江津花园东门',
      startAt: cst('2026-11-21T14:00:00'),
      endAt: cst('2026-11-21T16:00:00'),
      capacity: 2,
      ...patch,
    },
    ORGANISER,
  );
  return a.activityId;
}

/** Signs `who` up for an activity; returns the answer's data (`status`, `position`). */
export async function signUp(h: Harness, activityId: string, who: Person): Promise<{ status: string; position?: number }> {
  return must(h, 'volunteer', 'signup', { activityId }, who.openid);
}

/**
 * The documents of the `i`-th of many volunteers written straight to the store (where hundreds are
 * needed and registering each through the actions would be the test's whole time): an active
 * resident of the demo compound and their volunteer profile, no hours, no slots.
 */
export function volunteerDocs(
  userId: string,
  openid: string,
  i: number,
  { prefix, communityId = DEMO.communityId }: { prefix: string; communityId?: string },
): { user: UserDoc; volunteer: VolunteerDoc } {
  const at = '2026-11-01T00:00:00.000Z';
  const phone = `139${String(10000000 + i).slice(-8)}`;
  const place = { communityId, compoundId: DEMO.compound1 };
  const user: UserDoc = {
    _id: userId,
    openid,
    name: `志愿者${i}`,
    phone,
    ...place,
    building: '1栋',
    room: String(100 + i),
    status: 'active',
    roles: ['resident'],
    isPartyMember: false,
    createdAt: at,
    updatedAt: at,
  };
  const volunteer: VolunteerDoc = {
    _id: userId,
    ...place,
    realName: `志愿者${i}`,
    phone,
    skills: [],
    isPartyMember: false,
    volunteerNo: `T${prefix}${i}`,
    totalHours: 0,
    slots: [],
    createdAt: at,
    updatedAt: at,
  };
  return { user, volunteer };
}
