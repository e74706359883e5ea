import type { ActivityCategory, ActivityStatus } from '../domain/activity';
import { DEFAULT_RULES } from '../domain/rules-config';
import { serviceHours } from '../domain/hours';
import type { Attendance, SignupStatus, Slot } from '../domain/signup';
import {
  ACTIVITIES,
  SIGNUPS,
  VOLUNTEER_COUNTERS,
  VOLUNTEERS,
  type ActivityDoc,
  type Organiser,
  type SignupDoc,
  type VolunteerDoc,
} from '../app/volunteer/model';
import { bumpBackbone } from '../app/outreach/stats';
import { DEMO } from './demo-ids';
import type { SeedContext } from './seed-context';

/** Fixed ids of the demo activities, for tests and docs. */
export const DEMO_ACTIVITIES = {
  /** In two days, seats left; demo-volunteer confirmed. */
  cleanup: 'act_demo_cleanup',
  /** In three days, full with a waitlist; demo-volunteer waitlisted second. */
  civility: 'act_demo_civility',
  /** In five days, nobody signed up yet. */
  counseling: 'act_demo_counseling',
  /** In a week, open to volunteers of every community. */
  health: 'act_demo_health',
  /** Under way now: one volunteer checked in, demo-volunteer not yet. */
  ongoing: 'act_demo_ongoing',
  /** Ten days ago: demo-volunteer served 3 h. */
  pastHealth: 'act_demo_past_health',
  /** About a month ago: demo-volunteer served 2.5 h, one no-show. */
  pastClean: 'act_demo_past_clean',
} as const;

/** Demo volunteers: openid, real name, phone, skills; the first is demo-volunteer (ZY000001). */
const VOLUNTEER_PEOPLE = [
  {
    openid: 'demo-volunteer',
    realName: '赵志远',
    phone: '13907160007',
    skills: ['急救', '宣传'],
    isPartyMember: true,
    compoundId: DEMO.compound1,
  },
  { openid: 'demo-oc', realName: '张志强', phone: '13907160004', skills: ['组织协调'], isPartyMember: true, compoundId: DEMO.compound1 },
  { openid: 'demo-oc2', realName: '孙立新', phone: '13907160008', skills: ['电工'], isPartyMember: false, compoundId: DEMO.compound1 },
  { openid: 'demo-oc3', realName: '黄丽华', phone: '13907160009', skills: ['心理咨询'], isPartyMember: true, compoundId: DEMO.compound2 },
  {
    openid: 'demo-resident2',
    realName: '郑桂英',
    phone: '13907160011',
    skills: ['保洁'],
    isPartyMember: false,
    compoundId: DEMO.compound2,
  },
  { openid: 'demo-resident3', realName: '冯国庆', phone: '13907160012', skills: [], isPartyMember: false, compoundId: DEMO.compound2 },
] as const;

const HOUR = 3_600_000;
const CHINA = 8 * HOUR;

interface Plan {
  id: string;
  title: string;
  category: ActivityCategory;
  description: string;
  location: string;
  startAt: string;
  endAt: string;
  capacity: number;
  openToAll?: boolean;
  status: ActivityStatus;
  /** Signups in arrival order: openid, status, and for past activities the attendance times. */
  signups: Array<{ openid: string; status: SignupStatus; in?: string; out?: string }>;
}

/** Demo data of the volunteer feature: profiles, activities in every state, signups and records. */
export async function seedVolunteer(s: SeedContext): Promise<void> {
  const nowMs = s.now.getTime();
  const nowIso = s.now.toISOString();
  // Midnight today in China time, so demo activities start at round local hours.
  const today = Math.floor((nowMs + CHINA) / (24 * HOUR)) * 24 * HOUR - CHINA;
  const at = (days: number, hour: number) => new Date(today + days * 24 * HOUR + hour * HOUR).toISOString();
  const hourNow = Math.floor(nowMs / HOUR) * HOUR;
  const rel = (hours: number) => new Date(hourNow + hours * HOUR).toISOString();

  const organiser: Organiser = { organisation: '红星社区居民委员会', personInCharge: '王秀兰', contact: '0716-8210300' };
  const plans: Plan[] = [
    {
      id: DEMO_ACTIVITIES.cleanup,
      title: '江津花园楼道清洁日',
      category: 'environment',
      description: '清理楼道堆放杂物、擦拭扶手和信报箱，张贴消防通道提示。请穿方便劳动的衣服，手套和工具由居委会提供。',
      location: '江津花园 1–8 栋',
      startAt: at(2, 9),
      endAt: at(2, 12),
      capacity: 10,
      status: 'open',
      signups: [
        { openid: 'demo-volunteer', status: 'confirmed' },
        { openid: 'demo-oc2', status: 'confirmed' },
      ],
    },
    {
      id: DEMO_ACTIVITIES.civility,
      title: '文明劝导：胜利街路口',
      category: 'civility',
      description: '早高峰在胜利街与江津路路口劝导行人和非机动车遵守信号灯，协助交警维持秩序。',
      location: '胜利街与江津路交叉口',
      startAt: at(3, 7),
      endAt: at(3, 9),
      capacity: 2,
      status: 'open',
      signups: [
        { openid: 'demo-oc', status: 'confirmed' },
        { openid: 'demo-resident2', status: 'confirmed' },
        { openid: 'demo-resident3', status: 'waitlisted' },
        { openid: 'demo-volunteer', status: 'waitlisted' },
      ],
    },
    {
      id: DEMO_ACTIVITIES.counseling,
      title: '邻里心理疏导咨询日',
      category: 'counseling',
      description: '邀请心理咨询师为独居老人和困难家庭提供一对一疏导，志愿者负责接待、引导和记录。',
      location: '红星社区党群服务中心二楼',
      startAt: at(5, 14),
      endAt: at(5, 17),
      capacity: 5,
      status: 'open',
      signups: [],
    },
    {
      id: DEMO_ACTIVITIES.health,
      title: '爱国卫生月：万寿园灭蚊除鼠',
      category: 'patriotic_health',
      description: '清理绿化带积水和卫生死角，投放灭鼠药盒并登记位置。欢迎周边社区志愿者参加。',
      location: '万寿园小区中心花园',
      startAt: at(7, 9),
      endAt: at(7, 11),
      capacity: 20,
      openToAll: true,
      status: 'open',
      signups: [{ openid: 'demo-oc3', status: 'confirmed' }],
    },
    {
      id: DEMO_ACTIVITIES.ongoing,
      title: '防疫物资发放',
      category: 'epidemic_prevention',
      description: '为行动不便的老人上门发放口罩和常用药品，做好发放登记。',
      location: '红星社区党群服务中心',
      startAt: rel(-1),
      endAt: rel(3),
      capacity: 6,
      status: 'open',
      signups: [
        { openid: 'demo-oc', status: 'confirmed', in: rel(-1) },
        { openid: 'demo-volunteer', status: 'confirmed' },
        { openid: 'demo-oc3', status: 'confirmed' },
      ],
    },
    {
      id: DEMO_ACTIVITIES.pastHealth,
      title: '社区健康义诊引导',
      category: 'patriotic_health',
      description: '协助社区卫生服务站开展义诊：排队引导、测量血压登记、健康知识宣传。',
      location: '红星社区广场',
      startAt: at(-10, 8.5),
      endAt: at(-10, 11.5),
      capacity: 8,
      status: 'finished',
      signups: [
        { openid: 'demo-volunteer', status: 'confirmed', in: at(-10, 8.25), out: at(-10, 11.75) },
        { openid: 'demo-oc', status: 'confirmed', in: at(-10, 9), out: at(-10, 10) },
      ],
    },
    {
      id: DEMO_ACTIVITIES.pastClean,
      title: '万寿园小区环境整治',
      category: 'environment',
      description: '清理小区公共区域的白色垃圾和小广告，整理共享单车停放。',
      location: '万寿园小区',
      startAt: at(-30, 14),
      endAt: at(-30, 17),
      capacity: 10,
      status: 'finished',
      signups: [
        { openid: 'demo-volunteer', status: 'confirmed', in: at(-30, 14), out: at(-30, 16.5) },
        { openid: 'demo-resident2', status: 'confirmed', in: at(-30, 14), out: at(-30, 17) },
        { openid: 'demo-resident3', status: 'confirmed' },
      ],
    },
  ];

  const people = new Map(VOLUNTEER_PEOPLE.map((p) => [p.openid as string, p]));
  const hours = new Map<string, number>();
  const slots = new Map<string, Slot[]>();

  for (const p of plans) {
    const waitlist: string[] = [];
    let confirmed = 0;
    p.signups.forEach((su) => {
      if (su.status === 'confirmed') confirmed += 1;
      if (su.status === 'waitlisted') waitlist.push(s.userId(su.openid));
    });
    const createdAt = new Date(Date.parse(p.startAt) - 5 * 24 * HOUR).toISOString();
    const activity: ActivityDoc = {
      _id: p.id,
      communityId: DEMO.communityId,
      communityName: '红星社区',
      title: p.title,
      category: p.category,
      description: p.description,
      location: p.location,
      startAt: p.startAt,
      endAt: p.endAt,
      signupDeadline: p.startAt,
      capacity: p.capacity,
      waitlistEnabled: true,
      openToAll: p.openToAll ?? false,
      status: p.status,
      confirmedCount: confirmed,
      waitlistCount: waitlist.length,
      waitlist,
      signupSeq: p.signups.length,
      version: p.signups.length,
      organiser,
      createdBy: s.userId('demo-rc'),
      rules: { freeCancelHours: DEFAULT_RULES.freeCancelHours, attendanceMinRatio: DEFAULT_RULES.attendanceMinRatio },
      reminders: {},
      createdAt,
      updatedAt: createdAt,
    };
    await s.ops.insert(ACTIVITIES, activity);

    for (const [i, su] of p.signups.entries()) {
      const person = people.get(su.openid);
      if (!person) throw new Error(`demo signup of a non-volunteer: ${su.openid}`);
      const userId = s.userId(su.openid);
      const ended = Date.parse(p.endAt) <= nowMs;
      let attendance: Attendance = 'pending';
      let earned = 0;
      if (su.in && su.out) {
        const r = serviceHours({
          checkInAt: su.in,
          checkOutAt: su.out,
          startAt: p.startAt,
          endAt: p.endAt,
          minRatio: DEFAULT_RULES.attendanceMinRatio,
        });
        attendance = r.counted ? 'attended' : 'insufficient';
        earned = r.hours;
      } else if (su.in) attendance = 'checked_in';
      else if (su.status === 'confirmed' && ended) attendance = 'no_show';
      hours.set(userId, (hours.get(userId) ?? 0) + earned);
      if (su.status === 'confirmed' && !ended)
        slots.set(userId, [...(slots.get(userId) ?? []), { activityId: p.id, startAt: p.startAt, endAt: p.endAt }]);
      const signedAt = new Date(Date.parse(createdAt) + (i + 1) * HOUR).toISOString();
      const doc: SignupDoc = {
        _id: `${p.id}:${userId}`,
        activityId: p.id,
        userId,
        communityId: DEMO.communityId,
        status: su.status,
        seq: i + 1,
        round: 1,
        realName: person.realName,
        phone: person.phone,
        volunteerNo: `ZY${String(VOLUNTEER_PEOPLE.indexOf(person) + 1).padStart(6, '0')}`,
        title: p.title,
        category: p.category,
        description: p.description,
        location: p.location,
        startAt: p.startAt,
        endAt: p.endAt,
        organiser,
        attendance,
        hours: earned,
        lateCancel: false,
        createdAt: signedAt,
        updatedAt: su.out ?? su.in ?? signedAt,
      };
      if (su.in) doc.checkInAt = su.in;
      if (su.out) doc.checkOutAt = su.out;
      await s.ops.insert(SIGNUPS, doc);
    }
  }

  for (const [i, p] of VOLUNTEER_PEOPLE.entries()) {
    const userId = s.userId(p.openid);
    const v: VolunteerDoc = {
      _id: userId,
      communityId: DEMO.communityId,
      compoundId: p.compoundId,
      realName: p.realName,
      phone: p.phone,
      skills: [...p.skills],
      isPartyMember: p.isPartyMember,
      volunteerNo: `ZY${String(i + 1).padStart(6, '0')}`,
      totalHours: hours.get(userId) ?? 0,
      slots: slots.get(userId) ?? [],
      createdAt: nowIso,
      updatedAt: nowIso,
    };
    await s.ops.insert(VOLUNTEERS, v);
    await bumpBackbone(s.ops, v.communityId, { volunteerProfiles: 1, partyVolunteers: v.isPartyMember ? 1 : 0 });
  }
  await s.ops.insert(VOLUNTEER_COUNTERS, { _id: 'volunteer_no', last: VOLUNTEER_PEOPLE.length });
}
