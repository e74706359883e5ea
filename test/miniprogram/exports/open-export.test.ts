// After an export the page downloads the file and opens it (shared API.md §6): locally from the
// gateway's GET /files/<name> with the x-openid header, in the cloud through wx.cloud.downloadFile;
// then wx.openDocument with its menu. Platform failures reach the person as Chinese messages.
import { EXPORT_RECORD_LIMIT, exportTooLarge } from '../../../cloudfunctions/core/app/exports/limits';
import { config } from '../../../miniprogram/config';
import { EXPORT_MESSAGES, openExport } from '../../../miniprogram/staff/export-file';
import { mockBackend, renderPage, type Answer, type PageHandle } from '../harness';
import { communityList, ok } from '../fixtures';
import { stats, untilLoaded, whoamiRc } from '../staff/fixtures';
import { periodViewOf } from '../ratings/fixtures';
import { until } from '../ratings/wait';
import { installWx, storage } from '../wx-mock';

let page: PageHandle | undefined;
let logged: jest.SpyInstance;

type Callbacks = { success?: (r: object) => void; fail?: (e: object) => void };
const answers = (fn: (o: Callbacks & Record<string, unknown>) => void) =>
  jest.fn((o: Callbacks & Record<string, unknown>) => setTimeout(() => fn(o), 0));

beforeEach(() => {
  installWx();
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  storage.set('devOpenid', 'demo-party');
  Object.assign(wx, {
    downloadFile: answers((o) => o.success?.({ statusCode: 200, tempFilePath: 'wxfile://tmp/export.xlsx' })),
    openDocument: answers((o) => o.success?.({})),
  });
});
afterEach(() => {
  page?.detach();
  logged.mockRestore();
  Object.assign(config, { mode: 'local', cloudEnv: 'your-cloudbase-env-id' });
});

const FILE = { fileId: 'local://files/AbCdEf123456.xlsx', name: '信用评价_2026-H2.xlsx' };

async function periodPage(exportAnswer: Answer) {
  const backend = mockBackend({
    'ratings.period': { ok: true, data: periodViewOf({ canPublish: true, published: true }) },
    'ratings.sheets': { ok: true, data: { items: [], nextCursor: null } },
    'ratings.export': exportAnswer,
  });
  page = await renderPage('staff/ratings/period/index', { properties: { period: '2026-H2' } });
  return backend;
}

test('the ratings page exports the period, downloads the file from the gateway as the caller, and opens it with its menu', async () => {
  const backend = await periodPage({ ok: true, data: { ...FILE, rows: { 信用评价: 3 } } });
  await page?.tap('导出信用评价表');
  await page?.settle(40);
  expect(backend.calls('ratings.export')).toEqual([{ period: '2026-H2' }]);
  expect(wx.downloadFile).toHaveBeenCalledWith(
    expect.objectContaining({ url: `${config.localBaseUrl}/files/AbCdEf123456.xlsx`, header: { 'x-openid': 'demo-party' } }),
  );
  expect(wx.openDocument).toHaveBeenCalledWith(
    expect.objectContaining({ filePath: 'wxfile://tmp/export.xlsx', fileType: 'xlsx', showMenu: true }),
  );
});

test('a download that fails shows a Chinese message on the page and opens nothing', async () => {
  Object.assign(wx, { downloadFile: answers((o) => o.fail?.({ errMsg: 'downloadFile:fail timeout' })) });
  await periodPage({ ok: true, data: { ...FILE, rows: {} } });
  await page?.tap('导出信用评价表');
  await until(page as PageHandle, EXPORT_MESSAGES.download);
  expect(wx.openDocument).not.toHaveBeenCalled();
});

test('an export the server refuses shows its message and downloads nothing', async () => {
  await periodPage({ ok: false, error: { code: 'FORBIDDEN', message: '只能导出本人管辖范围内的信用评价' } });
  await page?.tap('导出信用评价表');
  await until(page as PageHandle, '只能导出本人管辖范围内的信用评价');
  expect(wx.downloadFile).not.toHaveBeenCalled();
});

test('a file the gateway no longer has, or a document WeChat cannot open, each says so', async () => {
  Object.assign(wx, { downloadFile: answers((o) => o.success?.({ statusCode: 404, tempFilePath: '' })) });
  expect(await openExport(FILE)).toBe(EXPORT_MESSAGES.denied);
  Object.assign(wx, {
    downloadFile: answers((o) => o.success?.({ statusCode: 200, tempFilePath: 'wxfile://tmp/x.xlsx' })),
    openDocument: answers((o) => o.fail?.({ errMsg: 'openDocument:fail filetype not supported' })),
  });
  expect(await openExport(FILE)).toBe(EXPORT_MESSAGES.open);
  expect(await openExport({ fileId: 'ftp://elsewhere/x.xlsx', name: 'x.xlsx' })).toBe(EXPORT_MESSAGES.unsupported);
});

test('in the cloud a cloud:// file goes through wx.cloud.downloadFile; a refusal says so', async () => {
  Object.assign(config, { mode: 'cloud', cloudEnv: 'prod-1a2b3c' });
  const cloudDownload = jest.fn(() => Promise.resolve({ tempFilePath: 'wxfile://tmp/cloud.xlsx', statusCode: 200 }));
  Object.assign(wx.cloud, { downloadFile: cloudDownload });
  expect(await openExport({ fileId: 'cloud://prod-1a2b3c.7072/exports/abc.xlsx', name: 'a.xlsx' })).toBeNull();
  expect(cloudDownload).toHaveBeenCalledWith({ fileID: 'cloud://prod-1a2b3c.7072/exports/abc.xlsx' });
  expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/cloud.xlsx', showMenu: true }));
  cloudDownload.mockImplementationOnce(() =>
    Promise.reject(Object.assign(new Error('x'), { errMsg: 'cloud.downloadFile:fail permission denied' })),
  );
  expect(await openExport({ fileId: 'cloud://prod-1a2b3c.7072/exports/abc.xlsx', name: 'a.xlsx' })).toBe(EXPORT_MESSAGES.denied);
  // A temporary https URL is downloaded as it is.
  expect(await openExport({ fileId: 'https://tcb.example.invalid/exports/abc.xlsx', name: 'a.xlsx' })).toBeNull();
  expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: 'https://tcb.example.invalid/exports/abc.xlsx' }));
});

test('the community figures page exports each ledger of its community through the same helper', async () => {
  const backend = mockBackend({
    'account.whoami': whoamiRc,
    'community.list': communityList,
    'community.stats': ok(stats()),
    'admin.exportLedger': ok({ fileId: 'local://files/QwErTy123456.xlsx', name: '诉求办理台账_红星社区.xlsx', rows: { 诉求: 4 } }),
  });
  page = await renderPage('staff/stats/index');
  await untilLoaded(page);
  await page.tap('诉求办理台账');
  await page.settle(40);
  expect(backend.calls('admin.exportLedger')).toEqual([{ ledger: 'requests', communityId: 'cm_hongxing' }]);
  expect(wx.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: `${config.localBaseUrl}/files/QwErTy123456.xlsx` }));
  expect(wx.openDocument).toHaveBeenCalledWith(expect.objectContaining({ showMenu: true }));

  backend.answer('admin.exportLedger', { ok: false, error: { code: 'FORBIDDEN', message: '只能导出本人管辖范围内的台账' } });
  await page.tap('党员报到服务台账');
  await until(page, '只能导出本人管辖范围内的台账');
  expect(backend.calls('admin.exportLedger')[1]).toEqual({ ledger: 'outreach', communityId: 'cm_hongxing' });
});

test('an export past the server’s limit shows the refusal in Chinese, with its figures, and downloads nothing', async () => {
  const refusal = exportTooLarge(12_345);
  const backend = mockBackend({
    'account.whoami': whoamiRc,
    'community.list': communityList,
    'community.stats': ok(stats()),
    'admin.exportLedger': refusal,
  });
  page = await renderPage('staff/stats/index');
  await untilLoaded(page);
  await page.tap('诉求办理台账');
  await until(page, '共 12345 条');
  expect(page.text()).toContain('导出记录过多：共 12345 条');
  expect(backend.calls('admin.exportLedger')).toEqual([{ ledger: 'requests', communityId: 'cm_hongxing' }]);
  expect(page.text()).toContain(`超过每个文件 ${EXPORT_RECORD_LIMIT} 条的上限`);
  expect(page.text()).toContain('请缩小范围（按街道、社区或起止日期）分别导出');
  expect(page.text()).not.toContain('EXPORT_TOO_LARGE');
  expect(wx.downloadFile).not.toHaveBeenCalled();
  expect(wx.openDocument).not.toHaveBeenCalled();
});

test('the ratings page says the same, and an answer without a message still tells the person to narrow the export', async () => {
  await periodPage({ ok: false, error: { code: 'INVALID_STATE', message: '', reason: 'EXPORT_TOO_LARGE' } });
  await page?.tap('导出信用评价表');
  await until(page as PageHandle, EXPORT_MESSAGES.tooLarge);
  expect(page?.text()).toContain(EXPORT_MESSAGES.tooLarge);
  expect(wx.downloadFile).not.toHaveBeenCalled();
});
