// The words of a request's timeline, once, on the server (issue #11 §1): what each step reads as and
// who took it. The request view carries them (`title`, `partyLabel`); the ledger's 办理过程 sheet
// names the parties with the same words.
import { CHOICE_LABELS } from '../../domain/owners-count';
import type { Party } from '../../domain/roles';
import { PARTY_LABELS, ROLE_LABELS } from '../../domain/roles';
import { MEETING_OUTCOME_LABELS, type MeetingOutcome, type TimelineEntry, type TimelineParty } from '../../domain/request-model';

/** What each timeline step reads as. */
export const TIMELINE_ACTION_LABELS: Record<TimelineEntry['action'], string> = {
  submit: '提交诉求',
  accept: '受理并分派',
  reject: '不予受理',
  withdraw: '撤回',
  start: '开始办理',
  progress: '办理进展',
  resolve: '办结',
  deliberate: '表态',
  decide: '联席会议结果',
  rate: '评价',
  reopen: '申请重新办理',
  comment: '留言',
  escalate: '超时上报',
  autoClose: '自动关闭',
};

/** Who took a step: a party's name, the party organisation's or the resident's role name, or 系统. */
export function timelinePartyLabel(party: TimelineParty): string {
  if (party === 'system') return '系统';
  return party in PARTY_LABELS ? PARTY_LABELS[party as Party] : ROLE_LABELS[party as 'party_org' | 'resident'];
}

/** A step's line: the action, with its facts where they say more (`受理并分派：物业服务企业牵头，协办：业委会`). */
export function timelineTitle(e: Pick<TimelineEntry, 'action' | 'detail'>): string {
  const d = e.detail ?? {};
  const label = TIMELINE_ACTION_LABELS[e.action];
  if (e.action === 'accept' && typeof d.leadParty === 'string') {
    const co =
      Array.isArray(d.coHandlers) && d.coHandlers.length ? `，协办：${d.coHandlers.map((p) => PARTY_LABELS[p as Party]).join('、')}` : '';
    return `${label}：${PARTY_LABELS[d.leadParty as Party]}牵头${co}`;
  }
  if (e.action === 'deliberate' && typeof d.position === 'string')
    return `${label}：${CHOICE_LABELS[d.position as keyof typeof CHOICE_LABELS]}`;
  if (e.action === 'rate' && typeof d.score === 'number') return `${label} ${d.score} 分 · ${d.solved ? '已解决' : '未解决'}`;
  if (e.action === 'decide' && typeof d.outcome === 'string') return `${label}：${MEETING_OUTCOME_LABELS[d.outcome as MeetingOutcome]}`;
  return label;
}
