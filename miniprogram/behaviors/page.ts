// What every page shares: its text follows the user's WeChat font size (适老化: `pageStyle` on
// <page-meta>), its loads are numbered so that a late answer of an older load is dropped, and pull
// to refresh runs the page's `refresh` (else its `load(true)`: quietly, keeping what is shown) and
// always stops the spinner; 重试 runs its `load`. A page starts `loading` (its first load) with no `error`.
import type { ApiResult, AppError, SelfView } from '../../typings/api';
import { me } from '../services/session';
import { pageStyle } from '../utils/font';

/** The number of each page's latest load. */
const latest = new WeakMap<object, number>();

export const pageBehavior = Behavior({
  data: { pageStyle: '', loading: true, error: '' },

  lifetimes: {
    attached() {
      this.setData({ pageStyle: pageStyle() });
    },
  },

  methods: {
    // Starts a load that replaces what is shown; the check says whether it is still the latest.
    beginLoad(): () => boolean {
      const seq = (latest.get(this) ?? 0) + 1;
      latest.set(this, seq);
      return () => latest.get(this) === seq;
    },

    // A load that adds to what is shown (a next page): stale once a new `beginLoad` starts.
    joinLoad(): () => boolean {
      const seq = latest.get(this) ?? 0;
      return () => latest.get(this) === seq;
    },

    // Whether a load's answer is to be shown: still the latest load's, and it went through. A failure
    // is shown by the page's `loadFailed` (callerBehavior's, the admin pages'), else with 重试. (No
    // default `loadFailed` here: a paged page lists this behaviour after callerBehavior, and its copy
    // would replace the caller's.)
    answered<T, R extends string>(fresh: () => boolean, res: ApiResult<T, R>): res is { ok: true; data: T } {
      if (!fresh()) return false;
      if (res.ok) return true;
      const page = this as unknown as { loadFailed?: (error: AppError<string>) => void };
      if (page.loadFailed) page.loadFailed(res.error);
      else this.setData({ loading: false, error: res.error.message });
      return false;
    },

    // The caller (kept by the app: services/session), or undefined when asking failed (then shown with 重试) or a newer load began.
    async callerFor(fresh: () => boolean): Promise<SelfView | null | undefined> {
      const who = await me();
      if (!fresh()) return undefined;
      if (!who.ok) {
        this.setData({ loading: false, error: who.error.message });
        return undefined;
      }
      return who.data.user;
    },

    // 重试 after a failed load: the page's `load`.
    onRetry() {
      (this as unknown as { load?: () => Promise<void> | void }).load?.();
    },

    onPullDownRefresh() {
      const page = this as unknown as { refresh?: () => Promise<void> | void; load?: (quiet: boolean) => Promise<void> | void };
      Promise.resolve()
        .then(() => (page.refresh ? page.refresh() : page.load?.(true)))
        .finally(() => wx.stopPullDownRefresh());
    },
  },
});

/** A page that loads once attached: its `init` (finding out who is looking) if it has one, else its `load`. */
export const loadedPageBehavior = Behavior({
  behaviors: [pageBehavior],

  lifetimes: {
    attached() {
      const page = this as unknown as { init?: () => unknown; load?: () => unknown };
      if (page.init) page.init();
      else page.load?.();
    },
  },
});

// A page that first finds out who is looking and in which community, then loads for it: the caller
// comes from the app's copy (services/session: whoami asked once), and the page shows loading, a
// failure with 重试, or — when the caller may not use the page — why, without 重试. Retry and pull to
// refresh run the page's `init` until the caller is known (`ready`), its `load` after. A paged page
// (behaviors/paging) lists this behaviour first and declares `ready: false`.

/** Why a caller may not use the page ('' when they may). */
export type Refusal = (user: SelfView | null) => string;

/** The page's own steps (each optional). */
type Steps = { init?: () => Promise<void> | void; load?: (quiet?: boolean) => Promise<void> | void };

export const callerBehavior = Behavior({
  behaviors: [loadedPageBehavior],

  data: {
    // Why the caller may not use the page: shown as is, without 重试.
    forbidden: '',
    // The caller is known (their community set): retry and pull to refresh then run `load`.
    ready: false,
    // The caller's community, once known.
    communityId: '',
  },

  methods: {
    /**
     * The caller (null: not registered), their community set on the page; undefined when asking
     * failed or `refuse` said no (either is then shown) or a newer load began.
     */
    async caller(refuse?: Refusal): Promise<SelfView | null | undefined> {
      const fresh = this.beginLoad();
      this.setData({ loading: true, error: '', forbidden: '' });
      const user = await this.callerFor(fresh);
      if (user === undefined) return undefined;
      const why = refuse ? refuse(user) : '';
      if (why) {
        this.setData({ loading: false, forbidden: why });
        return undefined;
      }
      this.setData({ ready: true, communityId: user ? user.communityId : '' });
      return user;
    },

    // Shows a failed load: FORBIDDEN as "you may not", anything else with 重试.
    loadFailed(error: AppError<string>) {
      if (error.code === 'FORBIDDEN') this.setData({ loading: false, forbidden: error.message });
      else this.setData({ loading: false, error: error.message });
    },

    // Loads again, keeping what is shown meanwhile.
    refresh(): Promise<void> | void {
      const page = this as unknown as Steps;
      if (page.init && !this.data.ready) return page.init();
      return page.load?.(true);
    },

    onRetry() {
      const page = this as unknown as Steps;
      this.setData({ loading: true, error: '' });
      if (page.init && !this.data.ready) page.init();
      else page.load?.();
    },
  },
});
