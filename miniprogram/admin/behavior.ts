// What the setup pages share on top of the page behaviour: the states of one load (loading, a
// failure with 重试, or "you may not" without it), retry and pull to refresh re-running the page's
// `load`, and a form whose fields are typed into `form.<field>`.
import type { AppError } from '../../typings/api';
import { pageBehavior } from '../behaviors/page';
import type { DetailEvent } from '../utils/events';
import { NOT_OVERSEER } from './shared';

/** The page's own load; `quiet` keeps what is shown meanwhile. */
type Loader = { load?: (quiet?: boolean) => Promise<void> | void };

export const adminPageBehavior = Behavior({
  behaviors: [pageBehavior],

  data: {
    loading: true,
    error: '',
    /** Set when the caller may not see the page: shown as is, without 重试. */
    forbidden: '',
    form: {} as Record<string, unknown>,
    formError: '',
    saving: false,
  },

  methods: {
    /** Shows a failed load: FORBIDDEN as "you may not", anything else with 重试. */
    loadFailed(error: AppError<string>) {
      if (error.code === 'FORBIDDEN') this.setData({ loading: false, forbidden: error.message || NOT_OVERSEER });
      else this.setData({ loading: false, error: error.message });
    },

    refresh() {
      return (this as unknown as Loader).load?.(true);
    },

    onRetry() {
      this.setData({ error: '' });
      (this as unknown as Loader).load?.();
    },

    /** A text field of the form: `data-field` names it. */
    onInput(e: DetailEvent<{ value: string }, { field: string }>) {
      this.setData({ [`form.${e.currentTarget.dataset.field}`]: e.detail.value, formError: '' });
    },
  },
});
