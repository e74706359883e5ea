import { config } from './config';
import { checkCloudConfig } from './utils/cloud-config';
import { showBadge } from './utils/badge';
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

  onShow() {
    // Back in the foreground, messages may have come: refresh the 我的 badge. At launch the caller is
    // not known yet: the first page asks who they are, and a tab page's show refreshes the badge
    // with that answer (one whoami, one unread count).
    if (this.globalData.me) showBadge();
  },
});
