import type { Role } from '../domain/roles';
import { makeCreditCode } from '../domain/credit-code';
import type { UserDoc } from '../app/account/user';
import type { CommunityDoc, CompoundDoc, FirmDoc } from '../app/community/community';
import type { Deps } from '../app/context';
import { userIdFor } from '../app/ids';
import { DEMO } from './demo-ids';
import { backfillCounters } from '../app/admin/recount';
import { backfillCityGrades } from '../app/ratings/city-grades';
import { backfillHolders } from '../app/account/holders-backfill';
import type { SeedContext } from './seed-context';
import { assignmentsOf, demoStreets, seedSecondCommunity, streetAdmin } from './city';
import { seedMessages } from './messages';
import { seedOwners } from './owners';
import { seedOutreach } from './outreach';
import { seedRatings } from './ratings';
import { seedRequests } from './requests';
import { seedVolunteer } from './volunteer';

/** 沙市区 administrative division code (GB/T 2260). */
const SHASHI = '421002';

interface Person {
  openid: string;
  name: string;
  phone: string;
  compoundId: string;
  building: string;
  room: string;
  roles: Role[];
  status?: UserDoc['status'];
  firmId?: string;
  isPartyMember?: boolean;
}

const PEOPLE: Person[] = [
  {
    openid: 'demo-admin',
    name: '周建国',
    phone: '13907160001',
    compoundId: DEMO.compound1,
    building: '1栋',
    room: '101',
    roles: ['admin'],
  },
  {
    openid: 'demo-party',
    name: '李红梅',
    phone: '13907160002',
    compoundId: DEMO.compound1,
    building: '2栋',
    room: '201',
    roles: ['party_org'],
    isPartyMember: true,
  },
  {
    openid: 'demo-rc',
    name: '王秀兰',
    phone: '13907160003',
    compoundId: DEMO.compound1,
    building: '3栋',
    room: '302',
    roles: ['rc_staff'],
    isPartyMember: true,
  },
  {
    openid: 'demo-oc',
    name: '张志强',
    phone: '13907160004',
    compoundId: DEMO.compound1,
    building: '5栋',
    room: '502',
    roles: ['resident', 'oc_member'],
    isPartyMember: true,
  },
  {
    openid: 'demo-property',
    name: '刘德胜',
    phone: '13907160005',
    compoundId: DEMO.compound1,
    building: '物业服务中心',
    room: '1',
    roles: ['property_staff'],
    firmId: DEMO.firm1,
  },
  {
    openid: 'demo-resident',
    name: '陈玉珍',
    phone: '13907160006',
    compoundId: DEMO.compound1,
    building: '6栋',
    room: '602',
    roles: ['resident'],
  },
  {
    openid: 'demo-volunteer',
    name: '赵志远',
    phone: '13907160007',
    compoundId: DEMO.compound1,
    building: '7栋',
    room: '701',
    roles: ['resident'],
    isPartyMember: true,
  },
  // More people, so the community's figures and lists have something to show.
  {
    openid: 'demo-oc2',
    name: '孙立新',
    phone: '13907160008',
    compoundId: DEMO.compound1,
    building: '8栋',
    room: '801',
    roles: ['resident', 'oc_member'],
  },
  {
    openid: 'demo-oc3',
    name: '黄丽华',
    phone: '13907160009',
    compoundId: DEMO.compound2,
    building: '2栋',
    room: '203',
    roles: ['resident', 'oc_member'],
    isPartyMember: true,
  },
  {
    openid: 'demo-property2',
    name: '吴建平',
    phone: '13907160010',
    compoundId: DEMO.compound2,
    building: '物业服务中心',
    room: '1',
    roles: ['property_staff'],
    firmId: DEMO.firm2,
  },
  {
    openid: 'demo-resident2',
    name: '郑桂英',
    phone: '13907160011',
    compoundId: DEMO.compound2,
    building: '4栋',
    room: '402',
    roles: ['resident'],
  },
  {
    openid: 'demo-resident3',
    name: '冯国庆',
    phone: '13907160012',
    compoundId: DEMO.compound2,
    building: '9栋',
    room: '903',
    roles: ['resident'],
  },
  // A party member of a city unit reported in to this community (seed/outreach.ts); not a household resident.
  {
    openid: 'demo-cadre',
    name: '杨志刚',
    phone: '13907160030',
    compoundId: DEMO.compound1,
    building: '3栋',
    room: '1501',
    roles: [],
    isPartyMember: true,
  },
  {
    openid: 'demo-cparty',
    name: '罗春兰',
    phone: '13907160014',
    compoundId: DEMO.compound1,
    building: '4栋',
    room: '401',
    roles: ['compound_party'],
    isPartyMember: true,
  },
  {
    openid: 'demo-pending',
    name: '何小燕',
    phone: '13907160013',
    compoundId: DEMO.compound1,
    building: '10栋',
    room: '1001',
    roles: [],
    status: 'pending',
  },
];

async function seedBase(s: SeedContext): Promise<void> {
  const at = s.now.toISOString();
  for (const street of demoStreets(at)) await s.ops.insert('streets', street);
  const community: CommunityDoc = {
    _id: DEMO.communityId,
    name: '红星社区',
    city: '荆州市',
    district: '沙市区',
    street: '胜利街道',
    streetId: DEMO.street1,
    officePhone: '0716-8210300',
    population: 120,
    createdAt: at,
  };
  await s.ops.insert('communities', community);
  const firms: FirmDoc[] = [
    {
      _id: DEMO.firm1,
      name: '荆州楚韵物业服务有限公司',
      creditCode: makeCreditCode('91', SHASHI, 'MA4A1B2C'),
      contactPhone: '07168210001',
      hasPartyOrg: true,
      createdAt: at,
    },
    {
      _id: DEMO.firm2,
      name: '荆州荆华物业管理有限公司',
      creditCode: makeCreditCode('91', SHASHI, '7A6K3M0P'),
      contactPhone: '07168210002',
      hasPartyOrg: false,
      createdAt: at,
    },
  ];
  for (const f of firms) await s.ops.insert('firms', f);
  const compounds: CompoundDoc[] = [
    {
      _id: DEMO.compound1,
      communityId: DEMO.communityId,
      name: '江津花园',
      firmId: DEMO.firm1,
      firmName: firms[0].name,
      streetId: DEMO.street1,
    },
    {
      _id: DEMO.compound2,
      communityId: DEMO.communityId,
      name: '万寿园小区',
      firmId: DEMO.firm2,
      firmName: firms[1].name,
      streetId: DEMO.street1,
    },
  ];
  for (const c of compounds) await s.ops.insert('compounds', c);
  for (const a of assignmentsOf(compounds, at)) await s.ops.insert('firm_assignments', a);
  for (const p of PEOPLE) {
    const user: UserDoc = {
      _id: s.userId(p.openid),
      openid: p.openid,
      name: p.name,
      phone: p.phone,
      communityId: DEMO.communityId,
      compoundId: p.compoundId,
      building: p.building,
      room: p.room,
      status: p.status ?? 'active',
      roles: p.roles,
      isPartyMember: p.isPartyMember ?? false,
      createdAt: at,
      updatedAt: at,
    };
    if (p.firmId) user.firmId = p.firmId;
    await s.ops.insert('users', user);
  }
  await s.ops.insert('users', streetAdmin(s, at));
  await seedSecondCommunity(s, firms[1].name);
}

/** Whether the database holds no data yet (a new install). */
export async function isEmpty(deps: Pick<Deps, 'store'>): Promise<boolean> {
  return (await deps.store.count('communities', {})) === 0 && (await deps.store.count('users', {})) === 0;
}

/** Seeds the demo data of API.md §4 in one transaction: all of it or nothing. */
export async function seedDemo(deps: Pick<Deps, 'store' | 'clock' | 'userIdSalt'>): Promise<void> {
  const now = deps.clock.now();
  await deps.store.transaction(async (ops) => {
    const s: SeedContext = { ops, now, userId: (openid) => userIdFor(openid, deps.userIdSalt) };
    await seedBase(s);
    await seedVolunteer(s);
    await seedRequests(s);
    await seedRatings(s);
    await seedMessages(s);
    await seedOwners(s, deps.userIdSalt);
    await seedOutreach(s);
  });
  // The oversight counters, from the records just written (as a deployment's backfill sets them).
  await backfillCounters(deps, { onlyMissing: false });
  // The latest city-wide grades in one document, from the results just written (as a deployment's backfill starts it).
  await backfillCityGrades(deps.store);
  // Who holds which role where, for the revoke page (as a deployment's backfill writes it).
  await backfillHolders(deps);
}
