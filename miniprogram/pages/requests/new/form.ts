// The new-request form's rules: what is required and how long, as the server checks them.
import type { RequestCategory, SubmitRequestInput } from '../../../services/requests';
import { textProblem } from '../format';

export interface RequestForm {
  category: RequestCategory | '';
  title: string;
  description: string;
  isPublic: boolean;
}

export type FormErrors = Partial<Record<'category' | 'title' | 'description', string>>;

export const TITLE_MAX = 40;
export const DESCRIPTION_MAX = 1000;

/** The problems of the form, by field; empty when it may be submitted. */
export function validateRequest(form: RequestForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.category) errors.category = '请选择诉求类别';
  const title = textProblem(form.title, '标题', TITLE_MAX);
  if (title) errors.title = title;
  const description = textProblem(form.description, '问题描述', DESCRIPTION_MAX);
  if (description) errors.description = description;
  return errors;
}

/** The submit payload of a valid form. */
export function toSubmitInput(form: RequestForm, compoundId: string, photos: string[], clientToken: string): SubmitRequestInput {
  const input: SubmitRequestInput = {
    category: form.category as RequestCategory,
    title: form.title.trim(),
    description: form.description.trim(),
    compoundId,
    isPublic: form.isPublic,
    clientToken,
  };
  if (photos.length) input.photos = photos;
  return input;
}

/** The field a server issue shows on. */
export const requestFieldOf = (path: string) => (['category', 'title', 'description'] as const).find((f) => f === path);
