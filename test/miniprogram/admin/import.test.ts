import { mockBackend, renderPage, type PageHandle } from '../harness';
import { ok } from '../fixtures';
import { installWx } from '../wx-mock';

let page: PageHandle | undefined;

beforeEach(() => {
  installWx();
  Object.assign(wx, {
    chooseMessageFile: jest.fn((o: { success(r: object): void }) =>
      o.success({ tempFiles: [{ path: 'wxfile://tmp/city.xlsx', name: 'city.xlsx' }] }),
    ),
    getFileSystemManager: jest.fn(() => ({
      readFile: (o: { success(r: { data: ArrayBuffer }): void }) => o.success({ data: new ArrayBuffer(8) }),
    })),
  });
});
afterEach(() => page?.detach());

test('a chosen sheet is uploaded, imported, and what was created is counted', async () => {
  const backend = mockBackend({
    'admin.importStructure': ok({ created: { streets: 1, communities: 2, compounds: 3, buildings: 12 }, errors: [] }),
  });
  // The local gateway's /uploads answers with the stored id (the raw body is not a function call).
  backend.answer('.undefined', ok({ fileId: 'local://uploads/AbCdEf123456.xlsx' }));
  page = await renderPage('admin/import/index');
  expect(page.text()).toContain('区、街道、社区、小区、楼栋、人口');
  await page.tap('选择表格文件');
  await page.settle(80);

  expect(wx.chooseMessageFile).toHaveBeenCalledWith(expect.objectContaining({ extension: ['xlsx', 'csv'] }));
  expect(backend.calls('admin.importStructure')).toEqual([{ fileId: 'local://uploads/AbCdEf123456.xlsx' }]);
  expect(page.text()).toContain('导入成功');
  expect(page.text()).toContain('新建街道 1 个、社区 2 个、小区 3 个、楼栋 12 栋');
});

test('a sheet with bad rows lists each by its line, and says nothing was imported', async () => {
  const backend = mockBackend({
    'admin.importStructure': ok({
      created: { streets: 0, communities: 0, compounds: 0, buildings: 0 },
      errors: [
        { line: 3, message: 'community：不能为空' },
        { line: 7, message: '填写楼栋时须同时填写小区' },
      ],
    }),
  });
  backend.answer('.undefined', ok({ fileId: 'local://uploads/AbCdEf123456.csv' }));
  page = await renderPage('admin/import/index');
  await page.tap('选择表格文件');
  await page.settle(80);

  expect(page.text()).toContain('表格中有 2 行有误，未导入任何内容');
  expect(page.text()).toContain('第 3 行');
  expect(page.text()).toContain('community：不能为空');
  expect(page.text()).toContain('第 7 行');
  expect(page.text()).toContain('填写楼栋时须同时填写小区');
  expect(page.text()).not.toContain('导入成功');
});

test('a .csv goes to the gateway declared as text, which is how it accepts one', async () => {
  Object.assign(wx, {
    chooseMessageFile: jest.fn((o: { success(r: object): void }) =>
      o.success({ tempFiles: [{ path: 'wxfile://tmp/city.csv', name: 'city.csv' }] }),
    ),
  });
  const backend = mockBackend({
    'admin.importStructure': ok({ created: { streets: 1, communities: 1, compounds: 0, buildings: 0 }, errors: [] }),
  });
  backend.answer('.undefined', ok({ fileId: 'local://uploads/AbCdEf123456.csv' }));
  page = await renderPage('admin/import/index');
  await page.tap('选择表格文件');
  await page.settle(80);
  const upload = (wx.request as jest.Mock).mock.calls.map(([o]) => o).find((o: { url: string }) => o.url.endsWith('/uploads'));
  expect(upload.header['content-type']).toBe('text/csv');
  expect(backend.calls('admin.importStructure')).toEqual([{ fileId: 'local://uploads/AbCdEf123456.csv' }]);
});

test('an upload the gateway refuses shows its reason and imports nothing', async () => {
  const backend = mockBackend({});
  backend.answer('.undefined', { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传表格文件' } });
  page = await renderPage('admin/import/index');
  await page.tap('选择表格文件');
  await page.settle(80);
  expect(page.text()).toContain('只能上传表格文件');
  expect(backend.calls('admin.importStructure')).toEqual([]);
});

test('an unreadable file shows the server’s message', async () => {
  const backend = mockBackend({
    'admin.importStructure': { ok: false, error: { code: 'INVALID_INPUT', message: '无法读取该文件：请上传 .xlsx 或 .csv 表格' } },
  });
  backend.answer('.undefined', ok({ fileId: 'local://uploads/AbCdEf123456.xlsx' }));
  page = await renderPage('admin/import/index');
  await page.tap('选择表格文件');
  await page.settle(80);
  expect(page.text()).toContain('无法读取该文件：请上传 .xlsx 或 .csv 表格');
});
