/**
 * outreach (RULES.md §7): reporting in, needs and 微心愿, claims under concurrency, feedback to the
 * units and teams — through the function entries on SQLite.
 */
import { CLAIMS, NEEDS, type ClaimDoc, type NeedDoc } from '../../../cloudfunctions/core/app/outreach/model';
import type { NeedDetail, NeedSummary, ReportView, UnitFeedbackResult } from '../../../cloudfunctions/core/app/outreach/views';
import type { VolunteerDoc } from '../../../cloudfunctions/core/app/volunteer/model';
import { DEMO } from '../../../cloudfunctions/core/seed/demo-ids';
import { DEMO_OUTREACH } from '../../../cloudfunctions/core/seed/outreach';
import { ACTIVITY, must } from '../../support/action-samples';
import { makeHarness, type Harness } from '../../support/harness';
import { confirmedMembers, NEED, publish } from './support';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

describe('reporting in', () => {
  test('a confirmed member becomes a volunteer flagged as reported, with a volunteer number', async () => {
    const r = await must<ReportView>(
      h,
      'outreach',
      'report',
      { communityId: DEMO.communityId, unitName: '荆州市财政局', branchName: '第一支部', kind: 'paired' },
      'demo-party',
    );
    expect(r.status).toBe('pending');
    expect(await h.store.get(`volunteers`, h.userId('demo-party'))).toBeNull();
    const c = await h.call<ReportView>('outreach', 'confirmReport', { reportId: r.reportId }, 'demo-party');
    expect(c.ok && c.data.status).toBe('confirmed');
    const v = await h.store.get<VolunteerDoc>('volunteers', h.userId('demo-party'));
    expect(v).toMatchObject({ reportedMember: true, isPartyMember: true, realName: '李红梅' });
    expect(v?.volunteerNo).toMatch(/^ZY\d{6}$/);
  });

  test('flags an existing volunteer profile instead of issuing a second one', async () => {
    const before = await h.store.get<VolunteerDoc>('volunteers', h.userId('demo-volunteer'));
    await must(h, 'outreach', 'confirmReport', { reportId: `${h.userId('demo-volunteer')}:residence` }, 'demo-party');
    const after = await h.store.get<VolunteerDoc>('volunteers', h.userId('demo-volunteer'));
    expect(after).toMatchObject({ reportedMember: true, volunteerNo: before?.volunteerNo });
  });

  test('refuses a non-party member, and a residence report to a community one does not live in', async () => {
    const r = await h.call(
      'outreach',
      'report',
      { communityId: DEMO.communityId, unitName: '某单位', branchName: '某支部', kind: 'paired' },
      'demo-resident',
    );
    expect(!r.ok && r.error.reason).toBe('NOT_PARTY_MEMBER');
    await h.store.insert('communities', {
      _id: 'cm_x',
      name: '东门社区',
      city: '荆州市',
      district: '荆州区',
      street: '东城街道',
      officePhone: '',
      population: 10,
      createdAt: '',
    });
    const res = await h.call(
      'outreach',
      'report',
      { communityId: 'cm_x', unitName: '某单位', branchName: '某支部', kind: 'residence' },
      'demo-oc',
    );
    expect(!res.ok && [res.error.code, res.error.reason]).toEqual(['INVALID_INPUT', 'NOT_HOME_COMMUNITY']);
  });

  test('names a confirmed member 楼栋长; an unconfirmed one is refused', async () => {
    const ok = await h.call(
      'outreach',
      'appointBuildingRole',
      { userId: h.userId('demo-cadre'), compoundId: DEMO.compound1, building: '5栋', role: 'building_head' },
      'demo-party',
    );
    expect(ok.ok).toBe(true);
    const mine = await must<ReportView[]>(h, 'outreach', 'myReports', {}, 'demo-cadre');
    expect(mine[0].buildingPosts).toEqual(
      expect.arrayContaining([
        { compoundId: DEMO.compound1, building: '5栋', role: 'building_head', roleLabel: '楼栋长' },
        { compoundId: DEMO.compound1, building: '3栋', role: 'party_group_leader', roleLabel: '楼栋党小组长' },
      ]),
    );
    const no = await h.call(
      'outreach',
      'appointBuildingRole',
      { userId: h.userId('demo-volunteer'), compoundId: DEMO.compound1, building: '7栋', role: 'building_head' },
      'demo-party',
    );
    expect(!no.ok && no.error.reason).toBe('NOT_CONFIRMED_MEMBER');
  });
});

describe('claims', () => {
  test('a 1-slot need claimed by 50 members at once has exactly one claimant', async () => {
    const members = await confirmedMembers(h, 50);
    const needId = await publish(h);
    const results = await Promise.all(members.map((m) => h.call('outreach', 'claim', { needId }, m)));
    const oks = results.filter((r) => r.ok);
    const full = results.filter((r) => !r.ok && r.error.code === 'INVALID_STATE' && r.error.reason === 'NEED_FULL');
    expect([oks.length, full.length]).toEqual([1, 49]);
    const need = await h.store.get<NeedDoc>(NEEDS, needId);
    expect([need?.claimedCount, need?.openSlots]).toEqual([1, 0]);
    expect(await h.store.count(CLAIMS, { needId })).toBe(1);
  });

  test('a 3-slot need claimed by 50 members at once, some twice, has exactly three claimants', async () => {
    const members = await confirmedMembers(h, 50);
    const needId = await publish(h, { slots: 3 });
    const results = await Promise.all([...members, ...members.slice(0, 10)].map((m) => h.call('outreach', 'claim', { needId }, m)));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.error.code === 'INTERNAL')).toHaveLength(0);
    const need = await h.store.get<NeedDoc>(NEEDS, needId);
    expect([need?.claimedCount, need?.openSlots]).toEqual([3, 0]);
    const claims = await h.store.find<ClaimDoc>(CLAIMS, { needId });
    expect(new Set(claims.map((c) => c.userId)).size).toBe(3);
  });

  test('only a confirmed member of the community may claim', async () => {
    const needId = await publish(h);
    const r = await h.call('outreach', 'claim', { needId }, 'demo-volunteer');
    expect(!r.ok && r.error.reason).toBe('NOT_CONFIRMED_MEMBER');
  });

  test("completing someone else's claim is refused and changes nothing", async () => {
    const [a, b] = await confirmedMembers(h, 2);
    const needId = await publish(h);
    await must(h, 'outreach', 'claim', { needId }, a);
    const before = h.snapshot();
    const r = await h.call('outreach', 'complete', { needId, note: '已完成' }, b);
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['FORBIDDEN', 'NOT_CLAIMANT']);
    expect(h.snapshot()).toEqual(before);
  });

  test('confirming before completion is INVALID_STATE; after it, the need is done and the claimant told', async () => {
    const [a] = await confirmedMembers(h, 1);
    const needId = await publish(h);
    await must(h, 'outreach', 'claim', { needId }, a);
    const early = await h.call('outreach', 'confirmDone', { needId }, 'demo-rc');
    expect(!early.ok && [early.error.code, early.error.reason]).toEqual(['INVALID_STATE', 'NOT_COMPLETED']);
    await must(h, 'outreach', 'complete', { needId, note: '已陪同买菜' }, a);
    const done = await must<NeedDetail>(h, 'outreach', 'confirmDone', { needId }, 'demo-rc');
    expect([done.status, done.doneCount, done.claims[0].status]).toEqual(['done', 1, 'confirmed']);
    const again = await h.call('outreach', 'confirmDone', { needId }, 'demo-rc');
    expect(!again.ok && again.error.reason).toBe('ALREADY_CONFIRMED');
    expect(await h.store.count('outbox', { userId: h.userId(a), template: 'need_confirmed' })).toBe(1);
  });

  test('confirming a need nobody claimed is INVALID_STATE', async () => {
    const r = await h.call('outreach', 'confirmDone', { needId: DEMO_OUTREACH.legalNeed }, 'demo-rc');
    expect(!r.ok && [r.error.code, r.error.reason]).toEqual(['INVALID_STATE', 'NOT_CLAIMED']);
  });
});

describe('微心愿', () => {
  test('a wish with rejected text is not stored', async () => {
    const before = h.snapshot();
    const r = await h.call('outreach', 'wish', { text: '帮我找人赌博' }, 'demo-resident');
    expect(!r.ok && r.error.code).toBe('CONTENT_REJECTED');
    expect(h.snapshot()).toEqual(before);
    expect(JSON.stringify(h.snapshot())).not.toContain('赌博');
  });

  test('goes from review to claim to thanks; only the resident who asked may thank, once', async () => {
    const w = await must<NeedSummary>(h, 'outreach', 'wish', { text: '想请人帮忙修一下门口的路灯开关' }, 'demo-resident');
    expect(w.status).toBe('pending_review');
    const early = await h.call('outreach', 'claim', { needId: w.needId }, 'demo-cadre');
    expect(!early.ok && early.error.reason).toBe('NEED_PENDING_REVIEW');
    const hidden = await h.call('outreach', 'getNeed', { needId: w.needId }, 'demo-oc');
    expect(!hidden.ok && hidden.error.code).toBe('NOT_FOUND');
    await must(h, 'outreach', 'reviewWish', { needId: w.needId, approve: true, kind: 'professional', category: 'repair' }, 'demo-rc');
    await must(h, 'outreach', 'claim', { needId: w.needId }, 'demo-cadre');
    expect(await h.store.count('outbox', { userId: h.userId('demo-resident'), template: 'need_claimed' })).toBe(1);
    await must(h, 'outreach', 'complete', { needId: w.needId, note: '开关已更换' }, 'demo-cadre');
    const notYet = await h.call('outreach', 'thank', { needId: w.needId, score: 5 }, 'demo-resident');
    expect(!notYet.ok && notYet.error.reason).toBe('NOT_DONE');
    await must(h, 'outreach', 'confirmDone', { needId: w.needId }, 'demo-party');
    const other = await h.call('outreach', 'thank', { needId: w.needId, score: 5 }, 'demo-volunteer');
    expect(!other.ok && other.error.reason).toBe('NOT_REQUESTER');
    const t = await must<NeedDetail>(h, 'outreach', 'thank', { needId: w.needId, score: 4, message: '谢谢' }, 'demo-resident');
    expect(t.thanks).toMatchObject({ score: 4, message: '谢谢' });
    const twice = await h.call('outreach', 'thank', { needId: w.needId, score: 5 }, 'demo-resident');
    expect(!twice.ok && twice.error.code).toBe('CONFLICT');
  });

  test('a rejected wish keeps its reason and cannot be claimed', async () => {
    const w = await must<NeedSummary>(h, 'outreach', 'wish', { text: '希望小区多装几个充电桩' }, 'demo-resident');
    const noReason = await h.call('outreach', 'reviewWish', { needId: w.needId, approve: false }, 'demo-rc');
    expect(!noReason.ok && noReason.error.code).toBe('INVALID_INPUT');
    await must(h, 'outreach', 'reviewWish', { needId: w.needId, approve: false, note: '属于公共设施改造，已转为诉求办理' }, 'demo-rc');
    const r = await h.call('outreach', 'claim', { needId: w.needId }, 'demo-cadre');
    expect(!r.ok && r.error.reason).toBe('NEED_REJECTED');
  });

  test('categories follow the community rules: an overridden list replaces the defaults', async () => {
    await h.store.update('communities', DEMO.communityId, {
      $set: { rules: { needCategories: { general: [{ key: 'snow', label: '扫雪除冰' }] } } },
    });
    const old = await h.call('outreach', 'publishNeed', NEED, 'demo-rc');
    expect(!old.ok && old.error.reason).toBe('UNKNOWN_CATEGORY');
    const ok = await must<NeedSummary>(h, 'outreach', 'publishNeed', { ...NEED, category: 'snow' }, 'demo-rc');
    expect(ok.categoryLabel).toBe('扫雪除冰');
    const pro = await must<NeedSummary>(h, 'outreach', 'publishNeed', { ...NEED, kind: 'professional', category: 'legal' }, 'demo-rc');
    expect(pro.categoryLabel).toBe('法律咨询');
  });
});

describe('feedback to the unit', () => {
  test('its totals equal the records, unit by unit', async () => {
    const members = await confirmedMembers(h, 6);
    for (const [i, m] of members.entries()) {
      for (let k = 0; k <= i % 3; k++) {
        const needId = await publish(h, { kind: k % 2 ? 'professional' : 'general', category: k % 2 ? 'legal' : 'elder_care' });
        await must(h, 'outreach', 'claim', { needId }, m);
        await must(h, 'outreach', 'complete', { needId, note: '已完成' }, m);
        if (k < 2) await must(h, 'outreach', 'confirmDone', { needId }, 'demo-rc');
      }
    }
    const f = await must<UnitFeedbackResult>(h, 'outreach', 'unitFeedback', { communityId: DEMO.communityId }, 'demo-party');
    const claims = await h.store.find<ClaimDoc>(CLAIMS, { communityId: DEMO.communityId, status: 'confirmed' });
    const seededConfirmed = claims.filter(
      (c) => c.userId === h.userId('demo-cadre') && c.confirmedAt && c.confirmedAt >= new Date(f.from).toISOString(),
    );
    for (const unit of f.units) {
      const ids = new Set(unit.members.map((m) => m.userId));
      const mine = claims.filter((c) => ids.has(c.userId) && c.confirmedAt && c.confirmedAt >= new Date(f.from).toISOString());
      expect(unit.totals).toMatchObject({
        members: unit.members.length,
        general: mine.filter((c) => c.kind === 'general').length,
        professional: mine.filter((c) => c.kind === 'professional').length,
      });
    }
    const total = f.units.reduce((s, u) => s + u.totals.general + u.totals.professional, 0);
    expect(total).toBe(claims.filter((c) => c.confirmedAt && c.confirmedAt >= new Date(f.from).toISOString()).length);
    // 12 claims by the six members, 10 of them confirmed, plus demo-cadre's seeded services in the period.
    expect(total).toBe(10 + seededConfirmed.length);
    expect(f.units.map((u) => u.unitName)).toEqual(expect.arrayContaining(['荆州市财政局', '荆州市教育局', '荆州市住房和城乡建设局']));
  });
});

describe('teams', () => {
  test("the leader publishes the team's activities; listTeams counts them; a stranger to the team may not", async () => {
    const team = await must<{ teamId: string }>(
      h,
      'outreach',
      'createTeam',
      { communityId: DEMO.communityId, name: '江津花园巡逻队', leaderUserId: h.userId('demo-oc') },
      'demo-party',
    );
    const a = await h.call<{ teamName: string | null; organiser: { organisation: string } }>(
      'volunteer',
      'createActivity',
      { ...ACTIVITY, teamId: team.teamId },
      'demo-oc',
    );
    expect(a.ok && [a.data.teamName, a.data.organiser.organisation]).toEqual(['江津花园巡逻队', '红星社区江津花园巡逻队']);
    const stranger = await h.call('volunteer', 'createActivity', { ...ACTIVITY, teamId: team.teamId }, 'demo-volunteer');
    expect(!stranger.ok && stranger.error.code).toBe('FORBIDDEN');
    const teams = await must<Array<{ teamId: string; activities: number; leaderName: string }>>(
      h,
      'outreach',
      'listTeams',
      { communityId: DEMO.communityId },
      'demo-resident',
    );
    expect(teams.find((t) => t.teamId === team.teamId)).toMatchObject({ activities: 1, leaderName: '张**' });
  });
});
