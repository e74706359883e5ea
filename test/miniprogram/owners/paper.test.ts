import { mockBackend, renderPage, type PageHandle } from '../harness';
import { installWx } from '../wx-mock';
import { until } from '../ratings/wait';
import { MOTION, ok } from './fixtures';

let page: PageHandle | undefined;
beforeEach(() => installWx());
afterEach(() => page?.detach());

describe('paper ballots', () => {
  test('records a paper ballot after a confirmation', async () => {
    const backend = mockBackend({
      'owners.get': ok({ ...MOTION, canRecordPaper: true }),
      'owners.recordPaper': ok({ receipt: 'ABCD-0000-1111-2222', castAt: '2026-11-20T01:00:00.000Z', seq: 5 }),
    });
    // The photo goes to the gateway's /uploads first (the local stand-in for wx.cloud.uploadFile).
    const functions = wx.request as unknown as (o: WechatMiniprogram.RequestOption) => void;
    Object.assign(wx, {
      getFileSystemManager: () => ({
        readFile: (o: { success: (r: { data: ArrayBuffer }) => void }) => o.success({ data: new ArrayBuffer(8) }),
      }),
      request: (o: WechatMiniprogram.RequestOption) =>
        o.url.endsWith('/uploads')
          ? o.success?.({
              data: { ok: true, data: { fileId: 'local://uploads/ballot-photo-01.jpg' } },
              statusCode: 200,
              header: {},
              cookies: [],
              errMsg: 'request:ok',
            } as never)
          : functions(o),
    });
    page = await renderPage('owners/paper/index', { properties: { motionId: 'mo_demo_pipes' } });
    await page.type('楼栋', '2栋');
    await page.type('房号', '202');
    await page.tap('同意');
    await page.tap('录入选票');
    expect(page.text()).toContain('请拍摄或上传签字选票的照片');
    // The photo as t-upload hands it over once taken.
    (page.comp.instance as unknown as { onPhotoAdd(e: object): void }).onPhotoAdd({
      detail: { files: [{ url: 'wxfile://tmp/ballot.jpg' }] },
    });
    await page.settle();
    await page.tap('录入选票');
    await page.tap('确认录入');
    await until(page, 'ABCD-0000-1111-2222');
    expect(backend.calls('owners.recordPaper')).toEqual([
      expect.objectContaining({
        motionId: 'mo_demo_pipes',
        building: '2栋',
        room: '202',
        choice: 'agree',
        photoFileId: 'local://uploads/ballot-photo-01.jpg',
      }),
    ]);
  });
});
