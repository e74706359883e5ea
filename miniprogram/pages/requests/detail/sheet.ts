// The action sheets of the request detail page: what each asks for, its checks, and the call it makes.
import type { ApiResult } from '../../../../typings/api';
import * as requests from '../../../services/requests';
import type { MeetingOutcome, Party, Position, RequestAction, RequestView, Tier } from '../../../services/requests';
import { textProblem } from '../format';

/** Everything any sheet asks for; each sheet uses its part. */
export interface SheetForm {
  leadParty: Party | '';
  coHandlers: Party[];
  tier: Tier | '';
  major: boolean;
  text: string;
  position: Position | '';
  outcome: MeetingOutcome | '';
  score: number;
  solved: boolean | null;
}

export type SheetErrors = Partial<Record<'leadParty' | 'coHandlers' | 'text' | 'position' | 'outcome' | 'score' | 'solved', string>>;

export const EMPTY_SHEET: SheetForm = {
  leadParty: '',
  coHandlers: [],
  tier: '',
  major: false,
  text: '',
  position: '',
  outcome: '',
  score: 0,
  solved: null,
};

/** Text label and limit, whether the text is required, and the confirmation of each sheet (its title is the action's name in the view). */
export const SHEETS: Record<
  Exclude<RequestAction, 'escalate' | 'autoClose' | 'withdraw'>,
  { textLabel: string; max: number; textRequired: boolean; confirm: string }
> = {
  accept: { textLabel: '分派说明', max: 500, textRequired: false, confirm: '确认受理并分派给所选牵头方？' },
  reject: { textLabel: '理由', max: 500, textRequired: true, confirm: '确认不予受理？理由将告知居民。' },
  start: { textLabel: '办理说明', max: 1000, textRequired: true, confirm: '确认开始办理？' },
  progress: { textLabel: '进展说明', max: 1000, textRequired: true, confirm: '确认记录这条进展？' },
  resolve: { textLabel: '办结说明', max: 1000, textRequired: true, confirm: '确认已办结？居民将收到通知并评价。' },
  deliberate: { textLabel: '意见', max: 500, textRequired: true, confirm: '表态提交后不能修改，确认提交？' },
  decide: { textLabel: '会议结论', max: 1000, textRequired: true, confirm: '确认记录联席会议结果？' },
  rate: { textLabel: '评价内容（选填）', max: 500, textRequired: false, confirm: '评价提交后不能修改，确认提交？' },
  reopen: { textLabel: '原因', max: 500, textRequired: true, confirm: '确认申请重新办理？' },
  comment: { textLabel: '留言内容', max: 500, textRequired: true, confirm: '确认发送留言？' },
};

export type SheetAction = keyof typeof SHEETS;

/** The problems of a sheet, by field; empty when it may be sent. */
export function validateSheet(action: SheetAction, form: SheetForm): SheetErrors {
  const errors: SheetErrors = {};
  const spec = SHEETS[action];
  if (spec.textRequired || form.text.trim()) {
    const problem = textProblem(form.text, spec.textLabel.replace(/（选填）$/, ''), spec.max);
    if (problem) errors.text = problem;
  }
  if (action === 'accept') {
    if (!form.leadParty) errors.leadParty = '请选择牵头方';
    else if (form.coHandlers.includes(form.leadParty)) errors.coHandlers = '牵头方不能同时是协办方';
  }
  if (action === 'deliberate' && !form.position) errors.position = '请选择同意、反对或弃权';
  if (action === 'decide' && !form.outcome) errors.outcome = '请选择协调结果';
  if (action === 'rate') {
    if (form.score < 1 || form.score > 5) errors.score = '请打分（1–5 星）';
    if (form.solved === null) errors.solved = '请选择问题是否已解决';
  }
  return errors;
}

/** Sheets of the handling staff: opening one asks for the handling messages (new work, overdue, decisions). */
export const HANDLING_SHEETS: readonly SheetAction[] = ['accept', 'reject', 'start', 'progress', 'resolve', 'deliberate', 'decide'];

/** Sheets that take photos (progress and resolution, RULES.md §2: photos optional). */
export const PHOTO_SHEETS: readonly SheetAction[] = ['start', 'progress', 'resolve'];

/** The call a sheet makes; `photos` are stored file ids. */
export function send(action: SheetAction, requestId: string, form: SheetForm, photos: string[] = []): Promise<ApiResult<RequestView>> {
  const text = form.text.trim();
  switch (action) {
    case 'accept': {
      const input: requests.AcceptInput = { requestId, leadParty: form.leadParty as Party };
      if (form.coHandlers.length) input.coHandlers = form.coHandlers;
      if (form.tier) input.tier = form.tier;
      if (form.major) input.major = true;
      if (text) input.note = text;
      return requests.accept(input);
    }
    case 'reject':
      return requests.reject(requestId, text);
    case 'start':
    case 'progress':
      return requests.update(requestId, 'in_progress', text, photos);
    case 'resolve':
      return requests.update(requestId, 'resolved', text, photos);
    case 'deliberate':
      return requests.deliberate(requestId, form.position as Position, text);
    case 'decide':
      return requests.decide(requestId, form.outcome as MeetingOutcome, text);
    case 'rate':
      return requests.rate(requestId, form.score, form.solved === true, text || undefined);
    case 'reopen':
      return requests.reopen(requestId, text);
    case 'comment':
      return requests.comment(requestId, text);
  }
}
