import { expectedRaters, raterRoleOf, type HeldRole, type RaterCandidate } from '../../cloudfunctions/core/domain/raters';

const compound = { _id: 'cp1', communityId: 'cm1', firmId: 'f1' };
const partyOrg = (communityId = 'cm1'): HeldRole => ({ role: 'party_org', scopeId: communityId, communityId });
const inCompound = (role: 'oc_member' | 'compound_party' | 'resident', compoundId = 'cp1'): HeldRole => ({
  role,
  scopeId: compoundId,
  communityId: 'cm1',
  compoundId,
});
const staffOf = (firmId: string): HeldRole => ({ role: 'property_staff', scopeId: firmId });
const person = (held: HeldRole[], status: RaterCandidate['status'] = 'active'): RaterCandidate => ({ status, held });

describe('who rates a compound', () => {
  test.each([
    ['a compound party member rates their compound', person([inCompound('compound_party')]), true, 'compound_party'],
    ['a compound party member does not rate another compound', person([inCompound('compound_party', 'cp2')]), false, 'NOT_A_RATER'],
    ['an owners-committee member rates their own compound', person([inCompound('oc_member')]), true, 'oc_member'],
    ['an owners-committee member does not rate another compound', person([inCompound('oc_member', 'cp2')]), false, 'NOT_A_RATER'],
    ['the community party organisation rates a compound without a party organisation', person([partyOrg()]), false, 'party_org'],
    ['the community party organisation does not rate a compound with one', person([partyOrg()]), true, 'NOT_A_RATER'],
    ['a party organisation of another community does not rate', person([partyOrg('cm2')]), false, 'NOT_A_RATER'],
    ['compound party before owners committee', person([inCompound('oc_member'), inCompound('compound_party')]), true, 'compound_party'],
    ['community party before owners committee where it rates', person([inCompound('oc_member'), partyOrg()]), false, 'party_org'],
    ['owners committee where the community party does not rate', person([inCompound('oc_member'), partyOrg()]), true, 'oc_member'],
    ['staff of the serving firm never rate it', person([inCompound('compound_party'), staffOf('f1')]), true, 'RATED_FIRM_STAFF'],
    ['staff of another firm rate in their other capacity', person([inCompound('oc_member'), staffOf('f2')]), false, 'oc_member'],
    ['an account not yet active does not rate', person([inCompound('oc_member')], 'pending'), false, 'NOT_A_RATER'],
    ['a plain resident does not rate', person([inCompound('resident')]), false, 'NOT_A_RATER'],
  ] as const)('%s', (_name, p, hasParty, role) => {
    expect(raterRoleOf(p, compound, hasParty)).toBe(role);
  });

  test('the expected raters of a compound are exactly those the rule lets rate, each in their capacity', () => {
    const people = [
      { id: 'a', ...person([partyOrg()]) },
      { id: 'b', ...person([inCompound('oc_member')]) },
      { id: 'c', ...person([inCompound('oc_member', 'cp2')]) },
      { id: 'd', ...person([inCompound('oc_member'), staffOf('f1')]) },
    ];
    expect(expectedRaters(compound, people).map((r) => [r.user.id, r.role])).toEqual([
      ['a', 'party_org'],
      ['b', 'oc_member'],
    ]);
    // An active compound party member among them displaces the community party organisation.
    const withParty = [...people, { id: 'e', ...person([inCompound('compound_party')]) }];
    expect(expectedRaters(compound, withParty).map((r) => [r.user.id, r.role])).toEqual([
      ['b', 'oc_member'],
      ['e', 'compound_party'],
    ]);
    // A pending one does not.
    const pending = [...people, { id: 'e', ...person([inCompound('compound_party')], 'pending') }];
    expect(expectedRaters(compound, pending).map((r) => r.user.id)).toEqual(['a', 'b']);
  });
});
