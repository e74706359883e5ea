import tcb from '@cloudbase/node-sdk';
import type { ActionMap } from '../app/action';
import type { Deps } from '../app/context';
import { dispatch } from '../app/dispatch';
import type { Result } from '../app/result';
import { tick } from '../app/scheduler/tick';
import { systemClock } from '../adapters/clocks';
import { messageDays } from '../domain/messages';
import { createCloudBaseStore } from '../adapters/cloudbase-store';
import { consoleLogger } from '../adapters/console-logger';
import { templatesFromEnv, WeChatSubscribeNotifier } from '../adapters/wechat-subscribe-notifier';
import { WeChatContentCheck } from '../adapters/wechat-content-check';

let deps: Deps | null = null;

/**
 * The production ports on a CloudBase app: CloudBase database, WeChat msgSecCheck, subscribe
 * messages with the template ids of SUBSCRIBE_TEMPLATES, messages kept MESSAGE_DAYS days.
 */
export function productionDeps(app: ReturnType<typeof tcb.init>, env: Record<string, string | undefined>): Deps {
  const store = createCloudBaseStore(app);
  return {
    store,
    clock: systemClock,
    contentCheck: new WeChatContentCheck(app),
    notifier: new WeChatSubscribeNotifier(
      store,
      systemClock,
      app,
      templatesFromEnv(env.SUBSCRIBE_TEMPLATES),
      consoleLogger,
      messageDays(env.MESSAGE_DAYS),
    ),
    logger: consoleLogger,
    userIdSalt: env.USER_ID_SALT ?? 'jingzhou-red-property',
  };
}

/** Built once per warm container. */
function cloudDeps(): Deps {
  if (!deps) deps = productionDeps(tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }), process.env);
  return deps;
}

/** The caller's OPENID as the platform injected it; nothing in the event is trusted for this. */
export function platformOpenid(context: unknown): string | null {
  if (typeof context !== 'object' || context === null) return null;
  try {
    const openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID;
    return typeof openid === 'string' && openid.length > 0 ? openid : null;
  } catch {
    // A context the SDK cannot parse carries no identity.
    return null;
  }
}

/** A platform context carrying `openid`, as CloudBase passes it to a function called from the mini-program. */
export function platformContextFor(openid: string | null): Record<string, string> {
  const environment: Record<string, string> = { WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_APPID: 'wx-local' };
  if (openid) environment.WX_OPENID = openid;
  return { environment: JSON.stringify(environment), request_id: 'local' };
}

/** A cloud function's `exports.main`: identity from the platform, dispatch on `event.action`. */
export function createCloudEntry(fn: string, actions: ActionMap, testDeps?: Deps) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    return dispatch(fn, actions, event, testDeps ?? cloudDeps(), platformOpenid(context));
  };
}

/** The scheduler's `exports.main`: runs only for its timer trigger, never for a user's call. */
export function createSchedulerEntry(testDeps?: Deps) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const timer = typeof event === 'object' && event !== null && (event as { Type?: unknown }).Type === 'Timer';
    if (!timer || platformOpenid(context)) return { ok: false, error: { code: 'FORBIDDEN', message: '定时任务不可由用户调用' } };
    return { ok: true, data: await tick(testDeps ?? cloudDeps()) };
  };
}
