// The roster's view of each signup: status, place in the queue, attendance as a coloured tag and
// the buttons an organiser may use on it — which buttons, and when, the server decides (`can`).
import type { RosterEntry, SignupStatus } from '../../../services/volunteer';
import { formatClock, formatHours } from '../../../pages/volunteer/format';

export const STATUS_TABS: Array<{ value: SignupStatus | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'confirmed', label: '已确认' },
  { value: 'waitlisted', label: '候补' },
  { value: 'cancelled', label: '已取消' },
];

type Theme = 'success' | 'warning' | 'default' | 'primary' | 'danger';

export interface RosterRow {
  userId: string;
  name: string;
  line: string;
  statusText: string;
  statusTheme: Theme;
  /** The attendance tag (confirmed signups only): 未签到, 已签到, 已签退, 时长不足, 缺席, 未签退. */
  attendanceTag: { text: string; theme: Theme } | null;
  /** Check-in and check-out times and the hours credited. */
  attendance: string;
  canCheckIn: boolean;
  canCheckOut: boolean;
  /** Whether a recorded time can be given or corrected (with a reason). */
  canCorrect: boolean;
}

const ATTENDANCE_THEMES: Record<RosterEntry['attendance'], Theme> = {
  pending: 'default',
  checked_in: 'primary',
  attended: 'success',
  insufficient: 'warning',
  no_show: 'danger',
};

/** A roster entry as its row shows it. */
export function toRow(e: RosterEntry): RosterRow {
  const confirmed = e.status === 'confirmed';
  let statusText = '已确认';
  let statusTheme: Theme = 'success';
  if (e.status === 'waitlisted') {
    statusText = `候补第 ${e.position ?? '-'} 位`;
    statusTheme = 'warning';
  } else if (e.status === 'cancelled') {
    statusText = e.lateCancel ? '迟退' : '已取消';
    statusTheme = e.lateCancel ? 'danger' : 'default';
  }
  const times = [e.checkInAt ? `签到 ${formatClock(e.checkInAt)}` : '', e.checkOutAt ? `签退 ${formatClock(e.checkOutAt)}` : ''];
  if (e.attendance === 'attended') times.push(`${formatHours(e.hours)} 小时`);
  return {
    userId: e.userId,
    name: e.realName,
    line: `${e.volunteerNo} · ${e.phoneMasked}`,
    statusText,
    statusTheme,
    attendanceTag: confirmed ? { text: e.attendanceLabel, theme: e.missingCheckOut ? 'danger' : ATTENDANCE_THEMES[e.attendance] } : null,
    attendance: confirmed ? times.filter(Boolean).join(' · ') : '',
    canCheckIn: e.can.checkIn,
    canCheckOut: e.can.checkOut,
    canCorrect: e.can.correct,
  };
}
