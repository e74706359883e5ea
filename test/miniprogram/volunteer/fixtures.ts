// Volunteer answers shaped like the demo seed, for the page tests.
import type {
  ActivityDetail,
  ActivitySummary,
  RosterEntry,
  ServiceRecord,
  VolunteerProfile,
} from '../../../miniprogram/services/volunteer';

const HOUR = 3_600_000;
/** An ISO time `hours` from now (pages compare against the real clock). */
export const fromNow = (hours: number): string => new Date(Date.now() + hours * HOUR).toISOString();

export function summary(overrides: Partial<ActivitySummary> = {}): ActivitySummary {
  return {
    activityId: 'act_demo_cleanup',
    communityId: 'cm_hongxing',
    communityName: '红星社区',
    title: '江津花园楼道清洁日',
    category: 'environment',
    categoryLabel: '环境整治',
    location: '江津花园 1–8 栋',
    startAt: '2026-11-22T01:00:00.000Z',
    endAt: '2026-11-22T04:00:00.000Z',
    signupDeadline: '2026-11-22T01:00:00.000Z',
    capacity: 10,
    confirmedCount: 2,
    waitlistCount: 0,
    seatsLeft: 8,
    waitlistEnabled: true,
    openToAll: false,
    status: 'open',
    phase: 'signup_open',
    teamName: null,
    ...overrides,
  };
}

/**
 * An activity detail. Unless a test sets them, the fields the server decides follow its rules with
 * the fixture's phase standing in for the clock: a held signup may be cancelled before the activity
 * starts, late after `freeCancelUntil`, and leaving the waitlist is never late.
 */
export function detail(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  const d = {
    ...summary(),
    description: '清理楼道堆放杂物、擦拭扶手和信报箱。',
    organiser: { organisation: '红星社区居民委员会', personInCharge: '王秀兰', contact: '13907160003' },
    freeCancelUntil: fromNow(24),
    freeCancelHours: 2,
    attendanceMinRatio: 0.6,
    cancelReason: null,
    mySignup: null,
    isOrganiser: false,
    ...overrides,
  };
  const held = d.mySignup?.status === 'confirmed' || d.mySignup?.status === 'waitlisted';
  const canCancel = held && (d.phase === 'signup_open' || d.phase === 'signup_closed');
  return {
    canCancel,
    cancelIsLate: canCancel && d.mySignup?.status === 'confirmed' && Date.now() > Date.parse(d.freeCancelUntil),
    ...d,
  };
}

export function profile(overrides: Partial<VolunteerProfile> = {}): VolunteerProfile {
  return {
    userId: 'u_volunteer',
    volunteerNo: 'ZY000001',
    realName: '赵志远',
    phone: '13907160007',
    skills: ['急救', '宣传'],
    isPartyMember: true,
    isYouthLeagueMember: false,
    reportedMember: false,
    totalHours: 5.5,
    communityId: 'cm_hongxing',
    createdAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function record(overrides: Partial<ServiceRecord> = {}): ServiceRecord {
  return {
    recordId: 'act_demo_past_health:u_volunteer',
    activityId: 'act_demo_past_health',
    volunteerName: '赵志远',
    volunteerNo: 'ZY000001',
    title: '社区健康义诊引导',
    category: 'patriotic_health',
    categoryLabel: '爱国卫生',
    date: '2026-11-10',
    startAt: '2026-11-10T00:30:00.000Z',
    endAt: '2026-11-10T03:30:00.000Z',
    location: '红星社区广场',
    content: '协助社区卫生服务站开展义诊。',
    checkInAt: '2026-11-10T00:15:00.000Z',
    checkOutAt: '2026-11-10T03:45:00.000Z',
    hours: 3,
    organiser: { organisation: '红星社区居民委员会', personInCharge: '王秀兰', contact: '13907160003' },
    ...overrides,
  };
}

export function entry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    userId: 'u_volunteer',
    realName: '赵志远',
    volunteerNo: 'ZY000001',
    phoneMasked: '139****0007',
    status: 'confirmed',
    position: null,
    attendance: 'pending',
    checkInAt: null,
    checkOutAt: null,
    hours: 0,
    lateCancel: false,
    missingCheckOut: false,
    attendanceLabel: '未签到',
    can: { checkIn: false, checkOut: false, correct: false },
    signedUpAt: '2026-11-17T01:00:00.000Z',
    ...overrides,
  };
}

/** Waits until the page no longer shows a loading state (pages chain a few calls on first load). */
export async function untilLoaded(page: { text(): string; settle(ms?: number): Promise<void> }, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (/加载中…/.test(page.text()) && Date.now() < deadline) await page.settle(20);
}

/** Waits until the page shows `text` (after an action that reloads), or the timeout passes. */
export async function untilShown(
  page: { text(): string; settle(ms?: number): Promise<void> },
  text: string,
  timeoutMs = 2000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!page.text().includes(text) && Date.now() < deadline) await page.settle(20);
}
