// What a page with a form shares (and the plain functions behind it): fields typed into `form.<field>` (named by `data-field`), a field's
// error cleared once it changes, and one way to send: check the form → call → the server's
// INVALID_INPUT issues back onto the fields (the rest above the form) → a toast when it went through.
import type { ApiResult, AppError, InputIssue } from '../../typings/api';
import type { DetailEvent } from '../utils/events';
import type { FieldErrors } from '../utils/form-fields';

/**
 * Puts the server's issues onto the form's fields: `fieldOf` names the field an issue's path shows
 * on (undefined: none). Issues about anything else, or a second issue on a field, come back as `other`.
 */
export function issuesToErrors<F extends string>(
  issues: readonly InputIssue[] | undefined,
  fieldOf: (path: string) => F | undefined,
): { errors: FieldErrors<F>; other: string[] } {
  const errors: FieldErrors<F> = {};
  const other: string[] = [];
  for (const issue of issues ?? []) {
    const field = fieldOf(String(issue.path[0]));
    if (field && !errors[field]) errors[field] = issue.message;
    else other.push(issue.message);
  }
  return { errors, other };
}

/** Whether a form has no field in error. */
export function isClean(errors: FieldErrors): boolean {
  return !Object.values(errors).some(Boolean);
}

/** One sending of the form. */
export interface SubmitSpec<T> {
  /** What is wrong with the form as typed, per field ({} when it can be sent). */
  errors?: FieldErrors;
  /** Asked once the form is valid, before sending (a confirmation): false stops. */
  ready?: () => Promise<boolean> | boolean;
  /** Sends it. */
  send(): Promise<ApiResult<T>>;
  /** Which field an issue of the server shows on (default: none, every issue above the form). */
  fieldOf?: (path: string) => string | undefined;
  /** The toast when it went through. */
  toast?: string;
  /** A failure the page handles itself (true: nothing more is shown). */
  failed?: (error: AppError) => boolean | void;
}

export const formBehavior = Behavior({
  data: {
    errors: {} as FieldErrors,
    formError: '',
    submitting: false,
  },

  methods: {
    /** A text field: `data-field` names it. */
    onInput(e: DetailEvent<{ value: string }, { field: string }>) {
      const field = e.currentTarget.dataset.field;
      this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },

    // Clears a field's error once the person changes it.
    clearError(field: string) {
      if ((this.data.errors as FieldErrors)[field]) this.setData({ [`errors.${field}`]: '' });
    },

    // Checks and sends the form once at a time; the answer's data when it went through, else undefined (shown).
    async submitForm<T>(spec: SubmitSpec<T>): Promise<T | undefined> {
      if (this.data.submitting) return undefined;
      const errors = spec.errors ?? {};
      this.setData({ errors, formError: '' });
      if (!isClean(errors)) return undefined;
      // A ready check that answers at once keeps the sending in this tap (no await before the call).
      const ready = spec.ready ? spec.ready() : true;
      if (!(typeof ready === 'boolean' ? ready : await ready)) return undefined;
      this.setData({ submitting: true });
      const res = await spec.send();
      this.setData({ submitting: false });
      if (res.ok) {
        // WeChat cuts a success toast after 7 characters: a longer one goes without the icon.
        if (spec.toast) wx.showToast({ title: spec.toast, icon: spec.toast.length > 7 ? 'none' : 'success' });
        return res.data;
      }
      if (spec.failed?.(res.error)) return undefined;
      if (res.error.code === 'INVALID_INPUT' && spec.fieldOf) {
        const { errors: onFields, other } = issuesToErrors(res.error.issues, spec.fieldOf);
        this.setData({ errors: onFields, formError: other.length ? other.join('；') : isClean(onFields) ? res.error.message : '' });
        return undefined;
      }
      // CONFLICT, NOT_FOUND, a lost network…: said as the server put it.
      this.setData({ formError: res.error.message });
      return undefined;
    },
  },
});
