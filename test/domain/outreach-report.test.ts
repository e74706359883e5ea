import { DEFAULT_NEED_CATEGORIES, needCategoriesFor, needCategoryLabel } from '../../cloudfunctions/core/domain/outreach-categories';
import { groupByUnit, reportRefusal, shareOf, type MemberFeedback } from '../../cloudfunctions/core/domain/outreach-report';

describe('reporting in', () => {
  const member = { isPartyMember: true, homeCommunityId: 'cm1' };
  test.each([
    ['a party member reports to the community they live in', { kind: 'residence', communityId: 'cm1' }, member, null, null],
    ['and to the one their unit is paired with', { kind: 'paired', communityId: 'cm2' }, member, { communityId: 'cm1' }, null],
    ['only a party member reports', { kind: 'paired', communityId: 'cm2' }, { ...member, isPartyMember: false }, null, 'NOT_PARTY_MEMBER'],
    ['a residence report goes to the home community', { kind: 'residence', communityId: 'cm2' }, member, null, 'NOT_HOME_COMMUNITY'],
    ['not both kinds to one community', { kind: 'paired', communityId: 'cm1' }, member, { communityId: 'cm1' }, 'ALREADY_REPORTED_HERE'],
  ] as const)('%s', (_name, input, who, other, reason) => {
    expect(reportRefusal(input, who, other)?.reason ?? null).toBe(reason);
  });
});

describe('feedback to the unit', () => {
  const m = (userId: string, unitName: string, general: number, professional: number, hours: number, confirmed = true): MemberFeedback => ({
    userId,
    name: userId,
    unitName,
    branchName: '支部',
    communityName: '红星社区',
    kind: 'paired',
    kindLabel: '单位结对社区报到',
    status: confirmed ? 'confirmed' : 'pending',
    reportedAt: '2026-07-01T00:00:00.000Z',
    confirmedAt: confirmed ? '2026-07-02T00:00:00.000Z' : null,
    buildingRoles: [],
    services: { general, professional },
    hours,
  });

  test('groups members by unit (units in pinyin order) and totals each unit from its members', () => {
    const units = groupByUnit([m('b', '财政局', 1, 0, 2.5), m('a', '财政局', 2, 1, 1), m('c', '教育局', 0, 3, 0, false)]);
    expect(units.map((u) => [u.unitName, u.members.map((x) => x.userId), u.totals])).toEqual([
      ['财政局', ['a', 'b'], { members: 2, confirmed: 2, general: 3, professional: 1, hours: 3.5 }],
      ['教育局', ['c'], { members: 1, confirmed: 0, general: 0, professional: 3, hours: 0 }],
    ]);
  });

  test.each([
    [1, 3, 0.3333],
    [0, 5, 0],
    [2, 0, null],
  ] as const)('%i of %i is a share of %p', (part, whole, share) => {
    expect(shareOf(part, whole)).toBe(share);
  });
});

describe('need categories', () => {
  test("a community's list replaces the defaults of that kind only", () => {
    const c = needCategoriesFor({ general: [{ key: 'snow', label: '扫雪除冰' }] });
    expect(needCategoryLabel(c, 'general', 'snow')).toBe('扫雪除冰');
    expect(needCategoryLabel(c, 'general', 'elder_care')).toBeNull();
    expect(c.professional).toEqual(DEFAULT_NEED_CATEGORIES.professional);
    expect(needCategoriesFor(null)).toEqual(DEFAULT_NEED_CATEGORIES);
  });
});
