// Cloud function `volunteer`: see docs/API.md. Bundled to dist/functions/volunteer/index.js.
// Each group of actions is loaded on its first call (core/runtime/lazy-actions.ts).
import { createCloudEntry } from '../core/runtime/cloud-entry';
import { LazyActions } from '../core/runtime/lazy-actions';

export const actions = new LazyActions(
  () => import('../core/app/volunteer/actions').then((m) => m.volunteerActions),
  [
    [
      ['register', 'profile', 'createActivity', 'listActivities', 'getActivity', 'cancelActivity'],
      () => import('../core/app/volunteer/activity-actions').then((m) => m.activityActions),
    ],
    [['signup', 'cancel', 'mySignups', 'myRecords'], () => import('../core/app/volunteer/signup-actions').then((m) => m.signupActions)],
    [
      ['checkIn', 'checkOut', 'roster', 'revealPhone'],
      () => import('../core/app/volunteer/attendance-actions').then((m) => m.attendanceActions),
    ],
  ],
);

export const main = createCloudEntry('volunteer', actions);
