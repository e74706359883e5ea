/**
 * A service we depend on (WeChat's open API, CloudBase) failed or did not answer in time.
 * Nothing was changed because of it and a retry is safe: the dispatcher answers `UNAVAILABLE`.
 */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly service: string,
    detail: string,
  ) {
    super(`${service} unavailable: ${detail}`);
    this.name = 'ServiceUnavailableError';
  }
}

/**
 * Why a platform service (the CloudBase database, WeChat's open API) could not serve a call.
 * Documented in API.md as reasons of the `UNAVAILABLE` code; every one means "try again later".
 */
export const UNAVAILABLE_REASONS = [
  /** The call's time budget ran out before its database work finished (cloud-entry.ts sets it). */
  'TIME_BUDGET_EXCEEDED',
  /** A transaction kept conflicting with others until its retries or the budget ran out. */
  'DATABASE_BUSY',
  /** The database answered with an error or did not answer within the request timeout. */
  'DATABASE_UNAVAILABLE',
] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

const MESSAGES: Record<UnavailableReason, string> = {
  TIME_BUDGET_EXCEEDED: '处理超时，请稍后重试',
  DATABASE_BUSY: '当前操作人数较多，请稍后重试',
  DATABASE_UNAVAILABLE: '数据服务暂时不可用，请稍后重试',
};

/**
 * Raised by an adapter when the platform failed rather than the code: answered as `UNAVAILABLE`
 * with this reason, never as `INTERNAL`. A write may or may not have happened (the answer was lost),
 * so the client retries with the same `clientToken`.
 */
export class UnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly detail?: unknown,
  ) {
    super(MESSAGES[reason]);
    this.name = 'UnavailableError';
  }
}
