// How the volunteer pages word things: times in China time, seats, a person's own
// status, and which button the activity page offers. Plain functions, so they are tested alone.
import type { ActivityDetail, ActivitySummary, MySignupItem } from '../../services/volunteer';
import { chinaParts, formatTime } from '../../utils/china-time';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `11月22日 周日 09:00–12:00` (the end's date too when it is another day). */
export function formatWindow(startAt: string, endAt: string): string {
  const s = chinaParts(startAt);
  const e = chinaParts(endAt);
  const sameDay = s.y === e.y && s.m === e.m && s.d === e.d;
  return `${s.m}月${s.d}日 周${WEEKDAYS[s.w]} ${s.hm}–${sameDay ? '' : `${e.m}月${e.d}日 `}${e.hm}`;
}

export { formatTime };

/** `09:10`. */
export function formatClock(iso: string | null | undefined): string {
  return iso ? chinaParts(iso).hm : '';
}

/** Hours as people say them: `3`, `2.5`. */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 10) / 10);
}

/** The seats line of a card: seats left, or the waitlist once full. */
export function seatsText(
  a: Pick<ActivitySummary, 'status' | 'phase' | 'seatsLeft' | 'capacity' | 'waitlistCount' | 'waitlistEnabled'>,
): string {
  if (a.status === 'cancelled') return '活动已取消';
  if (a.phase === 'ended') return '活动已结束';
  if (a.seatsLeft > 0) return `剩余 ${a.seatsLeft} 个名额（共 ${a.capacity}）`;
  if (a.waitlistEnabled) return a.waitlistCount > 0 ? `名额已满 · ${a.waitlistCount} 人候补` : '名额已满 · 可候补';
  return '名额已满';
}

/** The phase tag of a card or the detail page. */
export function phaseTag(a: Pick<ActivitySummary, 'phase'>): {
  text: string;
  theme: 'success' | 'warning' | 'default' | 'danger' | 'primary';
} {
  switch (a.phase) {
    case 'signup_open':
      return { text: '报名中', theme: 'success' };
    case 'signup_closed':
      return { text: '报名截止', theme: 'warning' };
    case 'in_progress':
      return { text: '进行中', theme: 'primary' };
    case 'ended':
      return { text: '已结束', theme: 'default' };
    case 'cancelled':
      return { text: '已取消', theme: 'danger' };
  }
}

/** An activity as its list card shows it. */
export interface ActivityCard {
  activityId: string;
  title: string;
  categoryLabel: string;
  when: string;
  location: string;
  seats: string;
  full: boolean;
  tag: { text: string; theme: string };
}

export function toCard(a: ActivitySummary): ActivityCard {
  return {
    activityId: a.activityId,
    title: a.title,
    categoryLabel: a.categoryLabel,
    when: formatWindow(a.startAt, a.endAt),
    location: a.location,
    seats: seatsText(a),
    full: a.seatsLeft === 0,
    tag: phaseTag(a),
  };
}

/** What attendance words a person sees. */
/** The caller's own status on an activity, in words; empty when not signed up. */
export function myStatusText(s: ActivityDetail['mySignup'] | MySignupItem | null): string {
  if (!s) return '';
  if (s.status === 'waitlisted') return s.position ? `候补第 ${s.position} 位` : '候补中';
  if (s.status === 'cancelled') {
    if (s.cancelledBy === 'activity_cancelled') return '活动已取消';
    if (s.cancelledBy === 'time_conflict') return '候补已取消（时间冲突）';
    return s.lateCancel ? '已取消报名（迟退）' : '已取消报名';
  }
  if (s.attendance === 'attended') return `已完成 · ${formatHours(s.hours)} 小时`;
  if (s.attendance === 'pending') return '已报名';
  return s.attendanceLabel;
}

/** The main button of the activity page. */
export type DetailAction = 'signup' | 'waitlist' | 'cancel' | 'none';

/** Which button to offer the caller, and whether cancelling now would be late (both as the server decided). */
export function detailAction(a: ActivityDetail): { action: DetailAction; lateCancel: boolean } {
  const mine = a.mySignup;
  if (mine && (mine.status === 'confirmed' || mine.status === 'waitlisted')) {
    return a.canCancel ? { action: 'cancel', lateCancel: a.cancelIsLate } : { action: 'none', lateCancel: false };
  }
  if (a.phase !== 'signup_open') return { action: 'none', lateCancel: false };
  if (a.seatsLeft > 0 && a.waitlistCount === 0) return { action: 'signup', lateCancel: false };
  return { action: a.waitlistEnabled ? 'waitlist' : 'none', lateCancel: false };
}

/** A client token for one tap of 报名: retries of that tap reuse it, a new tap gets a new one. */
export function newClientToken(nowMs: number = Date.now()): string {
  return `su${nowMs.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
