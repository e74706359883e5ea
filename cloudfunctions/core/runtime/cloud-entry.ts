import tcb from '@cloudbase/node-sdk';
import type { ActionMap } from '../app/action';
import type { Deps } from '../app/context';
import { dispatch } from '../app/dispatch';
import { fail, type Failure, type Result } from '../app/result';
import { BudgetedStore, budgetedContentCheck, TimeBudget } from '../adapters/call-budget';
import { systemClock } from '../adapters/clocks';
import { CloudBaseFiles } from '../adapters/cloudbase-files';
import { messageDays } from '../domain/messages';
import { createCloudBaseStore, initCloudBase } from '../adapters/cloudbase-store';
import { consoleLogger } from '../adapters/console-logger';
import { templatesFromEnv, WeChatSubscribeNotifier } from '../adapters/wechat-subscribe-notifier';
import { WeChatContentCheck } from '../adapters/wechat-content-check';
import { callBudgetMs, isDeployedFunction, type DeployedFunction } from '../app/function-timeouts';
import { LazyActions } from './lazy-actions';

let deps: Deps | null = null;

/** A function deployed without a setting it cannot run without: it answers no call. */
export class NotConfiguredError extends Error {
  override name = 'NotConfiguredError';
}

/**
 * The production ports on a CloudBase app: CloudBase database, WeChat msgSecCheck, subscribe
 * messages with the template ids of SUBSCRIBE_TEMPLATES, messages kept MESSAGE_DAYS days.
 * Each call of `fn` runs in its time budget, inside the timeout cloudbaserc.json gives `fn`
 * (app/function-timeouts.ts): past it the call answers UNAVAILABLE `TIME_BUDGET_EXCEEDED`
 * instead of being killed. The SDK's 3 s request timeout (cloudbase-store.ts) fails a stuck
 * request before that.
 */
export function productionDeps(app: ReturnType<typeof tcb.init>, env: Record<string, string | undefined>, fn: DeployedFunction): Deps {
  // The salt keys user ids, owner keys and ballot receipts: a public default would let anyone derive them.
  const userIdSalt = env.USER_ID_SALT;
  if (!userIdSalt) throw new NotConfiguredError('USER_ID_SALT is not set (docs/DEPLOY.md, step 1)');
  // Every use of the store — use cases and the notifier's outbox alike — is bounded by the call's budget.
  const store = new BudgetedStore(createCloudBaseStore(app));
  return {
    store,
    budget: new TimeBudget(callBudgetMs(fn)),
    clock: systemClock,
    contentCheck: budgetedContentCheck(new WeChatContentCheck(app)),
    notifier: new WeChatSubscribeNotifier(
      store,
      systemClock,
      app,
      templatesFromEnv(env.SUBSCRIBE_TEMPLATES),
      consoleLogger,
      messageDays(env.MESSAGE_DAYS),
    ),
    logger: consoleLogger,
    files: new CloudBaseFiles(app),
    userIdSalt,
  };
}

/**
 * Built once per warm container. A container missing a required setting refuses every call: the
 * log says which setting, the caller gets UNAVAILABLE `FUNCTION_NOT_CONFIGURED` (API.md).
 */
export function cloudDeps(fn: string): Deps | Failure {
  if (deps) return deps;
  if (!isDeployedFunction(fn)) throw new Error(`${fn} is not a function of cloudbaserc.json: it has no timeout, so no budget`);
  try {
    deps = productionDeps(initCloudBase(), process.env, fn);
    return deps;
  } catch (err) {
    if (!(err instanceof NotConfiguredError)) throw err;
    consoleLogger.error(`function not configured, refusing the call: ${err.message}`);
    return fail('UNAVAILABLE', '服务尚未完成配置，请联系管理员', 'FUNCTION_NOT_CONFIGURED');
  }
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

/**
 * A cloud function's `exports.main`: identity from the platform, dispatch on `event.action`.
 * With LazyActions (the deployed entries), only the called action's group is loaded.
 */
export function createCloudEntry(fn: string, actions: ActionMap | LazyActions, testDeps?: Deps) {
  return async function main(event: unknown, context: unknown): Promise<Result<unknown>> {
    const d = testDeps ?? cloudDeps(fn);
    if ('error' in d) return d;
    const run = async () =>
      dispatch(fn, actions instanceof LazyActions ? await actions.forEvent(event) : actions, event, d, platformOpenid(context));
    return d.budget ? d.budget.run(run) : run();
  };
}
