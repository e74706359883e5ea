/**
 * The backbone figures (RULES.md §7) are counters on the community, moved in the transaction of
 * each change: they equal what the records say after every kind of change. And the outreach events
 * reach people through the message centre (RULES.md §8) once each, written with the change.
 */
import type { CommunityDoc } from '../../../cloudfunctions/core/app/community/community';
import { OUTBOX, type OutboxEntry } from '../../../cloudfunctions/core/app/messages/message';
import type { NeedDoc } from '../../../cloudfunctions/core/app/outreach/model';
import { BACKBONE_COUNTERS, recountBackbone, sumOutreachStats } from '../../../cloudfunctions/core/app/outreach/stats';
import type { NeedSummary, ReportView } from '../../../cloudfunctions/core/app/outreach/views';
import type { VolunteerDoc } from '../../../cloudfunctions/core/app/volunteer/model';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { must } from '../../support/action-samples';
import { makeHarness, type Harness } from '../../support/harness';
import { confirmedMembers, publish } from './support';
import { whole } from '../../../cloudfunctions/core/ports/store';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

/** The community's counters, every one (a missing one is 0), beside what the records say. */
async function countersAndRecords(communityId: string = DEMO.communityId) {
  const c = await h.store.get<CommunityDoc>('communities', communityId);
  const counters = Object.fromEntries(BACKBONE_COUNTERS.map((k) => [k, c?.backbone?.[k] ?? 0]));
  return { counters, records: { ...(await recountBackbone(h.store, communityId)) } };
}

async function expectCountersTrue(): Promise<void> {
  const { counters, records } = await countersAndRecords();
  expect(counters).toEqual(records);
}

describe('backbone counters', () => {
  test('the demo seed sets every community’s counters to what its records say', async () => {
    const communities = await h.store.find<CommunityDoc>('communities', {});
    expect(communities.length).toBeGreaterThan(0);
    for (const c of communities) {
      const { counters, records } = await countersAndRecords(c._id);
      expect({ id: c._id, ...counters }).toEqual({ id: c._id, ...records });
    }
    expect((await countersAndRecords()).counters).toMatchObject({ reportedMembers: 1, pendingReports: 1, teams: 2 });
  });

  test('equal the records after reports, confirmations, posts, teams, registrations and confirmed services', async () => {
    // A new member reports and is confirmed (a new volunteer profile).
    const [m] = await confirmedMembers(h, 1);
    await expectCountersTrue();
    // A volunteer who was not a party member is confirmed: the profile joins the party share.
    await h.store.update('users', h.userId('demo-oc2'), { $set: { isPartyMember: true } });
    const r = await must<ReportView>(
      h,
      'outreach',
      'report',
      { communityId: DEMO.communityId, unitName: '荆州市水利局', branchName: '机关党支部', kind: 'residence' },
      'demo-oc2',
    );
    await expectCountersTrue();
    await must(h, 'outreach', 'confirmReport', { reportId: r.reportId }, 'demo-party');
    expect(await h.store.get<VolunteerDoc>('volunteers', h.userId('demo-oc2'))).toMatchObject({ isPartyMember: true });
    // An already-party volunteer confirmed: no second count.
    await must(h, 'outreach', 'confirmReport', { reportId: `${h.userId('demo-volunteer')}:residence` }, 'demo-party');
    await expectCountersTrue();
    // A new post counts; a post handed to someone else does not count twice.
    const post = { compoundId: DEMO.compound1, building: '8栋', role: 'building_head' };
    await must(h, 'outreach', 'appointBuildingRole', { ...post, userId: h.userId(m) }, 'demo-party');
    await must(h, 'outreach', 'appointBuildingRole', { ...post, userId: h.userId('demo-oc2') }, 'demo-party');
    await must(h, 'outreach', 'createTeam', { communityId: DEMO.communityId, name: '夕阳红服务队', leaderUserId: h.userId(m) }, 'demo-rc');
    await expectCountersTrue();
    // A resident registers as a 共青团员 volunteer.
    await must(h, 'volunteer', 'register', { realName: '陈玉珍', phone: '13907160006', isYouthLeagueMember: true }, 'demo-resident');
    await expectCountersTrue();
    // Services confirmed, one of each kind.
    for (const kind of ['general', 'professional'] as const) {
      const needId = await publish(h, { kind, category: kind === 'general' ? 'elder_care' : 'legal' });
      await must(h, 'outreach', 'claim', { needId }, m);
      await must(h, 'outreach', 'complete', { needId, note: '已完成' }, m);
      await must(h, 'outreach', 'confirmDone', { needId }, 'demo-rc');
    }
    const { counters, records } = await countersAndRecords();
    expect(counters).toEqual(records);
    expect(counters).toMatchObject({ reportedMembers: 4, pendingReports: 0, servicesProfessional: 1 });
  });

  test('community.stats shows them with the party and 共青团员 shares of volunteers', async () => {
    const before = await must<{ outreach: Record<string, unknown> }>(h, 'community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect(before.outreach).toMatchObject({
      reportedMembers: 1,
      pendingReports: 1,
      buildingPosts: 1,
      servicesDone: { general: 2, professional: 0 },
      teams: 2,
      youthLeagueVolunteers: 2,
    });
    const [m] = await confirmedMembers(h, 1);
    const needId = await publish(h, { kind: 'professional', category: 'medical' });
    await must(h, 'outreach', 'claim', { needId }, m);
    await must(h, 'outreach', 'complete', { needId, note: '义诊完成' }, m);
    await must(h, 'outreach', 'confirmDone', { needId }, 'demo-rc');
    const after = await must<{
      outreach: {
        reportedMembers: number;
        servicesDone: { professional: number };
        partyShare: number;
        partyVolunteers: number;
        volunteerProfiles: number;
      };
      volunteers: number;
    }>(h, 'community', 'stats', { communityId: DEMO.communityId }, 'demo-rc');
    expect([after.outreach.reportedMembers, after.outreach.servicesDone.professional]).toEqual([2, 1]);
    const vols = await h.store.find<VolunteerDoc>('volunteers', { communityId: DEMO.communityId });
    expect(after.outreach.volunteerProfiles).toBe(vols.length);
    expect(after.outreach.partyVolunteers).toBe(vols.filter((v) => v.isPartyMember).length);
    expect(after.outreach.partyShare).toBeCloseTo(after.outreach.partyVolunteers / vols.length, 4);
  });
});

test('a street or the city sums its communities: counters add up, shares over the summed volunteers', () => {
  const sum = sumOutreachStats([
    { backbone: { reportedMembers: 3, servicesGeneral: 2, volunteerProfiles: 4, partyVolunteers: 1, youthLeagueVolunteers: 2 } },
    { backbone: { reportedMembers: 1, servicesProfessional: 5, volunteerProfiles: 6, partyVolunteers: 5 } },
    {},
  ]);
  expect(sum).toMatchObject({
    reportedMembers: 4,
    servicesDone: { general: 2, professional: 5 },
    volunteerProfiles: 10,
    partyVolunteers: 6,
    partyShare: 0.6,
    youthLeagueShare: 0.2,
  });
  expect(sumOutreachStats([]).partyShare).toBeNull();
});

describe('outreach messages', () => {
  const twice = <T>(f: () => Promise<T>) => Promise.all([f(), f()]);
  async function received(template: string, needId: string): Promise<Record<string, number>> {
    const rows = await h.store.find<OutboxEntry>(OUTBOX, { template }, { limit: whole(1000) });
    const out: Record<string, number> = {};
    for (const m of rows) if (m.link === `/outreach/need/index?needId=${needId}`) out[m.userId] = (out[m.userId] ?? 0) + 1;
    return out;
  }
  const once = (...openids: string[]) => Object.fromEntries(openids.map((o) => [h.userId(o), 1]));

  test('a wish reviewed, claimed, confirmed done and thanked: each person told once, each call sent twice at once', async () => {
    const [m] = await confirmedMembers(h, 1);
    const w = await must<NeedSummary>(h, 'outreach', 'wish', { text: '想请人帮忙修一下门口的路灯开关' }, 'demo-resident');
    await twice(() => h.call('outreach', 'reviewWish', { needId: w.needId, approve: true }, 'demo-rc'));
    expect(await received('wish_reviewed', w.needId)).toEqual(once('demo-resident'));
    await twice(() => h.call('outreach', 'claim', { needId: w.needId }, m));
    expect(await received('need_claimed', w.needId)).toEqual(once('demo-resident'));
    await must(h, 'outreach', 'complete', { needId: w.needId, note: '开关已更换' }, m);
    await twice(() => h.call('outreach', 'confirmDone', { needId: w.needId }, 'demo-rc'));
    expect(await received('need_confirmed', w.needId)).toEqual(once('demo-resident', m));
    await twice(() => h.call('outreach', 'thank', { needId: w.needId, score: 5, message: '谢谢' }, 'demo-resident'));
    expect(await received('need_thanked', w.needId)).toEqual(once(m));
  });

  test('a message that cannot be written undoes its change: the wish stays under review, then a retry tells the resident once', async () => {
    const w = await must<NeedSummary>(h, 'outreach', 'wish', { text: '希望有人陪我去医院复查' }, 'demo-resident');
    const sendIn = jest.spyOn(h.deps.notifier, 'sendIn').mockRejectedValueOnce(new Error('outbox write failed'));
    const failed = await h.call('outreach', 'reviewWish', { needId: w.needId, approve: true }, 'demo-rc');
    expect(failed.ok).toBe(false);
    expect((await h.store.get<NeedDoc>('outreach_needs', w.needId))?.status).toBe('pending_review');
    expect(await received('wish_reviewed', w.needId)).toEqual({});
    sendIn.mockRestore();
    await must(h, 'outreach', 'reviewWish', { needId: w.needId, approve: true }, 'demo-rc');
    expect((await h.store.get<NeedDoc>('outreach_needs', w.needId))?.status).toBe('open');
    expect(await received('wish_reviewed', w.needId)).toEqual(once('demo-resident'));
  });
});
