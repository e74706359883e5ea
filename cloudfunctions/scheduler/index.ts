// Cloud function `scheduler`: timer-triggered every 10 minutes (cloudbaserc.json); not callable by users.
import { createSchedulerEntry } from '../core/runtime/scheduler-entry';

export const main = createSchedulerEntry();
