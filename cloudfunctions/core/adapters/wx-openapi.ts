/** The WeChat open-API boundary as CloudBase exposes it (`app.callWxOpenApi`). */

/** The part of the CloudBase app the WeChat adapters need (`tcb.init(...)` provides it). */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

/** WeChat's answer: `errcode` 0 is success; other fields depend on the API. */
export interface WxAnswer {
  errcode?: number;
  errmsg?: string;
  [field: string]: unknown;
}

/** How long a WeChat call may take before we give up on it. */
export const WX_TIMEOUT_MS = 5000;

export class WxTimeoutError extends Error {
  constructor(apiName: string) {
    super(`${apiName} timed out`);
    this.name = 'WxTimeoutError';
  }
}

/**
 * Calls one open API and parses its answer (CloudBase hands it over as a JSON string, a Buffer or
 * an object). Rejects with WxTimeoutError after `timeoutMs`; null when the answer is not JSON.
 */
export async function callWx(
  app: WxOpenApiCaller,
  apiName: string,
  requestData: unknown,
  timeoutMs = WX_TIMEOUT_MS,
): Promise<WxAnswer | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new WxTimeoutError(apiName)), timeoutMs);
  });
  try {
    const res = await Promise.race([app.callWxOpenApi({ apiName, requestData }), timeout]);
    return parseAnswer(res?.result);
  } finally {
    clearTimeout(timer);
  }
}

function parseAnswer(raw: unknown): WxAnswer | null {
  try {
    const v = Buffer.isBuffer(raw) ? JSON.parse(raw.toString('utf8')) : typeof raw === 'string' ? JSON.parse(raw) : raw;
    return typeof v === 'object' && v !== null ? (v as WxAnswer) : null;
  } catch {
    return null;
  }
}
