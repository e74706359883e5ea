import { config } from './config';
import { readFontScale } from './utils/font';
import { prepareSubscribe } from './utils/subscribe';

App<IAppOption>({
  globalData: {
    fontScale: 1,
  },

  onLaunch() {
    // Local mode talks to the gateway over HTTP; only production needs the CloudBase SDK.
    if (config.mode === 'cloud') wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    this.globalData.fontScale = readFontScale();
    // Template ids for the subscribe prompts at the taps that ask (nothing is asked now).
    prepareSubscribe();
  },
});
