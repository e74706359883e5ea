// What every page shares: its text follows the user's WeChat font size (适老化: `pageStyle` on
// <page-meta>), its loads are numbered so that a late answer of an older load is dropped, and pull
// to refresh runs the page's `refresh` and always stops the spinner.
import { pageStyle } from '../utils/font';

/** The number of each page's latest load. */
const latest = new WeakMap<object, number>();

export const pageBehavior = Behavior({
  data: { pageStyle: '' },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
    },
  },

  methods: {
    /** Starts a load that replaces what is shown; the check says whether it is still the latest. */
    beginLoad(): () => boolean {
      const seq = (latest.get(this) ?? 0) + 1;
      latest.set(this, seq);
      return () => latest.get(this) === seq;
    },

    /** A load that adds to what is shown (a next page): stale once a new `beginLoad` starts. */
    joinLoad(): () => boolean {
      const seq = latest.get(this) ?? 0;
      return () => latest.get(this) === seq;
    },

    onPullDownRefresh() {
      const page = this as unknown as { refresh?: () => Promise<void> | void };
      Promise.resolve()
        .then(() => page.refresh?.())
        .finally(() => wx.stopPullDownRefresh());
    },
  },
});
