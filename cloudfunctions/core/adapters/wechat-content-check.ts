import type { ContentCheck, ContentVerdict } from '../ports/content-check';

/** The part of the CloudBase app this adapter needs (`tcb.init(...)` provides it). */
export interface WxOpenApiCaller {
  callWxOpenApi(options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }>;
}

/** Scene 2 = comment/post (WeChat's msgSecCheck v2 scenes). */
const SCENE_POST = 2;

/**
 * The production ContentCheck: WeChat `security.msgSecCheck` v2, which needs the user's OPENID
 * and judges by `result.suggest` (pass / review / risky). Only `pass` is accepted.
 */
export class WeChatContentCheck implements ContentCheck {
  constructor(private readonly app: WxOpenApiCaller) {}

  async check(text: string, openid: string): Promise<ContentVerdict> {
    const res = await this.app.callWxOpenApi({
      apiName: '/wxa/msg_sec_check',
      requestData: { content: text, version: 2, scene: SCENE_POST, openid },
    });
    const body = (typeof res.result === 'string' ? JSON.parse(res.result) : res.result) as
      { errcode?: number; result?: { suggest?: string; label?: number } } | undefined;
    if (!body || (body.errcode ?? 0) !== 0) throw new Error(`msgSecCheck failed: ${body?.errcode ?? 'no answer'}`);
    const suggest = body.result?.suggest;
    return suggest === 'pass' ? { ok: true } : { ok: false, label: String(body.result?.label ?? suggest) };
  }
}
