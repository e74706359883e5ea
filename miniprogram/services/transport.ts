// The one door to the backend: every service goes through `call`, which picks the transport from
// config.ts and always resolves to the API envelope — transport failures included — so pages
// handle one shape and never a thrown error.
import type { ApiResult, AppError } from '../../typings/api';
import { config } from '../config';
import { devOpenid } from '../utils/dev-account';

/** The cloud functions (API.md §5). */
export type FunctionName = 'account' | 'community' | 'volunteer' | 'requests' | 'ratings' | 'messages';

/** The failure a page shows when the backend could not be reached or answered nonsense. */
export const NETWORK_ERROR: AppError = { code: 'INTERNAL', message: '网络异常，请稍后重试' };

const LOCAL_TIMEOUT_MS = 15000;

function networkFailure<T>(): ApiResult<T> {
  return { ok: false, error: { ...NETWORK_ERROR } };
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
        success: (res) => resolve(isEnvelope<T>(res.data) ? res.data : networkFailure<T>()),
        fail: () => resolve(networkFailure<T>()),
      });
    } catch {
      resolve(networkFailure<T>());
    }
  });
}

async function callCloud<T>(fn: FunctionName, action: string, data: object): Promise<ApiResult<T>> {
  try {
    const res = await wx.cloud.callFunction({ name: fn, data: { action, data } });
    return isEnvelope<T>(res.result) ? res.result : networkFailure<T>();
  } catch {
    return networkFailure<T>();
  }
}

/** Calls one action of a cloud function and resolves to its envelope; never rejects. */
export function call<T>(fn: FunctionName, action: string, data: object = {}): Promise<ApiResult<T>> {
  return config.mode === 'cloud' ? callCloud<T>(fn, action, data) : callLocal<T>(fn, action, data);
}
