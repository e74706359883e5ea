// What the cold-start bundles wrap: a function's real entry (createCloudEntry, as in
// cloudfunctions/<fn>/index.ts) wired to the embedded runtime (SQLite store at $BENCH_DB) instead of
// CloudBase. bench/run.mjs bundles one per function, each importing only that function's actions.
import type { ActionMap } from '../../cloudfunctions/core/app/action';
import { createCloudEntry, createSchedulerEntry } from '../../cloudfunctions/core/runtime/cloud-entry';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';

function localDeps() {
  const filename = process.env.BENCH_DB;
  if (!filename) throw new Error('BENCH_DB is not set');
  return createLocalDeps({ filename });
}

export function localEntry(fn: string, actions: ActionMap) {
  return createCloudEntry(fn, actions, localDeps());
}

export function localSchedulerEntry() {
  return createSchedulerEntry(localDeps());
}
