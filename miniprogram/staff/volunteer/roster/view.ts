// The roster's view of each signup: status, place in the queue, attendance and the buttons an
// organiser may use on it.
import type { RosterEntry, SignupStatus } from '../../../services/volunteer';
import { ATTENDANCE_LABELS, formatClock, formatHours } from '../../../pages/volunteer/format';

export const STATUS_TABS: Array<{ value: SignupStatus | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'confirmed', label: '已确认' },
  { value: 'waitlisted', label: '候补' },
  { value: 'cancelled', label: '已取消' },
];

export interface RosterRow {
  userId: string;
  name: string;
  line: string;
  statusText: string;
  statusTheme: 'success' | 'warning' | 'default' | 'primary' | 'danger';
  attendance: string;
  canCheckIn: boolean;
  canCheckOut: boolean;
  /** Whether a recorded time can be corrected (with a reason). */
  canCorrect: boolean;
}

/** When attendance may be recorded, from the activity's times (the server checks again). */
export interface AttendanceWindow {
  /** From an hour before the start until the end: check-in. */
  checkInOpen: boolean;
  /** From an hour before the start on (hours are clipped to the activity): check-out and corrections. */
  started: boolean;
}

const CHECK_IN_OPENS_MS = 60 * 60_000;

/** The attendance window of an activity at `nowMs`. */
export function attendanceWindow(a: { startAt: string; endAt: string; status: string }, nowMs: number): AttendanceWindow {
  if (a.status === 'cancelled') return { checkInOpen: false, started: false };
  const opens = Date.parse(a.startAt) - CHECK_IN_OPENS_MS;
  return { checkInOpen: nowMs >= opens && nowMs < Date.parse(a.endAt), started: nowMs >= opens };
}

/** A roster entry as its row shows it. */
export function toRow(e: RosterEntry, w: AttendanceWindow): RosterRow {
  const confirmed = e.status === 'confirmed';
  let statusText = '已确认';
  let statusTheme: RosterRow['statusTheme'] = 'success';
  if (e.status === 'waitlisted') {
    statusText = `候补第 ${e.position ?? '-'} 位`;
    statusTheme = 'warning';
  } else if (e.status === 'cancelled') {
    statusText = e.lateCancel ? '迟退' : '已取消';
    statusTheme = e.lateCancel ? 'danger' : 'default';
  }
  let attendance = '';
  if (confirmed) {
    const times = [e.checkInAt ? `签到 ${formatClock(e.checkInAt)}` : '', e.checkOutAt ? `签退 ${formatClock(e.checkOutAt)}` : '']
      .filter(Boolean)
      .join(' · ');
    const hours = e.attendance === 'attended' ? ` · ${formatHours(e.hours)} 小时` : '';
    attendance = `${ATTENDANCE_LABELS[e.attendance]}${times ? ` · ${times}` : ''}${hours}`;
  }
  return {
    userId: e.userId,
    name: e.realName,
    line: `${e.volunteerNo} · ${e.phoneMasked}`,
    statusText,
    statusTheme,
    attendance,
    canCheckIn: w.checkInOpen && confirmed && !e.checkInAt,
    canCheckOut: w.started && confirmed && !!e.checkInAt && !e.checkOutAt,
    canCorrect: w.started && confirmed,
  };
}
