import { GRANTED_BY, INVITABLE_ROLES, mayGrant, SCOPE_LEVEL } from '../../cloudfunctions/core/domain/role-grants';
import { ROLES, type Role } from '../../cloudfunctions/core/domain/roles';

describe('who grants which role (RULES.md §9)', () => {
  test.each<[Role, Role, boolean]>([
    ['admin', 'street_admin', true],
    ['street_admin', 'street_admin', false],
    ['street_admin', 'party_org', true],
    ['street_admin', 'rc_staff', true],
    ['party_org', 'rc_staff', false],
    ['party_org', 'compound_party', true],
    ['rc_staff', 'oc_member', true],
    ['compound_party', 'oc_member', false],
    ['street_admin', 'property_staff', true],
    ['party_org', 'property_staff', false],
    ['admin', 'admin', false],
    ['oc_member', 'oc_member', false],
  ])('%s may grant %s: %s', (granter, role, expected) => {
    expect(mayGrant(granter, role)).toBe(expected);
  });

  test('every granter sits at a level above the role it grants', () => {
    const rank = { city: 0, street: 1, community: 2, compound: 3, firm: 3 } as const;
    for (const role of ROLES) {
      for (const granter of GRANTED_BY[role]) expect(rank[SCOPE_LEVEL[granter]]).toBeLessThan(rank[SCOPE_LEVEL[role]]);
    }
  });

  test('every invitable role has someone to invite it, and residents join by registration', () => {
    for (const role of INVITABLE_ROLES) expect(GRANTED_BY[role].length).toBeGreaterThan(0);
    expect(INVITABLE_ROLES).not.toContain('resident');
    expect(INVITABLE_ROLES).not.toContain('admin');
  });
});
