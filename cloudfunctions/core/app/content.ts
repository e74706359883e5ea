import type { AppContext } from './context';
import { fail, type Failure } from './result';

/** The one answer to user text the content-security check refuses (RULES.md §5). */
export const contentRejected = (): Failure => fail('CONTENT_REJECTED', '内容未通过安全检测，请修改后重试');

/**
 * Runs every user text through the content-security check before anything is stored; the
 * failure to return when one is refused, null when all pass (empty texts are skipped).
 */
export async function checkTexts(ctx: AppContext, texts: ReadonlyArray<string | null | undefined>): Promise<Failure | null> {
  for (const t of texts) {
    if (!t) continue;
    const verdict = await ctx.contentCheck.check(t, ctx.openid ?? '');
    if (!verdict.ok) return contentRejected();
  }
  return null;
}
