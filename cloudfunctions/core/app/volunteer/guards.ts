import type { Reason } from '../reasons';
import type { Failure, InputIssue } from '../result';

/** An INVALID_INPUT failure found after schema validation (e.g. times checked against the clock). */
export function invalidInput(issues: InputIssue[], reason?: Reason): Failure {
  const error: Failure['error'] = { code: 'INVALID_INPUT', message: issues[0]?.message ?? '输入有误，请检查后重试', issues };
  if (reason) error.reason = reason;
  return { ok: false, error };
}
