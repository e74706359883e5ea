import type { Failure } from '../result';
import { fail, type InputIssue } from '../result';
import type { AppContext } from '../context';

/** Runs every user text through the content check; the failure to return when one is refused. */
export async function checkTexts(ctx: AppContext, texts: Array<string | undefined>): Promise<Failure | null> {
  for (const t of texts) {
    if (!t) continue;
    const verdict = await ctx.contentCheck.check(t, ctx.openid ?? '');
    if (!verdict.ok) return fail('CONTENT_REJECTED', '内容未通过安全检查，请修改后重试');
  }
  return null;
}

/** An INVALID_INPUT failure found after schema validation (e.g. times checked against the clock). */
export function invalidInput(issues: InputIssue[], reason?: string): Failure {
  const error: Failure['error'] = { code: 'INVALID_INPUT', message: issues[0]?.message ?? '输入有误，请检查后重试', issues };
  if (reason) error.reason = reason;
  return { ok: false, error };
}
