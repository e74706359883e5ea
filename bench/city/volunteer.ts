/**
 * Volunteering over five years: profiles (numbered from the city's counter, counted on the
 * community's backbone counters), past activities of every community and their signups, each
 * served and checked out, with each profile's total hours equal to its records (as the check-out
 * transaction keeps them).
 */
import { bumpBackbone } from '../../cloudfunctions/core/app/outreach/stats';
import {
  ACTIVITIES,
  SIGNUPS,
  VOLUNTEER_COUNTERS,
  VOLUNTEERS,
  type ActivityDoc,
  type SignupDoc,
  type VolunteerDoc,
} from '../../cloudfunctions/core/app/volunteer/model';
import { ACTIVITY_CATEGORIES } from '../../cloudfunctions/core/domain/activity';
import { serviceHours } from '../../cloudfunctions/core/domain/hours';
import { DEFAULT_RULES } from '../../cloudfunctions/core/domain/rules-config';
import type { BulkWriter } from './bulk';
import type { City, Person } from './places';
import { CITY_YEARS } from './requests';
import { RESIDENTS_PER_VOLUNTEER, SIGNUPS_PER_ACTIVITY } from './shape';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function writeVolunteering(
  w: BulkWriter,
  city: City,
  signups: number,
  now: Date,
): Promise<{ volunteers: number; activities: number; signups: number }> {
  const counter = (w.get<{ _id: string; last: number }>(VOLUNTEER_COUNTERS, 'volunteer_no')?.last ?? 0) as number;
  let issued = counter;
  const nowIso = now.toISOString();
  // Registered before the oldest activity they served.
  const since = new Date(now.getTime() - (CITY_YEARS * 365 + 10) * DAY).toISOString();
  // Volunteers by community: one resident in RESIDENTS_PER_VOLUNTEER of each compound.
  const byCommunity = new Map<string, Array<{ p: Person; no: string; hours: number; compoundId: string }>>();
  for (const place of city.places) {
    const list = byCommunity.get(place.compound.communityId) ?? [];
    for (let i = 1; i < place.residents.length; i += RESIDENTS_PER_VOLUNTEER) {
      issued += 1;
      list.push({ p: place.residents[i], no: `ZY${String(issued).padStart(6, '0')}`, hours: 0, compoundId: place.compound._id });
    }
    byCommunity.set(place.compound.communityId, list);
  }
  // Full activities, the last one with the remainder.
  const activities = Math.ceil(signups / SIGNUPS_PER_ACTIVITY);
  const span = CITY_YEARS * 365 * DAY;
  let written = 0;
  for (let a = 0; a < activities; a++) {
    const community = city.communities[a % city.communities.length];
    const volunteers = byCommunity.get(community._id) ?? [];
    const taken = Math.min(SIGNUPS_PER_ACTIVITY, signups - a * SIGNUPS_PER_ACTIVITY);
    if (volunteers.length < taken) throw new Error(`${community._id}: ${volunteers.length} volunteers for ${taken} signups`);
    const staff = city.staff.get(community._id) as { rc: Person };
    // Spread over five years, ending at least two days ago; 09:00 China time, two hours.
    const day = Math.floor((((a * 7919) % activities) / activities) * (span / DAY - 2)) + 2;
    const startMs = Math.floor((now.getTime() - day * DAY) / DAY) * DAY + HOUR;
    const startAt = new Date(startMs).toISOString();
    const endAt = new Date(startMs + 2 * HOUR).toISOString();
    const createdAt = new Date(startMs - 5 * DAY).toISOString();
    const id = `act_city${String(a).padStart(6, '0')}`;
    const category = ACTIVITY_CATEGORIES[a % ACTIVITY_CATEGORIES.length];
    const organiser = { organisation: `${community.name}居民委员会`, personInCharge: staff.rc.name, contact: community.officePhone };
    const title = `${community.name}志愿服务 第${a + 1}场`;
    const description = '清理公共区域杂物，宣传文明养犬，帮扶独居老人。';
    const location = `${community.name}党群服务中心`;
    const activity: ActivityDoc = {
      _id: id,
      communityId: community._id,
      communityName: community.name,
      title,
      category,
      description,
      location,
      startAt,
      endAt,
      signupDeadline: startAt,
      capacity: SIGNUPS_PER_ACTIVITY + 10,
      waitlistEnabled: true,
      openToAll: false,
      status: 'finished',
      confirmedCount: taken,
      waitlistCount: 0,
      waitlist: [],
      signupSeq: taken,
      // One bump per signup, one when the scheduler finished it.
      version: taken + 1,
      organiser,
      createdBy: staff.rc.userId,
      rules: { freeCancelHours: DEFAULT_RULES.freeCancelHours, attendanceMinRatio: DEFAULT_RULES.attendanceMinRatio },
      reminders: { h24: new Date(startMs - 24 * HOUR).toISOString(), h2: new Date(startMs - 2 * HOUR).toISOString() },
      createdAt,
      updatedAt: endAt,
    };
    w.insert(ACTIVITIES, activity);
    const first = (a * 13) % volunteers.length;
    for (let s = 0; s < taken; s++) {
      const v = volunteers[(first + s) % volunteers.length];
      const checkInAt = new Date(startMs - 10 * 60_000).toISOString();
      const checkOutAt = new Date(startMs + 2 * HOUR + 5 * 60_000).toISOString();
      const served = serviceHours({ checkInAt, checkOutAt, startAt, endAt, minRatio: DEFAULT_RULES.attendanceMinRatio });
      v.hours += served.hours;
      const signedAt = new Date(Date.parse(createdAt) + (s + 1) * HOUR).toISOString();
      const doc: SignupDoc = {
        _id: `${id}:${v.p.userId}`,
        activityId: id,
        userId: v.p.userId,
        communityId: community._id,
        status: 'confirmed',
        seq: s + 1,
        round: 1,
        realName: v.p.name,
        phone: v.p.phone,
        volunteerNo: v.no,
        title,
        category,
        description,
        location,
        startAt,
        endAt,
        organiser,
        attendance: served.counted ? 'attended' : 'insufficient',
        checkInAt,
        checkOutAt,
        hours: served.hours,
        lateCancel: false,
        createdAt: signedAt,
        updatedAt: checkOutAt,
      };
      w.insert(SIGNUPS, doc);
      written += 1;
    }
  }
  let volunteersWritten = 0;
  for (const [communityId, list] of byCommunity) {
    let party = 0;
    for (const v of list) {
      const doc: VolunteerDoc = {
        _id: v.p.userId,
        communityId,
        compoundId: v.compoundId,
        realName: v.p.name,
        phone: v.p.phone,
        skills: [],
        isPartyMember: v.p.isPartyMember,
        volunteerNo: v.no,
        totalHours: v.hours,
        slots: [],
        createdAt: since,
        updatedAt: nowIso,
      };
      w.insert(VOLUNTEERS, doc);
      if (v.p.isPartyMember) party += 1;
    }
    volunteersWritten += list.length;
    await bumpBackbone(w.ops, communityId, { volunteerProfiles: list.length, partyVolunteers: party });
  }
  w.update(VOLUNTEER_COUNTERS, 'volunteer_no', { $set: { last: issued } });
  return { volunteers: volunteersWritten, activities, signups: written };
}
