// What the 诉求 pages show for the API's values: Chinese labels, status tags, times in Beijing time,
// time-limit text, timeline rows. Plain functions, tested without rendering.
import type {
  MeetingOutcome,
  Party,
  Position,
  RequestAction,
  RequestCategory,
  RequestStatus,
  RequestSummary,
  RequestView,
  TimelineView,
  ViewerAction,
} from '../../services/requests';
import { formatTime as formatChinaTime } from '../../utils/china-time';

export const CATEGORY_OPTIONS: Array<{ value: RequestCategory; label: string }> = [
  { value: 'environment', label: '环境卫生' },
  { value: 'facilities', label: '公共设施' },
  { value: 'safety', label: '安全隐患' },
  { value: 'parking', label: '停车' },
  { value: 'greening', label: '绿化' },
  { value: 'noise', label: '噪音' },
  { value: 'property_service', label: '物业服务' },
  { value: 'neighbor_dispute', label: '邻里纠纷' },
  { value: 'other', label: '其他' },
];

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

export const PARTY_OPTIONS: Array<{ value: Party; label: string }> = [
  { value: 'property', label: '物业服务企业' },
  { value: 'owners_committee', label: '业委会' },
  { value: 'residents_committee', label: '居委会' },
];

export const PARTY_LABELS = Object.fromEntries(PARTY_OPTIONS.map((o) => [o.value, o.label])) as Record<Party, string>;

export const POSITION_OPTIONS: Array<{ value: Position; label: string }> = [
  { value: 'agree', label: '同意' },
  { value: 'object', label: '反对' },
  { value: 'abstain', label: '弃权' },
];
export const POSITION_LABELS = Object.fromEntries(POSITION_OPTIONS.map((o) => [o.value, o.label])) as Record<Position, string>;

export const OUTCOME_OPTIONS: Array<{ value: MeetingOutcome; label: string }> = [
  { value: 'proceed', label: '继续办理' },
  { value: 'reject', label: '不予办理' },
];

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

/** The buttons the detail page offers for the viewer's allowed actions, in this order. */
export const ACTION_BUTTONS: Array<{ action: RequestAction; label: string; theme: 'primary' | 'default' | 'danger' }> = [
  { action: 'accept', label: '受理分派', theme: 'primary' },
  { action: 'reject', label: '不予受理', theme: 'danger' },
  { action: 'deliberate', label: '表态', theme: 'primary' },
  { action: 'decide', label: '记录协调结果', theme: 'primary' },
  { action: 'start', label: '开始办理', theme: 'primary' },
  { action: 'progress', label: '记录进展', theme: 'default' },
  { action: 'resolve', label: '办结', theme: 'primary' },
  { action: 'rate', label: '评价', theme: 'primary' },
  { action: 'reopen', label: '申请重新办理', theme: 'default' },
  { action: 'withdraw', label: '撤回', theme: 'danger' },
  { action: 'comment', label: '留言', theme: 'default' },
];

/** The buttons for `can`. */
export function actionButtons(can: readonly ViewerAction[]): typeof ACTION_BUTTONS {
  return ACTION_BUTTONS.filter((b) => can.includes(b.action));
}

/** The positions of a major matter, one line per party. */
export function positionRows(view: Pick<RequestView, 'positions'>): Array<{ party: string; text: string }> {
  return PARTY_OPTIONS.map(({ value, label }) => {
    const p = view.positions[value];
    return { party: label, text: p ? `${POSITION_LABELS[p.position]}：${p.opinion}` : '尚未表态' };
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
