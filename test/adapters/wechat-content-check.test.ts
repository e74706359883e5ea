/**
 * WeChat msgSecCheck v2 at the open-API boundary (recorded shapes in wechat-recorded.ts), and its
 * failures through the dispatcher: refused text is CONTENT_REJECTED; a failing check service is
 * UNAVAILABLE with "请稍后重试", never INTERNAL, and nothing is stored.
 */
import { WeChatContentCheck } from '../../cloudfunctions/core/adapters/wechat-content-check';
import { ServiceUnavailableError } from '../../cloudfunctions/core/ports/unavailable';
import { REQUESTS } from '../../cloudfunctions/core/app/requests/request';
import { DEMO } from '../../cloudfunctions/core/seed/demo-ids';
import { makeHarness } from '../support/harness';
import { fakeWx, SEC_CHECK } from './wechat-recorded';

describe('WeChatContentCheck (msgSecCheck v2)', () => {
  test('sends the documented v2 request: content, version 2, scene 2 (comment), the OPENID', async () => {
    const wx = fakeWx(() => SEC_CHECK.pass);
    expect(await new WeChatContentCheck(wx.app).check('楼道灯坏了', 'o-resident')).toEqual({ ok: true });
    expect(wx.calls).toEqual([
      { apiName: '/wxa/msg_sec_check', requestData: { content: '楼道灯坏了', version: 2, scene: 2, openid: 'o-resident' } },
    ]);
  });

  test.each([
    ['risky', SEC_CHECK.risky, '20006'],
    ['review (cannot be held for a human review, so refused)', SEC_CHECK.review, '20002'],
    ['errcode 87014 (v1 risky)', SEC_CHECK.riskyV1, 'risky'],
  ])('refuses %s', async (_name, answer, label) => {
    const wx = fakeWx(() => answer);
    expect(await new WeChatContentCheck(wx.app).check('这里有赌博广告', 'o-1')).toEqual({ ok: false, label });
  });

  test('reads an answer handed over as a Buffer', async () => {
    const wx = fakeWx(() => Buffer.from(JSON.stringify(SEC_CHECK.risky)));
    expect((await new WeChatContentCheck(wx.app).check('x', 'o-1')).ok).toBe(false);
  });

  test.each([
    ['-1 system busy', SEC_CHECK.busy],
    ['40003 invalid openid', SEC_CHECK.badOpenid],
    ['40001 invalid token', SEC_CHECK.badToken],
    ['47001 bad format', SEC_CHECK.badFormat],
    ['an answer without result', { errcode: 0, errmsg: 'ok' }],
  ])('treats %s as the service failing', async (_name, answer) => {
    const wx = fakeWx(() => answer);
    await expect(new WeChatContentCheck(wx.app).check('x', 'o-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  test('treats a timeout and a failed call as the service failing', async () => {
    await expect(new WeChatContentCheck(fakeWx(() => 'hang').app, 20).check('x', 'o-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
    await expect(new WeChatContentCheck(fakeWx(() => 'throw').app).check('x', 'o-1')).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('a failing check service, through the dispatcher', () => {
  const submit = { category: 'facilities', title: '3栋楼道灯不亮', description: '3栋二单元楼道灯坏了一周', compoundId: DEMO.compound1 };

  test.each([
    ['errcode -1', () => SEC_CHECK.busy],
    ['a timeout', () => 'hang' as const],
  ])('%s: UNAVAILABLE with a "try again" message, nothing stored, nothing logged as an error', async (_name, answer) => {
    const h = await makeHarness();
    try {
      h.deps.contentCheck = new WeChatContentCheck(fakeWx(answer).app, 20);
      const before = await h.store.count(REQUESTS, {});
      const r = await h.call('requests', 'submit', submit, 'demo-resident');
      expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('请稍后重试') } });
      expect(await h.store.count(REQUESTS, {})).toBe(before);
      expect(h.logger.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test('risky text is CONTENT_REJECTED and not stored', async () => {
    const h = await makeHarness();
    try {
      h.deps.contentCheck = new WeChatContentCheck(
        fakeWx((c) => (String(c.requestData.content).includes('赌博') ? SEC_CHECK.risky : SEC_CHECK.pass)).app,
      );
      const before = await h.store.count(REQUESTS, {});
      const r = await h.call('requests', 'submit', { ...submit, description: '楼下有人聚众赌博' }, 'demo-resident');
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
      expect(await h.store.count(REQUESTS, {})).toBe(before);
      const ok = await h.call('requests', 'submit', submit, 'demo-resident');
      expect(ok.ok).toBe(true);
    } finally {
      await h.close();
    }
  });
});
