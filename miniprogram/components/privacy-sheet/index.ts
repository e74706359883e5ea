// The consent sheet of WeChat's privacy guideline: when the mini-program is about to use a
// privacy-scoped API (choosing photos, the clipboard, …) and the person has not agreed yet, WeChat
// calls wx.onNeedPrivacyAuthorization; this sheet explains and lets them agree (WeChat's
// agreePrivacyAuthorization button) or refuse. Pages using such APIs include <privacy-sheet />.

type Resolve = (result: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

Component({
  options: { pureDataPattern: /^_/ },

  data: {
    visible: false,
    _resolve: null as Resolve | null,
  },

  lifetimes: {
    attached() {
      this.listen();
    },
  },

  // WeChat keeps one listener: the page in front registers its own sheet again when it shows.
  pageLifetimes: {
    show() {
      this.listen();
    },
  },

  methods: {
    listen() {
      // Absent before base library 2.32.3: then there is nothing to handle.
      wx.onNeedPrivacyAuthorization?.((resolve) => {
        this.setData({ visible: true, _resolve: resolve as unknown as Resolve });
        (resolve as unknown as Resolve)({ event: 'exposureAuthorization' });
      });
    },

    onAgree() {
      this.data._resolve?.({ event: 'agree', buttonId: 'privacy-agree' });
      this.setData({ visible: false, _resolve: null });
    },

    onDisagree() {
      this.data._resolve?.({ event: 'disagree' });
      this.setData({ visible: false, _resolve: null });
      wx.showToast({ title: '未同意隐私保护指引，该功能暂不可用', icon: 'none' });
    },

    onOpenContract() {
      wx.openPrivacyContract({});
    },
  },
});
