// What the 诉求 pages show for the API's values: Chinese labels, status tags, times in Beijing time,
// time-limit text, timeline rows. Plain functions, tested without rendering.
import type { RequestStatus, RequestSummary, RequestView, TimelineView, ViewerAction } from '../../services/requests';
import { formatTime as formatChinaTime } from '../../utils/china-time';

/** TDesign tag themes per status. */
const STATUS_THEMES: Record<RequestStatus, 'primary' | 'warning' | 'success' | 'default' | 'danger'> = {
  submitted: 'warning',
  assigned: 'primary',
  in_progress: 'primary',
  resolved: 'success',
  closed: 'default',
  rejected: 'default',
  withdrawn: 'default',
  reopened: 'danger',
};

/** The tag theme of a status. */
export function statusTheme(status: RequestStatus): string {
  return STATUS_THEMES[status];
}

/** An ISO time as Beijing time, `11-20 09:00` (with the year when it is not `nowYear`). */
export function formatTime(iso: string | null, nowYear?: number): string {
  return formatChinaTime(iso, { short: true, nowYear });
}

function span(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 48) return `${Math.floor(hours / 24)} 天`;
  if (hours >= 1) return `${hours} 小时`;
  return `${Math.max(1, Math.floor(ms / 60_000))} 分钟`;
}

/** The time-limit line of a request still being handled: `剩余 5 小时` / `已超时 2 天`; empty once handled. */
export function dueText(r: Pick<RequestSummary, 'status' | 'dueAt' | 'overdue'>, now: Date): string {
  if (!['submitted', 'assigned', 'in_progress', 'reopened'].includes(r.status)) return '';
  const left = Date.parse(r.dueAt) - now.getTime();
  return left < 0 || r.overdue ? `已超时 ${span(Math.abs(left))}` : `剩余 ${span(left)}（${formatTime(r.dueAt)} 前）`;
}

/** A request card of a list. */
export interface RequestCard {
  requestId: string;
  title: string;
  meta: string;
  statusText: string;
  statusTheme: string;
  due: string;
  overdue: boolean;
  escalated: boolean;
  major: boolean;
  roleText: string;
}

/** The card of a list item. */
export function cardOf(r: RequestSummary & { inboxRoleLabel?: string }, now: Date): RequestCard {
  return {
    requestId: r.requestId,
    title: r.title,
    meta: `${r.categoryLabel} · ${r.compoundName} · ${formatTime(r.createdAt, now.getUTCFullYear())}`,
    statusText: r.statusLabel,
    statusTheme: STATUS_THEMES[r.status],
    due: dueText(r, now),
    overdue: r.overdue,
    escalated: r.escalated,
    major: r.major,
    roleText: r.inboxRoleLabel ?? '',
  };
}

/** One timeline row as the detail page shows it. */
export interface TimelineRow {
  key: string;
  title: string;
  who: string;
  when: string;
  note: string;
  photos: string[];
}

/** The timeline, newest first, each row with the server's words for the step and who (party · name). */
export function timelineRows(entries: TimelineView[]): TimelineRow[] {
  return entries
    .map((e, i) => ({
      key: `${i}`,
      title: e.title,
      // Dropping repeats: the system's entries would read "系统 · 系统".
      who: [...new Set([e.partyLabel, e.actorName].filter(Boolean))].join(' · '),
      when: formatTime(e.at),
      note: e.note ?? '',
      photos: e.photos,
    }))
    .reverse();
}

/** The buttons the detail page offers for the viewer's actions, in this order, each with its look. */
const BUTTON_THEMES: Partial<Record<ViewerAction, 'primary' | 'default' | 'danger'>> = {
  accept: 'primary',
  reject: 'danger',
  deliberate: 'primary',
  decide: 'primary',
  start: 'primary',
  progress: 'default',
  resolve: 'primary',
  rate: 'primary',
  reopen: 'default',
  withdraw: 'danger',
  comment: 'default',
};

/** A button of the detail page: the action, the server's word for it and its look. */
export interface ActionButton {
  action: ViewerAction;
  label: string;
  theme: 'primary' | 'default' | 'danger';
}

/** The buttons for the viewer's actions (the server's `viewer.actions`, named), in the page's order. */
export function actionButtons(actions: RequestView['viewer']['actions']): ActionButton[] {
  return (Object.keys(BUTTON_THEMES) as ViewerAction[]).flatMap((action) => {
    const named = actions.find((a) => a.action === action);
    const theme = BUTTON_THEMES[action];
    return named && theme ? [{ action, label: named.label, theme }] : [];
  });
}

/** The label of `value` among the server's options ('' when it is not there). */
export function labelOf<K extends string>(options: ReadonlyArray<{ value: K; label: string }>, value: K): string {
  return options.find((o) => o.value === value)?.label ?? '';
}

/** Who handles the request: `物业服务企业牵头，业委会、居委会协办`, in the server's words for the parties. */
export function routingText(v: Pick<RequestView, 'leadParty' | 'coHandlers' | 'partyOptions'>): string {
  if (!v.leadParty) return '待居委会受理分派';
  const co = v.coHandlers.map((p) => labelOf(v.partyOptions, p)).join('、');
  return `${labelOf(v.partyOptions, v.leadParty)}牵头${co ? `，${co}协办` : ''}`;
}

/** The positions of a major matter, one line per party. */
export function positionRows(
  view: Pick<RequestView, 'positions' | 'partyOptions' | 'positionOptions'>,
): Array<{ party: string; text: string }> {
  return view.partyOptions.map(({ value, label }) => {
    const p = view.positions[value];
    return { party: label, text: p ? `${labelOf(view.positionOptions, p.position)}：${p.opinion}` : '尚未表态' };
  });
}

/** The stored file id as an image source: local uploads are served by the gateway. */
export function photoSrc(fileId: string, localBaseUrl: string): string {
  return fileId.startsWith('local://uploads/') ? `${localBaseUrl}/uploads/${fileId.slice('local://uploads/'.length)}` : fileId;
}

/** Message for a form field that must not be empty and has a limit. */
export function textProblem(value: string, label: string, max: number): string {
  const v = value.trim();
  if (!v) return `请填写${label}`;
  if (v.length > max) return `${label}不能超过 ${max} 个字`;
  return '';
}
