// A page that shows one list in pages of rows: the first page (on open, on retry, on pull to
// refresh), the next ones on reaching the bottom, each answer dropped when a newer load started;
// a changed filter starts the list again (`refilter`), and a tapped row opens its page (`rowPage`).
// The page says how to ask for a page and how an item becomes a row; it shows the states with
// <page-state> (components/page-state).
import type { ApiResult, AppError, Page } from '../../typings/api';
import type { DatasetEvent } from '../utils/events';
import { applyPage, emptyList, type ListState } from '../utils/list-state';
import { openPage } from '../utils/navigate';
import { pageBehavior } from './page';

/**
 * A paged list: `I` the items of the answer `P`, `R` the rows shown, `D` the page data the query is
 * made from (the type of `fetch`'s first parameter).
 */
export interface PagingSpec<I, R, P extends Page<I>, D> {
  /** Asks for a page of the list: the first when `cursor` is null. */
  fetch(data: D, cursor: string | null): Promise<ApiResult<P>>;
  /** The row of an item (`data`: the page's data; `answer`: the page the item came in). */
  row(item: I, data: D, answer: P): R;
  key(row: R): string;
  /** More page data to set with the first page (counts, filters the answer carries). */
  withFirst?(answer: P, list: ListState<R>, data: D): Record<string, unknown>;
  /** Page data for a first page that failed (default: its message as `error`). */
  failed?(error: AppError): Record<string, unknown>;
  /** Loads once attached: the page's `init` if it has one, else the first page. */
  autoload?: boolean;
  /** Reloads quietly whenever the page shows again (back from a row's page, whose state may have changed). */
  reloadOnShow?: boolean;
  /** Also runs whenever the page shows (a tab page refreshes the 我的 badge). */
  shown?(): void;
  /** The page a tapped row opens (`onCardTap`, the row's `data-id`). */
  rowPage?(id: string): string;
}

/** The page's `init` (finding out what the query needs), bound to it. */
function initOf(page: object): () => Promise<void> {
  const init = (page as { init?: () => Promise<void> }).init;
  return init ? init.bind(page) : () => Promise.resolve();
}

/** The behaviour of a paged list page: `loadFirst`, `loadMore`, `clearList` and the usual handlers. */
export function pagingBehavior<I, R, P extends Page<I> = Page<I>, D = object>(spec: PagingSpec<I, R, P, D>) {
  return Behavior({
    behaviors: [pageBehavior],

    data: {
      /**
       * What the query needs is known. A page that must first find it out (who is looking, their
       * community) starts with `ready: false`, has an `init` that sets it, and retry and pull to
       * refresh run `init` until then.
       */
      ready: true,
      // The first page is loading (and nothing is shown yet).
      loading: true,
      loadingMore: false,
      error: '',
      moreError: '',
      list: emptyList<R>() as ListState<R>,
    },

    lifetimes: {
      attached() {
        if (!spec.autoload) return;
        const init = (this as unknown as { init?: () => Promise<void> }).init;
        if (init) init.call(this);
        else (this as unknown as { loadFirst: () => Promise<void> }).loadFirst();
      },
    },

    methods: {
      onShow() {
        spec.shown?.();
        if (spec.reloadOnShow && !this.data.loading && this.data.ready) this.loadFirst(true);
      },

      // Loads the first page, replacing the list; `quiet` keeps the rows shown meanwhile.
      async loadFirst(quiet = false): Promise<void> {
        const fresh = this.beginLoad();
        this.setData({ error: '', moreError: '', loadingMore: false });
        if (!quiet || !this.data.list.items.length) this.setData({ loading: true });
        const res = await spec.fetch(this.data as unknown as D, null);
        if (!fresh()) return;
        if (!res.ok) {
          this.setData({ loading: false, ...(spec.failed ? spec.failed(res.error) : { error: res.error.message }) });
          return;
        }
        const data = this.data as unknown as D;
        const list = applyPage(this.data.list, res.data, false, (i) => spec.row(i, data, res.data), spec.key);
        this.setData({ loading: false, list, ...(spec.withFirst ? spec.withFirst(res.data, list, data) : {}) });
      },

      // Loads the next page, if any, appending it.
      async loadMore(): Promise<void> {
        const { list, loading, loadingMore } = this.data;
        if (loading || loadingMore || list.ended || !list.nextCursor) return;
        const fresh = this.joinLoad();
        this.setData({ loadingMore: true, moreError: '' });
        const res = await spec.fetch(this.data as unknown as D, list.nextCursor);
        if (!fresh()) return;
        if (!res.ok) {
          this.setData({ loadingMore: false, moreError: res.error.message });
          return;
        }
        this.setData({
          loadingMore: false,
          list: applyPage(this.data.list, res.data, true, (i) => spec.row(i, this.data as unknown as D, res.data), spec.key),
        });
      },

      // Empties the list (a filter changed) before `loadFirst`.
      clearList() {
        this.setData({ list: emptyList<R>() });
      },

      // A filter changed (`change`, the page data it sets): the list starts again from its first page.
      refilter(change: Record<string, unknown>) {
        this.setData(change);
        this.clearList();
        this.loadFirst();
      },

      onCardTap(e: DatasetEvent<{ id: string }>) {
        if (spec.rowPage) openPage(spec.rowPage(e.currentTarget.dataset.id));
      },

      refresh(): Promise<void> {
        return this.data.ready ? this.loadFirst(true) : initOf(this)();
      },

      onReachBottom() {
        this.loadMore();
      },

      onRetry() {
        if (this.data.ready) this.loadFirst();
        else initOf(this)();
      },

      onRetryMore() {
        this.loadMore();
      },
    },
  });
}
