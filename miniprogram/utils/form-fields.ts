// The fields of a form, as plain types and functions (behaviors/form sends a form; each page's
// form.ts holds its rules): the errors per field, and a required text field checked as the server's
// schema will — not blank once trimmed, and within its length.

/** A message per field in error; empty when the form can be sent. */
export type FieldErrors<F extends string = string> = Partial<Record<F, string>>;

/** What is wrong with a required text field (`empty`: the prompt when blank; `what`: its name), or undefined. */
export function textFieldError(value: string, empty: string, max: number, what: string): string | undefined {
  const v = value.trim();
  if (!v) return empty;
  if (v.length > max) return `${what}不能超过 ${max} 个字`;
  return undefined;
}
