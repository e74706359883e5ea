/**
 * Request/response pairs of the two WeChat open APIs we call, in the shapes WeChat documents:
 *
 * - msgSecCheck v2: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html
 *   request `{ content, version: 2, scene, openid }`; answer `{ errcode, errmsg, result: { suggest,
 *   label }, detail: [{ strategy, errcode, suggest, label, prob, keyword? }], trace_id }`;
 *   `suggest` is risky / pass / review; label 100 normal, 20001 politics, 20002 porn, 20006 crime…;
 *   errcode -1 system busy, 40001 bad token, 40003 bad openid, 40129 bad scene, 43104 appid and
 *   openid mismatch, 44002 empty argument, 47001 bad argument format; v1 answered 87014 for risky text.
 * - subscribeMessage.send: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 *   request `{ touser, template_id, page, data: { thing1: { value } … }, miniprogram_state, lang }`;
 *   answer `{ errcode, errmsg }`: 0 ok, 40003 bad touser, 40037 bad template_id, 43101 "user refuse
 *   to accept the msg" (no acceptance left), 47003 "argument invalid! data.thing1.value …",
 *   41030 bad page, 43107/43108 capability blocked / concurrency limit, 45009 API limit reached,
 *   -1 system busy.
 *
 * Through CloudBase (`app.callWxOpenApi`) the answer arrives as `result`, a JSON string or Buffer.
 */

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
  badFormat: { errcode: 47001, errmsg: 'data format error' },
} as const;

export const SUBSCRIBE_SEND = {
  ok: { errcode: 0, errmsg: 'ok' },
  refused: { errcode: 43101, errmsg: 'user refuse to accept the msg rid: 64229bc2-48d0e8b1-2008ed9b' },
  badData: { errcode: 47003, errmsg: 'argument invalid! data.thing1.value is emtpy rid: 6337c0e2-19cada87-15edcde8' },
  badTouser: { errcode: 40003, errmsg: 'invalid openid' },
  limit: { errcode: 45009, errmsg: 'reach max api daily quota limit' },
  busy: { errcode: -1, errmsg: 'system error' },
} as const;

export interface WxCall {
  apiName: string;
  requestData: Record<string, unknown>;
}

/**
 * A stand-in for the CloudBase app at the open-API boundary: records each call and answers from
 * a script (`answer`), as a JSON string like CloudBase does; 'hang' never answers, 'throw' rejects.
 */
export function fakeWx(answer: (call: WxCall, n: number) => object | 'hang' | 'throw' | Buffer) {
  const calls: WxCall[] = [];
  return {
    calls,
    app: {
      callWxOpenApi: (options: { apiName: string; requestData: unknown }): Promise<{ result?: unknown }> => {
        const call = options as WxCall;
        calls.push(call);
        const a = answer(call, calls.length);
        if (a === 'hang') return new Promise(() => undefined);
        if (a === 'throw') return Promise.reject(new Error('ECONNRESET'));
        return Promise.resolve({ result: Buffer.isBuffer(a) ? a : JSON.stringify(a) });
      },
    },
  };
}
