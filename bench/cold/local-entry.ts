// What the cold-start bundles wrap: a function's real entry (createCloudEntry with the entry's
// actions, as in cloudfunctions/<fn>/index.ts) wired to the embedded runtime (SQLite store at
// $BENCH_DB) instead of CloudBase. bench/run.mjs bundles one per function, each importing only
// that function's entry; the scheduler's is local-scheduler-entry.ts.
import type { ActionMap } from '../../cloudfunctions/core/app/action';
import { createCloudEntry } from '../../cloudfunctions/core/runtime/cloud-entry';
import type { LazyActions } from '../../cloudfunctions/core/runtime/lazy-actions';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';

export function localDeps() {
  const filename = process.env.BENCH_DB;
  if (!filename) throw new Error('BENCH_DB is not set');
  return createLocalDeps({ filename });
}

export function localEntry(fn: string, actions: ActionMap | LazyActions) {
  return createCloudEntry(fn, actions, localDeps());
}
