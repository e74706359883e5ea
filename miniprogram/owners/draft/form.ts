// The drafting form: its fields, checks and the payload of owners.draft. Dates are China dates
// (yyyy-mm-dd); voting opens at 08:00 on the first day and closes at 20:00 on the last.
import type { DraftInput, Matter } from '../service';

export interface DraftForm {
  matter: Matter | '';
  title: string;
  text: string;
  opensOn: string;
  closesOn: string;
  candidates: string;
  seats: string;
}

export const EMPTY_FORM: DraftForm = { matter: '', title: '', text: '', opensOn: '', closesOn: '', candidates: '', seats: '' };

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A China date and hour as an ISO time with offset, or null for a malformed date. */
export function chinaIso(date: string, hour: number): string | null {
  const m = DATE.exec(date.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(mo)}-${pad(d)}T${pad(hour)}:00:00+08:00`;
}

/** The candidates typed one per line (or separated by 、，,). */
export function candidatesOf(text: string): string[] {
  return text
    .split(/[\n、，,]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The errors by field (empty when the form can be sent) and the payload. */
export function checkDraft(
  form: DraftForm,
  compoundId: string,
): { errors: Partial<Record<keyof DraftForm, string>>; input: DraftInput | null } {
  const errors: Partial<Record<keyof DraftForm, string>> = {};
  if (!form.matter) errors.matter = '请选择表决事项类型';
  if (!form.title.trim()) errors.title = '请填写标题';
  if (!form.text.trim()) errors.text = '请填写表决内容';
  const opensAt = chinaIso(form.opensOn, 8);
  const closesAt = chinaIso(form.closesOn, 20);
  if (!opensAt) errors.opensOn = '请按 2026-12-20 的格式填写日期';
  if (!closesAt) errors.closesOn = '请按 2026-12-27 的格式填写日期';
  const election = form.matter === 'committee_election';
  const candidates = candidatesOf(form.candidates);
  const seats = Number(form.seats);
  if (election && candidates.length === 0) errors.candidates = '请填写候选人，每行一名';
  if (election && !(Number.isInteger(seats) && seats >= 1)) errors.seats = '请填写应选人数';
  if (Object.keys(errors).length || !form.matter || !opensAt || !closesAt) return { errors, input: null };
  const input: DraftInput = { compoundId, matter: form.matter, title: form.title.trim(), text: form.text.trim(), opensAt, closesAt };
  if (election) {
    input.candidates = candidates;
    input.seats = seats;
  }
  return { errors, input };
}
