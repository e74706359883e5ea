import type { core } from 'zod/mini';
import { ServiceUnavailableError, UnavailableError } from '../ports/unavailable';
import type { ActionMap } from './action';
import { USERS, type UserDoc } from './account/user';
import type { AppContext, Deps } from './context';
import { checkInputText, perCallCheck } from './content';
import { userIdFor } from './ids';
import { beginOnce, type Once } from './idempotency';
import { fail, failures, type InputIssue, type Result } from './result';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function issuesOf(error: core.$ZodError): InputIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** The refusal of a caller the action's access level does not admit, or null. */
function gate(access: 'registered' | 'active', user: UserDoc | null): Result<unknown> | null {
  if (!user) return failures.notRegistered();
  if (access === 'active' && user.status !== 'active') return failures.notActive();
  return null;
}

/**
 * Runs one call of a function: finds the action, validates its input, establishes the caller
 * from the platform identity, applies idempotency, and answers with the envelope. A platform
 * failure (UnavailableError) is answered as UNAVAILABLE with its reason; only bugs remain, logged
 * and answered as INTERNAL without detail.
 */
export async function dispatch(
  fn: string,
  actions: ActionMap,
  event: unknown,
  deps: Deps,
  openid: string | null,
): Promise<Result<unknown>> {
  try {
    if (!isPlainObject(event) || typeof event.action !== 'string') {
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: '请求格式不正确：缺少 action', issues: [{ path: ['action'], message: '必填' }] },
      };
    }
    const name = event.action;
    if (!Object.prototype.hasOwnProperty.call(actions, name)) return fail('UNKNOWN_ACTION', `未知操作：${name.slice(0, 40)}`);
    const def = actions[name];

    const raw = event.data === undefined || event.data === null ? {} : event.data;
    const parsed = def.input.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '输入有误，请检查后重试', issues: issuesOf(parsed.error) } };
    }

    const callerId = openid ? userIdFor(openid, deps.userIdSalt) : null;
    if (def.access !== 'public' && !openid) return failures.unauthenticated();
    const input = parsed.data as Record<string, unknown>;
    const token = def.idempotent && isPlainObject(input) && typeof input.clientToken === 'string' ? input.clientToken : null;
    // The idempotency claim is issued now, so it travels in the same round as the reads below.
    let once: Once | null = null;
    if (token && callerId) {
      const { clientToken: _omit, ...payload } = input;
      once = beginOnce(deps, `${callerId}:${token}`, { fn, action: name, payload });
    }
    const needsUser = def.access === 'registered' || def.access === 'active' || def.access === 'identified';
    // One round: the caller's record (its id derives from the OPENID), the action's own reads and the claim.
    let user: UserDoc | null;
    let loaded: unknown;
    try {
      [user, loaded] = await Promise.all([
        needsUser && callerId ? deps.store.get<UserDoc>(USERS, callerId) : null,
        def.load ? def.load(parsed.data, { store: deps.store, callerId, now: deps.clock.now() }) : undefined,
      ]);
    } catch (err) {
      await once?.release().catch(() => undefined);
      throw err;
    }
    const ctx: AppContext & { loaded: unknown } = {
      ...deps,
      contentCheck: perCallCheck(deps.contentCheck),
      openid,
      callerId,
      user,
      loaded,
      ...(once ? { storeResultIn: once.storeIn } : {}),
    };
    const admitted = def.access === 'registered' || def.access === 'active' ? gate(def.access, user) : null;
    const refused = admitted ?? (await checkInputText(def.input, input, ctx));
    if (refused) {
      // Refused before its work: the claim (if ours) is given back, and the call leaves no trace.
      await once?.release();
      return refused;
    }
    return once ? await once.run(() => def.run(input, ctx)) : await def.run(input, ctx);
  } catch (err) {
    if (err instanceof UnavailableError) {
      deps.logger.error(`${fn} unavailable: ${err.reason}`, err.detail ?? err);
      return fail('UNAVAILABLE', err.message, err.reason);
    }
    if (err instanceof ServiceUnavailableError) {
      deps.logger.info(`${fn}: ${err.message}`);
      return failures.unavailable();
    }
    deps.logger.error(`${fn} failed`, err);
    return failures.internal();
  }
}
