// The scheduler's cold-start bundle (see local-entry.ts): its real entry on the embedded runtime.
import { createSchedulerEntry } from '../../cloudfunctions/core/runtime/scheduler-entry';
import { localDeps } from './local-entry';

export function localSchedulerEntry() {
  return createSchedulerEntry(localDeps());
}
