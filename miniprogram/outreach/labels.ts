// Words the outreach pages show for the server's values (report kinds, statuses, building roles).
import type { BuildingRole, NeedDetail, NeedKind, NeedStatus, ReportKind, ReportStatus } from './service';

export const REPORT_KIND_TEXT: Record<ReportKind, string> = { residence: '居住地社区报到', paired: '单位结对社区报到' };
export const REPORT_STATUS_TEXT: Record<ReportStatus, string> = { pending: '待社区确认', confirmed: '已确认' };
export const BUILDING_ROLE_TEXT: Record<BuildingRole, string> = { party_group_leader: '楼栋党小组长', building_head: '楼栋长' };
export const NEED_STATUS_TEXT: Record<NeedStatus, string> = {
  pending_review: '待审核',
  rejected: '未通过',
  open: '可认领',
  done: '已完成',
};
/** A need's state as people read it: an open need whose slots are all taken is 服务中, not 可认领. */
export function needStatusText(n: { status: NeedStatus; claimedCount: number; slots: number }): string {
  return n.status === 'open' && n.claimedCount >= n.slots ? '服务中' : NEED_STATUS_TEXT[n.status];
}

export const NEED_KIND_TEXT = { general: '一般服务', professional: '专业服务' } as const;
/** What a need's row and its page both show first: its name, kind and category (the server's label). */
export function needHead(n: { needId: string; title: string; kind: NeedKind; categoryLabel?: string }) {
  return {
    needId: n.needId,
    title: n.title,
    kind: NEED_KIND_TEXT[n.kind],
    professional: n.kind === 'professional',
    category: n.categoryLabel ?? '',
  };
}

export const CLAIM_STATUS_TEXT: Record<NeedDetail['claims'][number]['status'], string> = {
  claimed: '已认领',
  completed: '已提交完成',
  confirmed: '社区已确认',
};

/** A stored UTC time as China date and time: 11月20日 09:00. */
export function chinaDateTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A client token for a retry-safe write. */
export function newToken(): string {
  return `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
