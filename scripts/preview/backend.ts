// The backend behind the previewed pages: the real use cases (dispatch, the same path the gateway
// takes) on an in-memory SQLite seeded with the demo data — no stand-in answers.
import { backfillCounters } from '../../cloudfunctions/core/app/admin/recount';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import { recountBackbone } from '../../cloudfunctions/core/app/outreach/stats';
import { dispatch } from '../../cloudfunctions/core/app/dispatch';
import { FUNCTIONS, isFunctionName } from '../../cloudfunctions/core/app/functions';
import type { Logger } from '../../cloudfunctions/core/ports/logger';
import { createLocalDeps } from '../../cloudfunctions/core/runtime/local-deps';
import { seedDemo } from '../../cloudfunctions/core/seed/demo';
import { ROLES, type BackendCall } from './pages';
import { whole } from '../../cloudfunctions/core/ports/store';

/** What the `empty` backend keeps: the community and its people, so users are still registered. */
const KEPT_IN_EMPTY = new Set(['users', 'streets', 'communities', 'compounds', 'firms']);

export interface Envelope {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

export interface PreviewBackend {
  /** Answers one call of the mini-program, as the gateway would for this openid. */
  route(fn: string, action: string, data: unknown, openid: string | null): Promise<Envelope>;
  /** Calls as a demo role (to find ids for a page's query). */
  call: BackendCall;
  /** Errors the use cases logged (a bug shows up as INTERNAL on the page and here). */
  errors: string[];
  close(): Promise<void>;
}

/** A seeded in-memory backend; `empty` removes everything but the community and its people. */
export async function createPreviewBackend(mode: 'demo' | 'empty'): Promise<PreviewBackend> {
  const errors: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    error: (message, err) => void errors.push(`${message}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
  };
  const deps = createLocalDeps({ filename: ':memory:', logger });
  await seedDemo(deps);
  if (mode === 'empty') {
    for (const { name } of COLLECTIONS) {
      if (KEPT_IN_EMPTY.has(name)) continue;
      for (;;) {
        const docs = await deps.store.find<{ _id: string }>(name, {}, { limit: whole(500) });
        if (docs.length === 0) break;
        for (const d of docs) await deps.store.remove(name, d._id);
      }
    }
    // The figures counted on each community (oversight, backbone) follow the records that are left,
    // as a deployment's recount sets them.
    await backfillCounters(deps, { onlyMissing: false });
    for (const c of await deps.store.find<{ _id: string }>('communities', {})) {
      await deps.store.update('communities', c._id, { $set: { backbone: await recountBackbone(deps.store, c._id) } });
    }
  }
  const route: PreviewBackend['route'] = async (fn, action, data, openid) => {
    if (!isFunctionName(fn)) return { ok: false, error: { code: 'NOT_FOUND', message: `没有云函数 ${fn}` } };
    return (await dispatch(fn, FUNCTIONS[fn], { action, data }, deps, openid)) as Envelope;
  };
  return {
    route,
    call: (fn, action, data, as) => route(fn, action, data, ROLES[as].openid),
    errors,
    close: () => deps.store.close(),
  };
}
