import type { ActivityCategory, ActivityStatus } from '../../domain/activity';
import type { Attendance, CancelledBy, SignupStatus, Slot } from '../../domain/signup';
import type { Doc } from '../../ports/store';

export const VOLUNTEERS = 'volunteers';
export const ACTIVITIES = 'activities';
export const SIGNUPS = 'signups';
/** One counter document per community: the last volunteer number issued. */
export const VOLUNTEER_COUNTERS = 'volunteer_counters';

/** Who organises an activity, as a 志愿服务记录证明 names them. */
export interface Organiser {
  /** The organising body, e.g. 红星社区居民委员会. */
  organisation: string;
  personInCharge: string;
  contact: string;
}

/** A volunteer profile; `_id` is the user id. */
export interface VolunteerDoc extends Doc {
  communityId: string;
  compoundId: string;
  realName: string;
  phone: string;
  skills: string[];
  isPartyMember: boolean;
  /** 共青团员: with party members, the backbone of volunteering (RULES.md §7). */
  isYouthLeagueMember?: boolean;
  /** A party member reported in and confirmed by a community (RULES.md §7). */
  reportedMember?: boolean;
  /** 志愿者编号, unique: issued from the community's counter. */
  volunteerNo: string;
  /** Hours of attended records, kept equal to their sum by the check-out transaction. */
  totalHours: number;
  /** Confirmed activities not yet ended: refuses overlapping confirmations inside the transaction. */
  slots: Slot[];
  /**
   * Bumped with every change of `slots` (app/volunteer/seat-writes.ts): a seat change decided on
   * a profile read before its transaction writes only if the slots are still those it saw. Absent
   * on a profile whose slots never changed.
   */
  slotsRev?: number;
  createdAt: string;
  updatedAt: string;
}

/** An activity. Times are stored as UTC ISO strings so they compare as strings in queries. */
export interface ActivityDoc extends Doc {
  communityId: string;
  communityName: string;
  title: string;
  category: ActivityCategory;
  description: string;
  location: string;
  startAt: string;
  endAt: string;
  signupDeadline: string;
  capacity: number;
  waitlistEnabled: boolean;
  /** Whether volunteers of other communities may sign up; otherwise only this community's. */
  openToAll: boolean;
  status: ActivityStatus;
  confirmedCount: number;
  waitlistCount: number;
  /** FIFO waitlist of user ids; the head gets the next freed seat. */
  waitlist: string[];
  /** Signups ever taken, numbering them in arrival order. */
  signupSeq: number;
  /** Bumped on every seat change, guarding the conditional updates. */
  version: number;
  organiser: Organiser;
  createdBy: string;
  /** The volunteer team (志愿服务队) that publishes it, when its leader did. */
  teamId?: string;
  teamName?: string;
  /** The rules in force when published: volunteers sign up under these. */
  rules: { freeCancelHours: number; attendanceMinRatio: number };
  /** When each reminder round was sent. */
  reminders: { h24?: string; h2?: string };
  cancelReason?: string;
  cancelledAt?: string;
  /** Set once every signup of a cancelled activity has been released and notified. */
  cancelCleanupDone?: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * A signup; `_id` is `<activityId>:<userId>`, so a volunteer holds one per activity. It carries a
 * copy of the activity's facts, so it is the service record itself (志愿服务记录).
 */
export interface SignupDoc extends Doc {
  activityId: string;
  userId: string;
  communityId: string;
  status: SignupStatus;
  /** Arrival order within the activity. */
  seq: number;
  /** 1 for the first signup, +1 each time a cancelled signup is renewed. */
  round: number;
  realName: string;
  phone: string;
  volunteerNo: string;
  title: string;
  category: ActivityCategory;
  description: string;
  location: string;
  startAt: string;
  endAt: string;
  organiser: Organiser;
  attendance: Attendance;
  checkInAt?: string;
  checkOutAt?: string;
  hours: number;
  lateCancel: boolean;
  cancelledBy?: CancelledBy;
  cancelledAt?: string;
  promotedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export const signupIdOf = (activityId: string, userId: string): string => `${activityId}:${userId}`;
