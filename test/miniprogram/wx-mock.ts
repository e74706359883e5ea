// The `wx` of the tests: miniprogram-simulate's API mocks, with the calls pages make to the
// outside world (network, cloud, storage, navigation, toasts) replaced by jest.fn()s, and the
// device of an iPhone 6/7/8 at the standard WeChat font size.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS module of miniprogram-simulate
const simulatedApi: Record<string, unknown> = require('miniprogram-simulate/src/api');

const windowInfo = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 667,
  windowWidth: 375,
  windowHeight: 667,
  statusBarHeight: 20,
  screenTop: 0,
  safeArea: { left: 0, right: 375, top: 20, bottom: 667, width: 375, height: 647 },
};

const appBaseInfo = {
  SDKVersion: '3.7.0',
  version: '8.0.50',
  language: 'zh_CN',
  theme: 'light',
  fontSizeSetting: 16,
  fontSizeScaleFactor: 1,
  enableDebug: false,
};

const systemInfo = { ...windowInfo, ...appBaseInfo, brand: 'devtools', model: 'iPhone 6/7/8', platform: 'devtools', system: 'iOS 16.0' };

/** An async wx API that succeeds with `res` (callbacks and promise styles both). */
function asyncOk(name: string, res: object = {}) {
  return jest.fn((options: { success?: (r: object) => void; complete?: (r: object) => void } = {}) => {
    const result = { errMsg: `${name}:ok`, ...res };
    if (!options.success && !options.complete) return Promise.resolve(result);
    setTimeout(() => {
      options.success?.(result);
      options.complete?.(result);
    }, 0);
    return undefined;
  });
}

/** The storage behind get/setStorageSync, cleared by installWx. */
export const storage = new Map<string, unknown>();

/** Defines a fresh `wx`, `App`, `getApp` and `Page`; every mock starts without calls. */
export function installWx(): void {
  storage.clear();
  const wx = {
    ...simulatedApi,
    getSystemInfoSync: jest.fn(() => systemInfo),
    getWindowInfo: jest.fn(() => windowInfo),
    getAppBaseInfo: jest.fn(() => appBaseInfo),
    getDeviceInfo: jest.fn(() => ({ brand: 'devtools', model: 'iPhone 6/7/8', platform: 'devtools', system: 'iOS 16.0', pixelRatio: 2 })),
    getMenuButtonBoundingClientRect: jest.fn(() => ({ bottom: 56, height: 32, left: 281, right: 368, top: 24, width: 87 })),
    getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
    setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
    removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
    // No backend by default: a page that calls one without a test saying how it answers fails loudly.
    request: jest.fn(() => {
      throw new Error('wx.request called without a mocked backend: use mockBackend() from harness.ts');
    }),
    cloud: {
      init: jest.fn(),
      callFunction: jest.fn(() => Promise.reject(new Error('wx.cloud.callFunction called without a mock'))),
    },
    navigateTo: asyncOk('navigateTo'),
    redirectTo: asyncOk('redirectTo'),
    switchTab: asyncOk('switchTab'),
    reLaunch: asyncOk('reLaunch'),
    navigateBack: asyncOk('navigateBack'),
    showToast: asyncOk('showToast'),
    hideToast: asyncOk('hideToast'),
    showModal: asyncOk('showModal', { confirm: true, cancel: false }),
    showLoading: asyncOk('showLoading'),
    hideLoading: asyncOk('hideLoading'),
    stopPullDownRefresh: asyncOk('stopPullDownRefresh'),
    openPrivacyContract: asyncOk('openPrivacyContract'),
    setTabBarBadge: asyncOk('setTabBarBadge'),
    removeTabBarBadge: asyncOk('removeTabBarBadge'),
    // The person dismisses the prompt unless a test answers for them.
    requestSubscribeMessage: asyncOk('requestSubscribeMessage'),
    onNeedPrivacyAuthorization: jest.fn(),
  };
  Object.assign(globalThis, {
    wx,
    App: jest.fn(),
    getApp: jest.fn(() => ({ globalData: { fontScale: 1 } })),
    // Pages are written with Component (DESIGN.md); Page is defined for code that still uses it.
    Page: jest.fn((options: object) => (globalThis as unknown as { Component: (o: object) => void }).Component(options)),
    getCurrentPages: jest.fn(() => []),
  });
}
