import { config } from './config';
import { readFontScale } from './utils/font';

App<IAppOption>({
  globalData: {
    fontScale: 1,
  },

  onLaunch() {
    // Local mode talks to the gateway over HTTP; only production needs the CloudBase SDK.
    if (config.mode === 'cloud') wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    this.globalData.fontScale = readFontScale();
  },
});
