import type { ActionMap } from '../action';
import { activityActions } from './activity-actions';
import { attendanceActions } from './attendance-actions';
import { signupActions } from './signup-actions';

/** volunteer: registration, activities, signup with capacity and waitlist, attendance, hours, records (API.md §5). */
export const volunteerActions: ActionMap = {
  ...activityActions,
  ...signupActions,
  ...attendanceActions,
};
