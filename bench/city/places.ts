/**
 * The city's places and people: streets, communities, firms, compounds (with their firm
 * assignments) and the registered residents and staff, around the demo's own (which stay as the
 * demo seed wrote them, and get their share of the city's residents).
 */
import type { UserDoc } from '../../cloudfunctions/core/app/account/user';
import type { CommunityDoc, CompoundDoc, FirmDoc, StreetDoc } from '../../cloudfunctions/core/app/community/community';
import { userIdFor } from '../../cloudfunctions/core/app/ids';
import { makeCreditCode } from '../../cloudfunctions/core/domain/credit-code';
import type { Role } from '../../cloudfunctions/core/domain/roles';
import { assignmentsOf } from '../../cloudfunctions/core/seed/city';
import type { BulkWriter } from './bulk';
import type { CityShape } from './shape';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '建国秀兰志强玉珍德胜丽华桂英立新海燕文静光明春兰小燕国庆红梅家豪子涵欣怡浩然梓萱宇轩';

export interface Person {
  userId: string;
  openid: string;
  name: string;
  phone: string;
  building: string;
  room: string;
  isPartyMember: boolean;
}

export interface Place {
  compound: CompoundDoc;
  residents: Person[];
  /** The compound's owners'-committee member (a resident). */
  oc: Person;
}

export interface City {
  at: string;
  salt: string;
  streets: StreetDoc[];
  communities: CommunityDoc[];
  firms: FirmDoc[];
  places: Place[];
  /** Per community: its residents' committee staff member and its party organisation's. */
  staff: Map<string, { rc: Person; party: Person }>;
  /** Per firm: its property staff member. */
  firmStaff: Map<string, Person>;
}

export function nameOf(i: number): string {
  const s = SURNAMES[i % SURNAMES.length];
  const g1 = GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length];
  const g2 = GIVEN[Math.floor(i / (SURNAMES.length * GIVEN.length)) % GIVEN.length];
  return i % 3 === 0 ? `${s}${g1}` : `${s}${g1}${g2}`;
}

const phoneOf = (i: number) => `137${String(i).padStart(8, '0')}`;
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/**
 * Writes the places and people. `existing` are the demo seed's documents (read back from the file);
 * the generated ones are appended to reach the shape's counts, users included (the demo's count).
 */
export function writePlaces(
  w: BulkWriter,
  shape: CityShape,
  existing: { streets: StreetDoc[]; communities: CommunityDoc[]; firms: FirmDoc[]; compounds: CompoundDoc[]; users: UserDoc[] },
  at: string,
  salt: string,
): City {
  const streets = [...existing.streets];
  for (let i = streets.length; i < shape.streets; i++) {
    const s: StreetDoc = { _id: `st_city${pad(i, 3)}`, name: `城区第${i + 1}街道`, city: '荆州市', district: '沙市区', createdAt: at };
    w.insert('streets', s);
    streets.push(s);
  }
  const communities = [...existing.communities];
  for (let i = communities.length; i < shape.communities; i++) {
    const street = streets[i % streets.length];
    const c: CommunityDoc = {
      _id: `cm_city${pad(i, 4)}`,
      name: `第${i + 1}社区`,
      city: '荆州市',
      district: '沙市区',
      street: street.name,
      streetId: street._id,
      officePhone: `0716-82${pad(i, 5)}`,
      population: Math.round(shape.residents / shape.communities),
      createdAt: at,
    };
    w.insert('communities', c);
    communities.push(c);
  }
  const firms = [...existing.firms];
  for (let i = firms.length; i < shape.firms; i++) {
    const f: FirmDoc = {
      _id: `f_city${pad(i, 4)}`,
      name: `荆州第${i + 1}物业服务有限公司`,
      creditCode: makeCreditCode('91', '421002', `C${pad(i, 7)}`),
      contactPhone: `0716${pad(8_300_000 + i, 7)}`,
      hasPartyOrg: i % 2 === 0,
      createdAt: at,
    };
    w.insert('firms', f);
    firms.push(f);
  }
  const compounds = [...existing.compounds];
  const generatedFirms = firms.slice(existing.firms.length);
  const fresh: CompoundDoc[] = [];
  for (let i = compounds.length; i < shape.compounds; i++) {
    const community = communities[i % communities.length];
    const firm = generatedFirms.length ? generatedFirms[i % generatedFirms.length] : firms[i % firms.length];
    const c: CompoundDoc = {
      _id: `cp_city${pad(i, 5)}`,
      communityId: community._id,
      name: `${community.name}${i + 1}号小区`,
      firmId: firm._id,
      firmName: firm.name,
      streetId: community.streetId,
      buildings: Array.from({ length: 12 }, (_, b) => `${b + 1}栋`),
    };
    w.insert('compounds', c);
    compounds.push(c);
    fresh.push(c);
  }
  for (const a of assignmentsOf(fresh, at)) w.insert('firm_assignments', a);

  let n = 0;
  const person = (openid: string, partyEvery = 9): Person => {
    const i = n++;
    return {
      userId: userIdFor(openid, salt),
      openid,
      name: nameOf(i),
      phone: phoneOf(i),
      building: `${(i % 12) + 1}栋`,
      room: `${(Math.floor(i / 12) % 30) + 1}0${(i % 4) + 1}`,
      isPartyMember: i % partyEvery === 0,
    };
  };
  const user = (p: Person, compound: CompoundDoc | null, roles: Role[], extra: Partial<UserDoc> = {}): UserDoc => ({
    _id: p.userId,
    openid: p.openid,
    name: p.name,
    phone: p.phone,
    communityId: compound?.communityId ?? '',
    compoundId: compound?._id ?? '',
    building: compound ? p.building : '',
    room: compound ? p.room : '',
    status: 'active',
    roles,
    isPartyMember: p.isPartyMember,
    createdAt: at,
    updatedAt: at,
    ...extra,
  });
  const byCommunity = new Map<string, CompoundDoc>();
  for (const c of compounds) if (!byCommunity.has(c.communityId)) byCommunity.set(c.communityId, c);
  const staff = new Map<string, { rc: Person; party: Person }>();
  for (const c of communities) {
    const home = byCommunity.get(c._id) ?? compounds[0];
    const rc = person(`city-rc-${c._id}`, 1);
    const party = person(`city-party-${c._id}`, 1);
    w.insert('users', user(rc, home, ['rc_staff']));
    w.insert('users', user(party, home, ['party_org']));
    staff.set(c._id, { rc, party });
  }
  const firmStaff = new Map<string, Person>();
  for (const f of firms) {
    const p = person(`city-pf-${f._id}`);
    const home = compounds.find((c) => c.firmId === f._id) ?? compounds[0];
    w.insert('users', user(p, home, ['property_staff'], { firmId: f._id, building: '物业服务中心', room: '1' }));
    firmStaff.set(f._id, p);
  }
  const places: Place[] = compounds.map((compound) => {
    const oc = person(`city-oc-${compound._id}`, 2);
    w.insert('users', user(oc, compound, ['resident', 'oc_member']));
    return { compound, residents: [oc], oc };
  });
  const residents = shape.residents - existing.users.length - n;
  for (let i = 0; i < residents; i++) {
    const place = places[i % places.length];
    const p = person(`city-r${i}`);
    w.insert('users', user(p, place.compound, ['resident']));
    place.residents.push(p);
  }
  return { at, salt, streets, communities, firms, places, staff, firmStaff };
}
