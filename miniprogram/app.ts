import { config } from './config';
import { checkCloudConfig } from './utils/cloud-config';
import { readFontScale } from './utils/font';
import { prepareSubscribe } from './utils/subscribe';

App<IAppOption>({
  globalData: {
    fontScale: 1,
  },

  onLaunch() {
    // Local mode talks to the gateway over HTTP; only production needs the CloudBase SDK, and only
    // with a real environment id: checkCloudConfig says why on screen and in the console otherwise.
    if (config.mode === 'cloud' && checkCloudConfig()) wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    this.globalData.fontScale = readFontScale();
    // Template ids for the subscribe prompts at the taps that ask (nothing is asked now).
    prepareSubscribe();
  },
});
