// <page-state>: what a page shows instead of its content — loading, "you may not" (no 重试), a failure
// with 重试, or an empty list with an optional action — and, with kind="end", the foot of a paged list (loading more, a
// failure to tap for another try, 没有更多了, or 加载更多). It shows nothing when none applies.
//
//   <page-state loading="{{loading}}" error="{{error}}" empty="{{list.items.length ? '' : '暂无活动'}}" bind:retry="onRetry" />
//   <page-state kind="end" loading="{{loadingMore}}" error="{{moreError}}" ended="{{list.ended}}" bind:retry="onRetryMore" bind:more="onReachBottom" />
Component({
  options: { addGlobalClass: true },

  properties: {
    // 'page' (the whole page's state) or 'end' (the foot of a list).
    kind: { type: String, value: 'page' },
    loading: { type: Boolean, value: false },
    // Why the caller may not see the page ('' when they may): shown without 重试.
    forbidden: { type: String, value: '' },
    forbiddenTitle: { type: String, value: '无权访问' },
    // A failure to show; '' when none.
    error: { type: String, value: '' },
    errorTitle: { type: String, value: '加载失败' },
    // Whether a failure offers 重试 (not for "you may not see this").
    retry: { type: Boolean, value: true },
    // What an empty page says; '' when the page is not empty.
    empty: { type: String, value: '' },
    emptyIcon: { type: String, value: 'info-circle' },
    // A button under the empty state ('' for none): fires `action`.
    action: { type: String, value: '' },
    // kind="end": the last page has been loaded.
    ended: { type: Boolean, value: false },
  },

  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
    onAction() {
      this.triggerEvent('action');
    },
    onMore() {
      this.triggerEvent('more');
    },
  },
});
