import { expectedRaters, raterRoleOf, type RaterCandidate } from '../../cloudfunctions/core/domain/raters';

const compound = { _id: 'cp1', communityId: 'cm1', firmId: 'f1' };
const person = (patch: Partial<RaterCandidate>): RaterCandidate => ({
  status: 'active',
  roles: ['resident'],
  communityId: 'cm1',
  compoundId: 'cp1',
  ...patch,
});

describe('who rates a compound', () => {
  test.each([
    [
      'the community party organisation rates every compound of its community',
      person({ roles: ['party_org'], compoundId: 'cp9' }),
      'party_org',
    ],
    ['an owners-committee member rates their own compound', person({ roles: ['oc_member'] }), 'oc_member'],
    ['an owners-committee member does not rate another compound', person({ roles: ['oc_member'], compoundId: 'cp2' }), 'NOT_A_RATER'],
    ['someone holding both roles rates as the party organisation', person({ roles: ['oc_member', 'party_org'] }), 'party_org'],
    ['staff of the serving firm never rate it', person({ roles: ['party_org', 'property_staff'], firmId: 'f1' }), 'RATED_FIRM_STAFF'],
    ['staff of another firm rate in their other capacity', person({ roles: ['oc_member', 'property_staff'], firmId: 'f2' }), 'oc_member'],
    ['a party organisation of another community does not rate', person({ roles: ['party_org'], communityId: 'cm2' }), 'NOT_A_RATER'],
    ['an account not yet active does not rate', person({ roles: ['oc_member'], status: 'pending' }), 'NOT_A_RATER'],
    ['a plain resident does not rate', person({}), 'NOT_A_RATER'],
  ] as const)('%s', (_name, p, role) => {
    expect(raterRoleOf(p, compound)).toBe(role);
  });

  test('the expected raters of a compound are exactly those the rule lets rate, each in their capacity', () => {
    const people = [
      { id: 'a', ...person({ roles: ['party_org'] }) },
      { id: 'b', ...person({ roles: ['oc_member'] }) },
      { id: 'c', ...person({ roles: ['oc_member'], compoundId: 'cp2' }) },
      { id: 'd', ...person({ roles: ['oc_member', 'property_staff'], firmId: 'f1' }) },
    ];
    expect(expectedRaters(compound, people).map((r) => [r.user.id, r.role])).toEqual([
      ['a', 'party_org'],
      ['b', 'oc_member'],
    ]);
  });
});
