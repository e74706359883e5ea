import {
  activityPhase,
  CATEGORY_LABELS,
  chinaDate,
  type ActivityCategory,
  type ActivityPhase,
  type ActivityStatus,
} from '../../domain/activity';
import { ATTENDANCE_LABELS, attendanceAt, attendanceOptions, missingCheckOut, type AttendanceOptions } from '../../domain/hours';
import { maskPhone } from '../../domain/phone';
import { cancelSignup, freeCancelUntil, waitlistPosition, type Attendance, type CancelledBy, type SignupStatus } from '../../domain/signup';
import type { Page } from '../fields';
import type { ActivityDoc, Organiser, SignupDoc, VolunteerDoc } from './model';

/** volunteer.signup answer. */
export type SignupResult = { status: 'confirmed' } | { status: 'waitlisted'; position: number };

/** volunteer.cancel answer. */
export interface CancelAnswer {
  status: 'cancelled';
  lateCancel: boolean;
  promoted: number;
}

/** volunteer.roster answer: a page of entries with the activity's counters and attendance window. */
export interface RosterPage extends Page<RosterEntry> {
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  /** When check-in opens (ISO); before then the roster says so instead of showing buttons. */
  checkInOpensAt: string;
  /** Whether attendance can be recorded now (from the opening until the correction window closes). */
  attendanceOpen: boolean;
  /** The volunteer team (志愿服务队) the activity is published for, if any. */
  teamName: string | null;
}

/** volunteer.myRecords answer. */
export interface MyRecords {
  volunteer: VolunteerProfile;
  totalHours: number;
  records: ServiceRecord[];
  nextCursor: string | null;
}

/** An activity as a list card shows it. */
export interface ActivitySummary {
  activityId: string;
  communityId: string;
  communityName: string;
  title: string;
  category: ActivityCategory;
  categoryLabel: string;
  location: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  seatsLeft: number;
  waitlistEnabled: boolean;
  openToAll: boolean;
  status: ActivityStatus;
  phase: ActivityPhase;
  /** The volunteer team that publishes it, if any. */
  teamName: string | null;
}

/** The caller's own signup on an activity. */
export interface MySignup {
  status: SignupStatus;
  /** 1-based place in the waitlist while waitlisted, else null. */
  position: number | null;
  attendance: Attendance;
  /** The attendance in words. */
  attendanceLabel: string;
  checkInAt: string | null;
  checkOutAt: string | null;
  hours: number;
  lateCancel: boolean;
  cancelledBy: CancelledBy | null;
}

/** An activity with everything its detail page shows. */
export interface ActivityDetail extends ActivitySummary {
  description: string;
  organiser: Organiser;
  /** Cancelling after this moment is recorded as a late cancellation. */
  freeCancelUntil: string;
  /** Hours before the start until which cancelling is free (the community's rule). */
  freeCancelHours: number;
  /** Whether the caller may cancel their signup now. */
  canCancel: boolean;
  /** Whether cancelling now would be recorded as late (never for leaving the waitlist). */
  cancelIsLate: boolean;
  attendanceMinRatio: number;
  cancelReason: string | null;
  mySignup: MySignup | null;
  /** Whether the caller may manage it (roster, check-in, cancel). */
  isOrganiser: boolean;
}

/** A volunteer's own profile. */
export interface VolunteerProfile {
  userId: string;
  volunteerNo: string;
  realName: string;
  phone: string;
  skills: string[];
  isPartyMember: boolean;
  isYouthLeagueMember: boolean;
  reportedMember: boolean;
  totalHours: number;
  communityId: string;
  createdAt: string;
}

/** One line of an activity's roster, as organisers see it (phone masked). */
export interface RosterEntry {
  userId: string;
  realName: string;
  volunteerNo: string;
  phoneMasked: string;
  status: SignupStatus;
  position: number | null;
  attendance: Attendance;
  checkInAt: string | null;
  checkOutAt: string | null;
  hours: number;
  lateCancel: boolean;
  /** Checked in but not checked out after the end (未签退): the organiser must set the check-out time. */
  missingCheckOut: boolean;
  /** The attendance in words: 未签退 when `missingCheckOut`, else the state's label. */
  attendanceLabel: string;
  /** What the organiser may record now (the roster's buttons; the actions check again). */
  can: AttendanceOptions;
  signedUpAt: string;
}

/**
 * One service record: the fields a residents' committee needs to issue a 志愿服务记录证明
 * (RULES.md §3) — the volunteer, the activity, the hours and the organiser.
 */
export interface ServiceRecord {
  recordId: string;
  activityId: string;
  volunteerName: string;
  volunteerNo: string;
  title: string;
  category: ActivityCategory;
  categoryLabel: string;
  /** The service date in China time, YYYY-MM-DD. */
  date: string;
  startAt: string;
  endAt: string;
  location: string;
  content: string;
  checkInAt: string;
  checkOutAt: string;
  hours: number;
  organiser: Organiser;
}

/** One of the caller's signups, newest activity first. */
export interface MySignupItem extends MySignup {
  activityId: string;
  title: string;
  category: ActivityCategory;
  categoryLabel: string;
  location: string;
  startAt: string;
  endAt: string;
}

export function activitySummary(a: ActivityDoc, now: Date): ActivitySummary {
  return {
    activityId: a._id,
    communityId: a.communityId,
    communityName: a.communityName,
    title: a.title,
    category: a.category,
    categoryLabel: CATEGORY_LABELS[a.category],
    location: a.location,
    startAt: a.startAt,
    endAt: a.endAt,
    signupDeadline: a.signupDeadline,
    capacity: a.capacity,
    confirmedCount: a.confirmedCount,
    waitlistCount: a.waitlistCount,
    seatsLeft: Math.max(0, a.capacity - a.confirmedCount),
    waitlistEnabled: a.waitlistEnabled,
    openToAll: a.openToAll,
    status: a.status,
    phase: activityPhase(a, now),
    teamName: a.teamName ?? null,
  };
}

/** The attendance as of `now`, with its label. */
function attendanceOf(s: SignupDoc, endAt: string, now: Date): { attendance: Attendance; attendanceLabel: string } {
  const attendance = attendanceAt(s, endAt, now);
  return { attendance, attendanceLabel: ATTENDANCE_LABELS[attendance] };
}

export function mySignup(s: SignupDoc, a: Pick<ActivityDoc, 'waitlist' | 'endAt'>, now: Date): MySignup {
  return {
    status: s.status,
    position: s.status === 'waitlisted' ? waitlistPosition(a.waitlist, s.userId) : null,
    ...attendanceOf(s, a.endAt, now),
    checkInAt: s.checkInAt ?? null,
    checkOutAt: s.checkOutAt ?? null,
    hours: s.hours,
    lateCancel: s.lateCancel,
    cancelledBy: s.cancelledBy ?? null,
  };
}

export function activityDetail(a: ActivityDoc, signup: SignupDoc | null, isOrganiser: boolean, now: Date): ActivityDetail {
  const held = signup?.status === 'confirmed' || signup?.status === 'waitlisted' ? signup.status : null;
  const decision = held ? cancelSignup(a, held, a.rules.freeCancelHours, now) : null;
  return {
    ...activitySummary(a, now),
    description: a.description,
    organiser: a.organiser,
    freeCancelUntil: freeCancelUntil(a.startAt, a.rules.freeCancelHours),
    freeCancelHours: a.rules.freeCancelHours,
    canCancel: decision?.allowed === true,
    cancelIsLate: decision?.allowed === true && decision.late,
    attendanceMinRatio: a.rules.attendanceMinRatio,
    cancelReason: a.cancelReason ?? null,
    mySignup: signup ? mySignup(signup, a, now) : null,
    isOrganiser,
  };
}

export function volunteerProfile(v: VolunteerDoc): VolunteerProfile {
  return {
    userId: v._id,
    volunteerNo: v.volunteerNo,
    realName: v.realName,
    phone: v.phone,
    skills: v.skills,
    isPartyMember: v.isPartyMember,
    isYouthLeagueMember: v.isYouthLeagueMember ?? false,
    reportedMember: v.reportedMember ?? false,
    totalHours: v.totalHours,
    communityId: v.communityId,
    createdAt: v.createdAt,
  };
}

export function rosterEntry(s: SignupDoc, a: Pick<ActivityDoc, 'waitlist' | 'status' | 'startAt' | 'endAt'>, now: Date): RosterEntry {
  const attendance = attendanceAt(s, a.endAt, now);
  const missing = missingCheckOut(s, a.endAt, now);
  return {
    userId: s.userId,
    realName: s.realName,
    volunteerNo: s.volunteerNo,
    phoneMasked: maskPhone(s.phone),
    status: s.status,
    position: s.status === 'waitlisted' ? waitlistPosition(a.waitlist, s.userId) : null,
    attendance,
    checkInAt: s.checkInAt ?? null,
    checkOutAt: s.checkOutAt ?? null,
    hours: s.hours,
    lateCancel: s.lateCancel,
    missingCheckOut: missing,
    attendanceLabel: missing ? '未签退' : ATTENDANCE_LABELS[attendance],
    can: attendanceOptions(s, a, now),
    signedUpAt: s.createdAt,
  };
}

export function serviceRecord(s: SignupDoc): ServiceRecord {
  return {
    recordId: s._id,
    activityId: s.activityId,
    volunteerName: s.realName,
    volunteerNo: s.volunteerNo,
    title: s.title,
    category: s.category,
    categoryLabel: CATEGORY_LABELS[s.category],
    date: chinaDate(s.startAt),
    startAt: s.startAt,
    endAt: s.endAt,
    location: s.location,
    content: s.description,
    checkInAt: s.checkInAt ?? '',
    checkOutAt: s.checkOutAt ?? '',
    hours: s.hours,
    organiser: s.organiser,
  };
}

export function mySignupItem(s: SignupDoc, now: Date): MySignupItem {
  return {
    activityId: s.activityId,
    title: s.title,
    category: s.category,
    categoryLabel: CATEGORY_LABELS[s.category],
    location: s.location,
    startAt: s.startAt,
    endAt: s.endAt,
    status: s.status,
    // The live position needs the activity; the list shows "候补中" and the detail page the number.
    position: null,
    ...attendanceOf(s, s.endAt, now),
    checkInAt: s.checkInAt ?? null,
    checkOutAt: s.checkOutAt ?? null,
    hours: s.hours,
    lateCancel: s.lateCancel,
    cancelledBy: s.cancelledBy ?? null,
  };
}
