/**
 * A team's activities (RULES.md §7): the team's current leader organises them as the community's
 * organisers do — roster, check-in and out, a missing check-out, phones, cancelling — the roster
 * and the team's figures show the team, and the 未签退 message goes to whoever can fix it.
 */
import { TEAMS } from '../../../cloudfunctions/core/app/outreach/model';
import { recountTeam } from '../../../cloudfunctions/core/app/outreach/stats';
import type { TeamItem } from '../../../cloudfunctions/core/app/outreach/views';
import { tick } from '../../../cloudfunctions/core/app/scheduler/tick';
import type { ActivityDetail, RosterPage } from '../../../cloudfunctions/core/app/volunteer/views';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../../../cloudfunctions/core/seed/outreach';
import { must } from '../../support/action-samples';
import { activity, cst, ORGANISER, signUp, volunteers, type Person } from '../../support/builders';
import { makeHarness, type Harness } from '../../support/harness';

/** demo-volunteer leads the red team; demo-resident3 the dance team (the seed). */
const LEADER = 'demo-volunteer';
const OTHER_LEADER = 'demo-resident3';
const RED = DEMO_OUTREACH.volunteerTeam;

let h: Harness;
let a: string;
let people: Person[];
beforeEach(async () => {
  h = await makeHarness(); // 2026-11-20 09:00 China time
  people = await volunteers(h, 2);
  a = await activity(h, { teamId: RED, startAt: cst('09:30:00'), endAt: cst('11:30:00') });
  for (const p of people) await signUp(h, a, p);
});
afterEach(() => h.close());

const asLeader = <T>(action: string, data: object, who = LEADER) => h.call<T>('volunteer', action, data, who);
const team = async (id: string = RED) =>
  (await must<TeamItem[]>(h, 'outreach', 'listTeams', { communityId: DEMO.communityId }, ORGANISER)).find((t) => t.teamId === id);
const missingCheckOutMessages = async () =>
  (await h.store.find<{ _id: string; userId: string; link: string }>('outbox', { template: 'volunteer_missing_checkout' })).filter((m) =>
    m._id.endsWith(a),
  );
const replaceLeader = () => h.store.update(TEAMS, RED, { $set: { leaderUserId: h.userId(OTHER_LEADER), leaderName: '冯国庆' } });

test("the team's leader reads the roster, with the team named, and sees the activity as its organiser", async () => {
  const roster = await asLeader<RosterPage>('roster', { activityId: a });
  expect(roster.ok && { team: roster.data.teamName, people: roster.data.items.length }).toEqual({ team: '红星志愿服务队', people: 2 });
  const detail = await asLeader<ActivityDetail>('getActivity', { activityId: a });
  expect(detail.ok && detail.data.isOrganiser).toBe(true);
  const other = await asLeader<ActivityDetail>('getActivity', { activityId: a }, OTHER_LEADER);
  expect(other.ok && other.data.isOrganiser).toBe(false);
  // An activity of no team names none.
  const plain = await activity(h);
  const staffRoster = await h.call<RosterPage>('volunteer', 'roster', { activityId: plain }, ORGANISER);
  expect(staffRoster.ok && staffRoster.data.teamName).toBeNull();
});

test('the leader checks volunteers in and out and sets a missing check-out; the hours count for the team', async () => {
  h.clock.set(cst('09:30:00'));
  for (const p of people) expect((await asLeader('checkIn', { activityId: a, userId: p.userId })).ok).toBe(true);
  h.clock.set(cst('11:30:00'));
  expect((await asLeader('checkOut', { activityId: a, userId: people[0].userId })).ok).toBe(true);
  h.clock.set(cst('12:30:00'));
  const set = await asLeader<{ hours: number }>('checkOut', {
    activityId: a,
    userId: people[1].userId,
    at: cst('11:00:00'),
    reason: '志愿者忘记签退，按现场记录补填',
  });
  expect(set.ok && set.data.hours).toBe(1.5);
  expect(await team()).toMatchObject({ activities: 1, serviceHours: 3.5 });
  expect(await recountTeam(h.store, RED)).toEqual({ activityCount: 1, serviceHours: 3.5 });
});

test("the team's figures equal the records after publishing, attendance and corrections", async () => {
  await activity(h, { teamId: RED });
  await must(h, 'volunteer', 'createActivity', { ...(await activityInput()), teamId: RED }, LEADER);
  h.clock.set(cst('09:30:00'));
  await asLeader('checkIn', { activityId: a, userId: people[0].userId });
  h.clock.set(cst('11:00:00'));
  await asLeader('checkOut', { activityId: a, userId: people[0].userId });
  // A correction that shortens the time moves the figure back.
  await asLeader('checkOut', { activityId: a, userId: people[0].userId, at: cst('10:45:00'), reason: '提前离开，按签到表更正' });
  const t = await team();
  expect({ activityCount: t?.activities, serviceHours: t?.serviceHours }).toEqual(await recountTeam(h.store, RED));
  expect(t).toMatchObject({ activities: 3, serviceHours: 1 });
  expect(await team(DEMO_OUTREACH.massTeam)).toMatchObject({ activities: 0, serviceHours: 0 });
});

test('the leader reveals a phone and cancels the activity; a former leader may do neither', async () => {
  await replaceLeader();
  expect(await asLeader('revealPhone', { activityId: a, userId: people[0].userId }).then((r) => !r.ok && r.error.code)).toBe('FORBIDDEN');
  expect(await asLeader('cancelActivity', { activityId: a, reason: '改期' }).then((r) => !r.ok && r.error.code)).toBe('FORBIDDEN');
  const phone = await asLeader<{ phone: string }>('revealPhone', { activityId: a, userId: people[0].userId }, OTHER_LEADER);
  expect(phone.ok && phone.data.phone).toMatch(/^139\d{8}$/);
  const cancelled = await asLeader<ActivityDetail>('cancelActivity', { activityId: a, reason: '天气原因，活动改期' }, OTHER_LEADER);
  expect(cancelled.ok && cancelled.data.status).toBe('cancelled');
});

test("myTeams lists the teams the caller leads now, with their figures; listActivities narrows to one team's", async () => {
  const mine = await must<TeamItem[]>(h, 'outreach', 'myTeams', {}, LEADER);
  expect(mine.map((t) => [t.teamId, t.activities])).toEqual([[RED, 1]]);
  expect(await must<TeamItem[]>(h, 'outreach', 'myTeams', {}, 'demo-resident')).toEqual([]);
  await activity(h);
  const listed = await must<{ items: Array<{ activityId: string; teamName: string | null }> }>(
    h,
    'volunteer',
    'listActivities',
    { communityId: DEMO.communityId, teamId: RED },
    'demo-resident',
  );
  expect(listed.items.map((x) => [x.activityId, x.teamName])).toEqual([[a, '红星志愿服务队']]);
  await replaceLeader();
  expect(await must<TeamItem[]>(h, 'outreach', 'myTeams', {}, LEADER)).toEqual([]);
});

describe('未签退: whoever can fix it is told, with the roster to open', () => {
  const endWithOneCheckedIn = async (who = people[0]) => {
    h.clock.set(cst('09:30:00'));
    await h.call('volunteer', 'checkIn', { activityId: a, userId: who.userId }, ORGANISER);
    h.clock.set(cst('11:31:00'));
    await tick(h.deps);
    await tick(h.deps);
  };

  test("staff published a team's activity: the publisher and the team's leader, once each", async () => {
    await endWithOneCheckedIn();
    const sent = await missingCheckOutMessages();
    expect(sent.map((m) => [m.userId, m.link]).sort()).toEqual(
      [
        [h.userId(ORGANISER), `/staff/volunteer/roster/index?activityId=${a}`],
        [h.userId(LEADER), `/staff/volunteer/roster/index?activityId=${a}`],
      ].sort(),
    );
  });

  test('a former leader who published it is not told (the roster would refuse them); the current leader is', async () => {
    a = (await must<{ activityId: string }>(h, 'volunteer', 'createActivity', { ...(await activityInput()), teamId: RED }, LEADER))
      .activityId;
    const [newcomer] = await volunteers(h, 1);
    await signUp(h, a, newcomer);
    await replaceLeader();
    await endWithOneCheckedIn(newcomer);
    expect((await missingCheckOutMessages()).map((m) => m.userId)).toEqual([h.userId(OTHER_LEADER)]);
  });
});

/** The same times as the activity of beforeEach, as an input a leader sends. */
async function activityInput() {
  return {
    communityId: DEMO.communityId,
    title: '红星志愿服务队 楼道清洁',
    category: 'environment',
    description: '清理楼道杂物。',
    location: '江津花园 6栋',
    startAt: cst('09:30:00'),
    endAt: cst('11:30:00'),
    capacity: 3,
  };
}
