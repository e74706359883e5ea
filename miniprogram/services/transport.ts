// The one door to the backend: every service goes through `call`, which picks the transport from
// config.ts and always resolves to the API envelope — transport failures included — so pages
// handle one shape and never a thrown error. A call that does not reach the function, or comes back
// without an envelope, answers UNAVAILABLE with a reason saying what happened (API.md, Conventions);
// the platform's own error code goes to the log (DevTools console, real-time log), never to the user.
import type { ApiResult, AppError, Reason, TransportReason } from '../../typings/api';
import { config } from '../config';
import { cloudConfigProblem } from '../utils/cloud-config';
import { devOpenid } from '../utils/dev-account';
import { cloudTimeoutMs, type FunctionName } from './timeouts';

export type { TransportReason };

export type { FunctionName };

const MESSAGES: Record<TransportReason, string> = {
  NETWORK: '网络连接失败，请检查网络后重试',
  CLIENT_TIMEOUT: '请求超时，请检查网络后重试',
  FUNCTION_NOT_FOUND: '服务暂不可用（云函数未部署），请联系管理员',
  FUNCTION_TIMEOUT: '服务响应超时，请稍后重试',
  FUNCTION_FAILED: '服务出现异常，请稍后重试',
  ENV_NOT_FOUND: '云开发环境配置有误，请联系管理员',
  CLOUD_NOT_ENABLED: '云开发未开通或无权限调用，请联系管理员',
  QUOTA_EXCEEDED: '当前访问人数较多，请稍后重试',
  BAD_RESPONSE: '服务返回异常，请稍后重试',
  CLOUD_CALL_FAILED: '服务暂时不可用，请稍后重试',
  CLOUD_ENV_NOT_SET: '小程序尚未完成配置（云开发环境未设置），暂时无法使用',
};

/** The envelope of a call that got no answer from its function. */
export function transportFailure(reason: TransportReason): AppError {
  return { code: 'UNAVAILABLE', message: MESSAGES[reason], reason };
}

/** The failure a page shows when the backend could not be reached. */
export const NETWORK_ERROR: AppError = transportFailure('NETWORK');

const LOCAL_TIMEOUT_MS = 15000;

function failed<T>(reason: TransportReason): ApiResult<T> {
  return { ok: false, error: transportFailure(reason) };
}

/** Whether a response body is an envelope (and not, say, a proxy's error page). */
function isEnvelope<T>(body: unknown): body is ApiResult<T> {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (b.ok === true) return 'data' in b;
  return (
    b.ok === false &&
    typeof b.error === 'object' &&
    b.error !== null &&
    typeof b.error.code === 'string' &&
    typeof b.error.message === 'string'
  );
}

function callLocal<T>(fn: FunctionName, action: string, data: object): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    try {
      wx.request({
        url: `${config.localBaseUrl}/functions/${fn}`,
        method: 'POST',
        header: { 'content-type': 'application/json', 'x-openid': devOpenid() },
        data: { action, data },
        timeout: LOCAL_TIMEOUT_MS,
        // The gateway answers its errors with an envelope too (400, 404), so any status will do.
        success: (res) => resolve(isEnvelope<T>(res.data) ? res.data : failed<T>('BAD_RESPONSE')),
        fail: (err) => {
          console.error(`[transport] ${fn}.${action}: gateway not reached`, err);
          resolve(failed<T>(/timeout/i.test(String(err?.errMsg)) ? 'CLIENT_TIMEOUT' : 'NETWORK'));
        },
      });
    } catch (err) {
      console.error(`[transport] ${fn}.${action}: wx.request threw`, err);
      resolve(failed<T>('NETWORK'));
    }
  });
}

/** The numeric code of a wx.cloud failure: `errCode`, or the one its message starts with. */
export function cloudErrorCode(err: unknown): number | null {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  if (typeof e.errCode === 'number' && e.errCode !== 0) return e.errCode;
  const text = `${String(e.errMsg ?? '')} ${String(e.message ?? (typeof err === 'string' ? err : ''))}`;
  const m = /(-\d{4,7})\b/.exec(text);
  return m ? Number(m[1]) : null;
}

/** WeChat's callFunction error codes (云开发错误码) mapped onto what the user is told. */
export function cloudFailureReason(err: unknown): TransportReason {
  const code = cloudErrorCode(err);
  const text =
    typeof err === 'object' && err !== null
      ? `${String((err as { errMsg?: unknown }).errMsg ?? '')} ${String((err as { message?: unknown }).message ?? '')}`
      : String(err);
  if (code === -404011 || /FunctionName|ResourceNotFound|function not found/i.test(text)) return 'FUNCTION_NOT_FOUND';
  if (code === -504003 || code === -501002 || /timed? ?out/i.test(text)) return 'FUNCTION_TIMEOUT';
  if (code === -501000 || code === -501005 || /INVALID_ENV|env check invalid|env not exist/i.test(text)) return 'ENV_NOT_FOUND';
  if (code === -601034 || code === -601004 || code === -401001) return 'CLOUD_NOT_ENABLED';
  if (code === -501003 || code === -501004) return 'QUOTA_EXCEEDED';
  if (code === -504001 || code === -504002 || code === -404010 || (code !== null && code <= -404001 && code >= -404009))
    return 'FUNCTION_FAILED';
  if (/request:fail|network|ERR_/i.test(text)) return 'NETWORK';
  return 'CLOUD_CALL_FAILED';
}

async function callCloud<T>(fn: FunctionName, action: string, data: object): Promise<ApiResult<T>> {
  const problem = cloudConfigProblem();
  if (problem) {
    console.error(`[transport] ${fn}.${action}: not called. ${problem}`);
    return failed<T>('CLOUD_ENV_NOT_SET');
  }
  // Cloud mode's own limit, longer than the function's timeout (services/timeouts.ts): a call still
  // unanswered then is lost on the way; the page gets an answer and can retry.
  const limitMs = cloudTimeoutMs(fn);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limitMs);
  });
  try {
    const res = await Promise.race([wx.cloud.callFunction({ name: fn, data: { action, data } }), timedOut]);
    if (res === 'timeout') {
      console.error(`[transport] ${fn}.${action}: no answer within ${limitMs} ms`);
      return failed<T>('CLIENT_TIMEOUT');
    }
    if (isEnvelope<T>(res.result)) return res.result;
    console.error(`[transport] ${fn}.${action}: the function answered no envelope`, { result: res.result, errMsg: res.errMsg });
    return failed<T>('BAD_RESPONSE');
  } catch (err) {
    const reason = cloudFailureReason(err);
    console.error(`[transport] ${fn}.${action}: callFunction failed (errCode ${cloudErrorCode(err) ?? 'none'}, ${reason})`, err);
    return failed<T>(reason);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Calls one action of a cloud function and resolves to its envelope; never rejects. */
export function call<T, R extends string = Reason>(fn: FunctionName, action: string, data: object = {}): Promise<ApiResult<T, R>> {
  // The server answers only its function's reasons (app/<function>/reasons.ts); R says which.
  return (config.mode === 'cloud' ? callCloud<T>(fn, action, data) : callLocal<T>(fn, action, data)) as Promise<ApiResult<T, R>>;
}

/**
 * The caller of one function's actions: each answers the API envelope, its failures carrying that
 * function's reasons `R`, its data the type the service function declares.
 */
export function functionCaller<R extends string>(fn: FunctionName): <T>(action: string, data?: object) => Promise<ApiResult<T, R>> {
  return <T>(action: string, data?: object) => call<T, R>(fn, action, data);
}
