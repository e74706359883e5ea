/** Error codes of the API envelope (API.md §1). */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'CONTENT_REJECTED'
  | 'UNKNOWN_ACTION'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export const ERROR_CODES: readonly ErrorCode[] = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_STATE',
  'CONTENT_REJECTED',
  'UNKNOWN_ACTION',
  'UNAVAILABLE',
  'INTERNAL',
];

import type { Reason } from './reasons';

export interface InputIssue {
  path: Array<string | number>;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  /** A stable, documented detail such as SIGNUP_DEADLINE_PASSED (the unions in `<function>/reasons.ts`). */
  reason?: Reason;
  issues?: InputIssue[];
}

/** The envelope every action answers with. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };
export type Failure = { ok: false; error: AppError };

export function ok<T>(data: T): { ok: true; data: T } {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, reason?: Reason): Failure {
  return { ok: false, error: reason ? { code, message, reason } : { code, message } };
}

/** Common failures, worded once. */
export const failures = {
  unauthenticated: () => fail('UNAUTHENTICATED', '未获取到用户身份，请重新进入小程序'),
  notRegistered: () => fail('FORBIDDEN', '请先完成注册', 'NOT_REGISTERED'),
  notActive: () => fail('FORBIDDEN', '账号尚未通过审核', 'ACCOUNT_NOT_ACTIVE'),
  forbidden: (message = '没有权限执行此操作') => fail('FORBIDDEN', message),
  notFound: (what: string) => fail('NOT_FOUND', `${what}不存在`),
  internal: () => fail('INTERNAL', '系统繁忙，请稍后再试'),
  unavailable: () => fail('UNAVAILABLE', '服务暂时不可用，请稍后重试'),
};
