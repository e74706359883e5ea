// The launch check of cloud mode: a build still carrying config.ts's placeholder environment id
// would fail on every call. It refuses to start instead, and says why on screen and in the console.
import { config, PLACEHOLDER_CLOUD_ENV, type AppConfig } from '../config';

/** What is wrong with the cloud configuration, for the developer; null when it is usable (or mode is local). */
export function cloudConfigProblem(c: AppConfig = config): string | null {
  if (c.mode !== 'cloud') return null;
  const env = c.cloudEnv.trim();
  if (env === '' || env === PLACEHOLDER_CLOUD_ENV) {
    return `云开发环境 ID 未设置：miniprogram/config.ts 的 cloudEnv 仍是 "${c.cloudEnv}"。请填入云开发控制台中的环境 ID（见 docs/DEPLOY.md 第 5 步），或把 mode 改为 'local'。`;
  }
  return null;
}

/** Shown on screen at launch: what is wrong, and where it is fixed. */
export const NOT_CONFIGURED_MESSAGE =
  '云开发环境 ID 未设置，小程序无法连接服务。请在 miniprogram/config.ts 中填写 cloudEnv（见 docs/DEPLOY.md），或改用本地模式。';

/**
 * Checks the configuration at launch. In cloud mode with no real environment id it logs the problem
 * to the DevTools console, shows it in a dialog that cannot be dismissed into a working app, and
 * returns false: the caller must not initialise the cloud. True when the app may start.
 */
export function checkCloudConfig(c: AppConfig = config): boolean {
  const problem = cloudConfigProblem(c);
  if (!problem) return true;
  console.error(`[config] ${problem}`);
  wx.showModal({ title: '无法启动', content: NOT_CONFIGURED_MESSAGE, showCancel: false, confirmText: '知道了' });
  return false;
}
