import type { AppConfig } from '../../miniprogram/config';
import { installWx } from './wx-mock';

beforeEach(() => installWx());

/** Loads app.ts with this configuration and launches the App it defines. */
function launch(overrides: Partial<AppConfig>): IAppOption & { onLaunch(): void } {
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the fresh module instance app.ts will import
    Object.assign(require('../../miniprogram/config').config, overrides);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.ts registers itself with App()
    require('../../miniprogram/app');
  });
  const options = (App as unknown as jest.Mock).mock.calls[0][0];
  options.onLaunch();
  return options;
}

test('initialises CloudBase with the configured environment in cloud mode', () => {
  launch({ mode: 'cloud', cloudEnv: 'prod-1a2b3c' });
  expect(wx.cloud.init).toHaveBeenCalledWith({ env: 'prod-1a2b3c', traceUser: true });
});

test('does not initialise CloudBase in local mode', () => {
  launch({ mode: 'local' });
  expect(wx.cloud.init).not.toHaveBeenCalled();
});

test('takes the text scale from the WeChat font size', () => {
  (wx.getAppBaseInfo as unknown as jest.Mock).mockReturnValue({ fontSizeScaleFactor: 1.4, fontSizeSetting: 22 });
  const app = launch({ mode: 'local' });
  expect(app.globalData.fontScale).toBe(1.4);
});

describe('cloud mode with the placeholder environment id', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  test.each(['your-cloudbase-env-id', '', '  '])(
    'refuses to start with cloudEnv %j and says why, on screen and in the console',
    (cloudEnv) => {
      launch({ mode: 'cloud', cloudEnv });
      expect(wx.cloud.init).not.toHaveBeenCalled();
      expect(wx.showModal).toHaveBeenCalledTimes(1);
      const dialog = (wx.showModal as unknown as jest.Mock).mock.calls[0][0];
      expect(dialog).toMatchObject({ title: '无法启动', showCancel: false });
      expect(dialog.content).toContain('云开发环境 ID 未设置');
      expect(dialog.content).toContain('miniprogram/config.ts');
      const configLines = logged.mock.calls.map((c) => String(c[0])).filter((l) => l.startsWith('[config]'));
      expect(configLines).toHaveLength(1);
      expect(configLines[0]).toContain('cloudEnv');
    },
  );

  test('a real environment id starts without a dialog', () => {
    (wx.cloud.callFunction as unknown as jest.Mock).mockResolvedValue({ result: { ok: true, data: {} }, errMsg: 'cloud.callFunction:ok' });
    launch({ mode: 'cloud', cloudEnv: 'prod-1a2b3c' });
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(logged.mock.calls.filter((c) => String(c[0]).startsWith('[config]'))).toEqual([]);
  });
});
