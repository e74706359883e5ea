/**
 * WeChat msgSecCheck v2 over HTTP: the content check as production builds it (`productionDeps`,
 * what cloudDeps builds in a container) on the real @cloudbase/node-sdk with dummy credentials,
 * its requests answered by a local server with WeChat's documented answers (wechat-recorded.ts
 * cites the pages). Refused text is CONTENT_REJECTED; a failing check service — any errcode, no
 * answer, a reset connection — is UNAVAILABLE with "请稍后重试", never INTERNAL, and nothing is stored.
 */
import { WeChatContentCheck } from '../../cloudfunctions/core/adapters/wechat-content-check';
import { ServiceUnavailableError } from '../../cloudfunctions/core/ports/unavailable';
import type { ContentCheck } from '../../cloudfunctions/core/ports/content-check';
import { REQUESTS } from '../../cloudfunctions/core/app/requests/request';
import { productionDeps } from '../../cloudfunctions/core/runtime/cloud-entry';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness } from '../support/harness';
import { SEC_CHECK, TRANSPORT, WxServer, type WxScript } from './wechat-recorded';

const wx = new WxServer();
beforeAll(() => wx.start());
afterAll(() => wx.stop());

/** The production content check on the SDK, whose requests time out after `sdkTimeout` ms. */
const productionCheck = (sdkTimeout = 3000): ContentCheck =>
  productionDeps(wx.app(sdkTimeout), { USER_ID_SALT: 's' }, 'requests').contentCheck;

const SERVICE_FAILURES: Array<[string, WxScript]> = [
  ['-1 system busy', SEC_CHECK.busy],
  ['40001 invalid token', SEC_CHECK.badToken],
  ['42001 token expired', SEC_CHECK.tokenExpired],
  ['40003 invalid openid', SEC_CHECK.badOpenid],
  ['40129 invalid scene', SEC_CHECK.badScene],
  ['44002 empty argument', SEC_CHECK.emptyArgument],
  ['44004 empty content', SEC_CHECK.emptyContent],
  ['45009 quota reached', SEC_CHECK.limit],
  ['47001 bad format', SEC_CHECK.badFormat],
  ['61010 openid not seen in two hours', SEC_CHECK.notSeen],
  ['an answer without result', { errcode: 0, errmsg: 'ok' }],
  ['a connection reset', TRANSPORT.reset],
  ['HTTP 502 from CloudBase', TRANSPORT.http502],
  ['CloudBase refusing the call', TRANSPORT.cloudbaseError],
  ['no answer within the SDK timeout', TRANSPORT.stall],
];

describe('WeChatContentCheck (msgSecCheck v2) on node-sdk', () => {
  test('sends the documented v2 request once: wx.api /wxa/msg_sec_check with content, version 2, scene 2 (comment), the OPENID', async () => {
    wx.script(() => SEC_CHECK.pass);
    expect(await productionCheck().check('楼道灯坏了', 'o-resident')).toEqual({ ok: true });
    expect(wx.recorder.actions()).toEqual(['wx.api']);
    expect(wx.calls).toEqual([
      { apiName: '/wxa/msg_sec_check', requestData: { content: '楼道灯坏了', version: 2, scene: 2, openid: 'o-resident' } },
    ]);
  });

  test.each([
    ['risky', SEC_CHECK.risky, '20006'],
    ['review (cannot be held for a human review, so refused)', SEC_CHECK.review, '20002'],
    ['errcode 87014 (v1 risky)', SEC_CHECK.riskyV1, 'risky'],
  ])('refuses %s', async (_name, answer, label) => {
    wx.script(() => answer);
    expect(await productionCheck().check('这里有赌博广告', 'o-1')).toEqual({ ok: false, label });
    expect(wx.calls).toHaveLength(1);
  });

  test.each(SERVICE_FAILURES)('treats %s as the service failing, after one request', async (_name, answer) => {
    wx.script(() => answer);
    // 1.5 s: the stalled request reaches the local server before the SDK gives up, even on a busy machine.
    await expect(productionCheck(1500).check('x', 'o-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(wx.calls).toHaveLength(1);
  });

  test('gives up at its own timeout when the SDK would wait longer', async () => {
    wx.script(() => TRANSPORT.stall);
    const started = Date.now();
    await expect(new WeChatContentCheck(wx.app(10_000), 1000).check('x', 'o-1')).rejects.toThrow(
      'msgSecCheck unavailable: /wxa/msg_sec_check timed out',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('the check service through the dispatcher', () => {
  const submit = { category: 'facilities', title: '3栋楼道灯不亮', description: '3栋二单元楼道灯坏了一周', compoundId: DEMO.compound1 };

  test.each(SERVICE_FAILURES)(
    '%s: UNAVAILABLE with a "try again" message, nothing stored, nothing logged as an error',
    async (_name, answer) => {
      wx.script(() => answer);
      const h = await makeHarness();
      try {
        h.deps.contentCheck = productionCheck(300);
        const before = await h.store.count(REQUESTS, {});
        const r = await h.call('requests', 'submit', submit, 'demo-resident');
        expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('请稍后重试') } });
        expect(await h.store.count(REQUESTS, {})).toBe(before);
        expect(h.logger.errors).toEqual([]);
        expect(wx.calls[0]?.requestData).toMatchObject({ version: 2, scene: 2, openid: 'demo-resident' });
      } finally {
        await h.close();
      }
    },
  );

  test.each([
    ['risky', SEC_CHECK.risky],
    ['review', SEC_CHECK.review],
    ['87014', SEC_CHECK.riskyV1],
  ])('%s text is CONTENT_REJECTED and not stored; passing text is stored', async (_name, refusal) => {
    wx.script((c) => (String(c.requestData.content).includes('赌博') ? refusal : SEC_CHECK.pass));
    const h = await makeHarness();
    try {
      h.deps.contentCheck = productionCheck();
      const before = await h.store.count(REQUESTS, {});
      const r = await h.call('requests', 'submit', { ...submit, description: '楼下有人聚众赌博' }, 'demo-resident');
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(await h.store.count(REQUESTS, {})).toBe(before);
      expect(wx.calls.map((c) => c.requestData.content)).toContain('楼下有人聚众赌博');
      const ok = await h.call('requests', 'submit', submit, 'demo-resident');
      expect(ok.ok).toBe(true);
      expect(await h.store.count(REQUESTS, {})).toBe(before + 1);
    } finally {
      await h.close();
    }
  });
});
