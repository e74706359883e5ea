import type { UserDoc } from '../app/account/user';
import type { CommunityDoc, CompoundDoc, FirmAssignmentDoc, StreetDoc } from '../app/community/community';
import { DEMO } from './demo-ids';
import type { SeedContext } from './seed-context';

/** The date the demo firms started serving their compounds. */
const SERVING_SINCE = '2024-01-01';

/** The demo's streets: the first community's, and a second one for city-wide views. */
export function demoStreets(at: string): StreetDoc[] {
  return [
    { _id: DEMO.street1, name: '胜利街道', city: '荆州市', district: '沙市区', createdAt: at },
    { _id: DEMO.street2, name: '中山街道', city: '荆州市', district: '沙市区', createdAt: at },
  ];
}

/** The firm assignment rows of the compounds as seeded (one current row each). */
export function assignmentsOf(compounds: CompoundDoc[], at: string): FirmAssignmentDoc[] {
  return compounds.map((c) => ({
    _id: `${c._id}:${SERVING_SINCE}`,
    compoundId: c._id,
    communityId: c.communityId,
    firmId: c.firmId,
    firmName: c.firmName,
    from: SERVING_SINCE,
    to: null,
    assignedBy: null,
    createdAt: at,
  }));
}

/**
 * The second street's community (文化社区) with one compound served by firm2, which also serves
 * the first community's second compound: a firm's credit is city-wide (RULES.md §4).
 */
export async function seedSecondCommunity(s: SeedContext, firm2Name: string): Promise<void> {
  const at = s.now.toISOString();
  const community: CommunityDoc = {
    _id: DEMO.community2,
    name: '文化社区',
    city: '荆州市',
    district: '沙市区',
    street: '中山街道',
    streetId: DEMO.street2,
    officePhone: '0716-8220300',
    population: 90,
    createdAt: at,
  };
  await s.ops.insert('communities', community);
  const compound: CompoundDoc = {
    _id: DEMO.compound3,
    communityId: DEMO.community2,
    name: '太湖港小区',
    firmId: DEMO.firm2,
    firmName: firm2Name,
    streetId: DEMO.street2,
    buildings: ['1栋', '2栋', '3栋'],
  };
  await s.ops.insert('compounds', compound);
  for (const a of assignmentsOf([compound], at)) await s.ops.insert('firm_assignments', a);
  const people: Array<[string, string, string, UserDoc['roles'], boolean]> = [
    ['demo-party2', '马文静', '13907160021', ['party_org'], true],
    ['demo-oc4', '杨光明', '13907160022', ['resident', 'oc_member'], false],
    ['demo-resident4', '许海燕', '13907160023', ['resident'], false],
  ];
  for (const [openid, name, phone, roles, isPartyMember] of people) {
    const user: UserDoc = {
      _id: s.userId(openid),
      openid,
      name,
      phone,
      communityId: DEMO.community2,
      compoundId: DEMO.compound3,
      building: '2栋',
      room: phone.slice(-3),
      status: 'active',
      roles,
      isPartyMember,
      createdAt: at,
      updatedAt: at,
    };
    await s.ops.insert('users', user);
  }
}

/** The street admin of the first street: no residence, the role by a scoped grant. */
export function streetAdmin(s: SeedContext, at: string): UserDoc {
  return {
    _id: s.userId('demo-street'),
    openid: 'demo-street',
    name: '高建华',
    phone: '13907160020',
    communityId: '',
    compoundId: '',
    building: '',
    room: '',
    status: 'active',
    roles: ['street_admin'],
    grants: [{ role: 'street_admin', scopeId: DEMO.street1, streetId: DEMO.street1 }],
    isPartyMember: true,
    createdAt: at,
    updatedAt: at,
  };
}
