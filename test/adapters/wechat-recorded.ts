/**
 * Request/response pairs of the two WeChat open APIs we call, in the shapes WeChat documents, and
 * a local server that answers them over HTTP to the real @cloudbase/node-sdk.
 *
 * - msgSecCheck v2 (文本内容安全识别):
 *   https://developers.weixin.qq.com/miniprogram/dev/server/API/sec-center/sec-check/api_msgseccheck.html
 *   (formerly https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html,
 *   and the mini-game copy https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/sec-check/security.msgSecCheck.html
 *   with the errcode table): request `{ content, version: 2, scene, openid }`; answer `{ errcode,
 *   errmsg, result: { suggest, label }, detail: [{ strategy, errcode, suggest, label, prob,
 *   keyword? }], trace_id }`; `suggest` is risky / pass / review; label 100 normal, 20001
 *   politics, 20002 porn, 20006 crime…; errcode -1 system busy, 40001 bad token, 40003 bad openid,
 *   40129 bad scene, 43104 appid and openid mismatch, 44002 empty argument, 47001 bad argument
 *   format, 61010 openid not seen in two hours. v1 answered 87014 for risky text
 *   (https://developers.weixin.qq.com/miniprogram/en/security/content/security.msgSecCheck-v1.html;
 *   "2.0 judges by result, errcode 0 means the call worked":
 *   https://developers.weixin.qq.com/community/develop/doc/000a0aa7b1c11000d49c5afb754400).
 *   42001 (access_token expired), 44004 (empty text) and 45009 (API quota reached) are WeChat's
 *   global return codes, answered by any open API.
 * - subscribeMessage.send (发送订阅消息):
 *   https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *   (errcode table: https://developers.weixin.qq.com/minigame/dev/api-backend/open-api/subscribe-message/subscribeMessage.send.html;
 *   also https://tencentcloud.com/document/product/1219/67648): request `{ touser, template_id,
 *   page, data: { thing1: { value } … }, miniprogram_state, lang }`; answer `{ errcode, errmsg }`:
 *   0 ok, 40003 bad touser, 40037 bad template_id, 43101 "user refuse to accept the msg" (no
 *   acceptance left), 47003 "argument invalid! data.thing1.value …", 41030 bad page, 43107/43108
 *   capability blocked / concurrency limit, 45009 API limit reached, -1 system busy.
 *
 * Through CloudBase the call is node-sdk's `callWxOpenApi`: an HTTP POST of action `wx.api` with
 * `apiName` and `requestData` (a JSON string) to the environment's API, answered
 * `{ requestId, data: { responseData } }` with WeChat's answer as a JSON string, or `{ code,
 * message }` when CloudBase itself refuses the call (node-sdk dist/wx/index.js).
 */
import { init } from '@cloudbase/node-sdk';
import { asCloudFunction, CloudBaseRecorder, type Recorded, type Reply } from '../support/cloudbase-recorder';

export const SEC_CHECK = {
  pass: {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: 'pass', label: 100 },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest: 'pass', label: 100, prob: 90 },
      { strategy: 'keyword', errcode: 0 },
    ],
    trace_id: '60ae120f-371d5872-7941a05b',
  },
  risky: {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: 'risky', label: 20006 },
    detail: [
      { strategy: 'content_model', errcode: 0, suggest: 'risky', label: 20006, prob: 90 },
      { strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, level: 20, keyword: '赌博' },
    ],
    trace_id: '60ae120f-371d5872-7941a05c',
  },
  review: {
    errcode: 0,
    errmsg: 'ok',
    result: { suggest: 'review', label: 20002 },
    detail: [{ strategy: 'content_model', errcode: 0, suggest: 'review', label: 20002, prob: 60 }],
    trace_id: '60ae120f-371d5872-7941a05d',
  },
  riskyV1: { errcode: 87014, errmsg: 'risky content' },
  busy: { errcode: -1, errmsg: 'system error' },
  badOpenid: { errcode: 40003, errmsg: 'invalid openid' },
  badToken: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  badFormat: { errcode: 47001, errmsg: 'data format error rid: 614aa664-136530f5-479d9b85' },
  tokenExpired: { errcode: 42001, errmsg: 'access_token expired rid: 6548c3f1-2a7e5b10-0d1f9e3c' },
  badScene: { errcode: 40129, errmsg: 'invalid scene' },
  emptyArgument: { errcode: 44002, errmsg: 'empty post data' },
  emptyContent: { errcode: 44004, errmsg: 'empty content' },
  limit: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  notSeen: { errcode: 61010, errmsg: 'user access log timeout' },
} as const;

export const SUBSCRIBE_SEND = {
  ok: { errcode: 0, errmsg: 'ok' },
  refused: { errcode: 43101, errmsg: 'user refuse to accept the msg rid: 64229bc2-48d0e8b1-2008ed9b' },
  badData: { errcode: 47003, errmsg: 'argument invalid! data.thing1.value is emtpy rid: 6337c0e2-19cada87-15edcde8' },
  badTouser: { errcode: 40003, errmsg: 'invalid openid' },
  limit: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  busy: { errcode: -1, errmsg: 'system error' },
  badPage: { errcode: 41030, errmsg: 'invalid page rid: 6337c0e2-19cada87-15edcde9' },
  badTemplate: { errcode: 40037, errmsg: 'invalid template_id rid: 6337c0e2-19cada87-15edcdea' },
  badToken: { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' },
  tokenExpired: { errcode: 42001, errmsg: 'access_token expired' },
  concurrency: { errcode: 43108, errmsg: 'concurrency limit' },
} as const;

export interface WxCall {
  apiName: string;
  requestData: Record<string, unknown>;
}

/** What the far end does with one call: WeChat's answer, or a failure on the way there. */
export type WxScript = object | Transport;

/** Failures of the way to WeChat: no answer, a reset connection, an HTTP error, CloudBase refusing the call. */
export const TRANSPORT = {
  stall: { transport: 'stall' },
  reset: { transport: 'reset' },
  http502: { transport: 'http', status: 502 },
  cloudbaseError: { transport: 'cloudbase', code: 'SYS_ERR', message: 'wx api system error' },
} as const;
type Transport = (typeof TRANSPORT)[keyof typeof TRANSPORT];

function wxReply(script: WxScript): Reply {
  if ('transport' in script) {
    const t = script as Transport;
    if (t.transport === 'stall' || t.transport === 'reset') return t.transport;
    if (t.transport === 'http') return { status: t.status };
    return { body: { requestId: 'r', code: t.code, message: t.message } };
  }
  return { body: { requestId: 'r', data: { responseData: JSON.stringify(script) } } };
}

/**
 * The far end of `callWxOpenApi`: a CloudBaseRecorder that answers each `wx.api` request from
 * `answer` (WeChat's documented answers, or a TRANSPORT failure) and records what the SDK sent.
 * `app()` is the real node-sdk, with dummy credentials, pointed at it.
 */
export class WxServer {
  readonly recorder = new CloudBaseRecorder();
  private answer: (call: WxCall, n: number) => WxScript = () => ({ errcode: 0, errmsg: 'ok' });
  private restoreEnv: () => void = () => undefined;

  async start(): Promise<void> {
    this.restoreEnv = asCloudFunction();
    await this.recorder.start();
  }

  async stop(): Promise<void> {
    await this.recorder.stop();
    this.restoreEnv();
  }

  /** Forgets earlier requests and answers every `wx.api` call from now on with `answer`. */
  script(answer: (call: WxCall, n: number) => WxScript, others?: (r: Recorded) => Reply | undefined): void {
    this.recorder.clear();
    this.answer = answer;
    this.recorder.reply = (r) => {
      if (r.action !== 'wx.api') return others?.(r);
      const calls = this.calls;
      return wxReply(this.answer(calls[calls.length - 1], calls.length));
    };
  }

  /** The CloudBase app as a cloud function inits it, with dummy credentials and its requests sent here. */
  app(timeout = 3000): ReturnType<typeof init> {
    return init({ env: 'wx-test', secretId: 'AKIDwxtest', secretKey: 'wx-test-key', serviceUrl: this.recorder.url, timeout });
  }

  /** The open-API calls received, as WeChat gets them: the API's path and the request body. */
  get calls(): WxCall[] {
    return this.recorder.requests
      .filter((r) => r.action === 'wx.api')
      .map((r) => ({ apiName: String(r.raw.apiName), requestData: JSON.parse(String(r.raw.requestData)) as Record<string, unknown> }));
  }
}
