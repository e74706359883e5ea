import type { ContentCheck, ContentVerdict } from '../ports/content-check';
import { ServiceUnavailableError } from '../ports/unavailable';
import { callWx, WX_TIMEOUT_MS, type WxOpenApiCaller } from './wx-openapi';

export type { WxOpenApiCaller } from './wx-openapi';

/** Scene 2 = comment (WeChat's msgSecCheck v2 scenes: 1 profile, 2 comment, 3 forum, 4 social log). */
const SCENE_COMMENT = 2;

/** v1's "content is risky" errcode; v2 answers 0 with `result.suggest` instead, but we honour both. */
const ERR_RISKY = 87014;

/**
 * The production ContentCheck: WeChat `security.msgSecCheck` v2, which needs the user's OPENID
 * and judges by `result.suggest` (pass / review / risky). Only `pass` is accepted; `review` is
 * refused too (we cannot hold text for a human review). Any failure of the service itself — an
 * errcode (-1 busy, 40003 bad openid, 61010 openid not seen in two hours, …), no answer, a
 * timeout — is a ServiceUnavailableError: the text is not stored and the user may retry.
 */
export class WeChatContentCheck implements ContentCheck {
  constructor(
    private readonly app: WxOpenApiCaller,
    private readonly timeoutMs = WX_TIMEOUT_MS,
  ) {}

  async check(text: string, openid: string): Promise<ContentVerdict> {
    let body;
    try {
      body = await callWx(this.app, '/wxa/msg_sec_check', { content: text, version: 2, scene: SCENE_COMMENT, openid }, this.timeoutMs);
    } catch (err) {
      throw new ServiceUnavailableError('msgSecCheck', err instanceof Error ? err.message : 'call failed');
    }
    if (!body) throw new ServiceUnavailableError('msgSecCheck', 'no answer');
    const errcode = body.errcode ?? 0;
    if (errcode === ERR_RISKY) return { ok: false, label: 'risky' };
    if (errcode !== 0) throw new ServiceUnavailableError('msgSecCheck', `errcode ${errcode}`);
    const result = body.result as { suggest?: unknown; label?: unknown } | undefined;
    if (result?.suggest === 'pass') return { ok: true };
    if (result?.suggest === 'risky' || result?.suggest === 'review') return { ok: false, label: String(result.label ?? result.suggest) };
    throw new ServiceUnavailableError('msgSecCheck', 'answer without result.suggest');
  }
}
