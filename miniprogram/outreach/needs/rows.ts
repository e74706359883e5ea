// What 需求清单 shows: the tabs a person gets, and one row per need or claim. Plain functions.
import type { MyClaimItem, NeedPage, NeedSummary } from '../service';
import { needHead } from '../labels';

export type NeedTab = NeedPage['statusTabs'][number]['value'] | 'mine';

/**
 * The tabs: the lists by state the server offers the caller, in its words (staff also review
 * wishes), with the caller's own claims after the first.
 */
export function tabsOf(statusTabs: NeedPage['statusTabs']): Array<{ value: NeedTab; label: string }> {
  const tabs: Array<{ value: NeedTab; label: string }> = [...statusTabs];
  return tabs.length ? [tabs[0], { value: 'mine', label: '我认领的' }, ...tabs.slice(1)] : [];
}

export const EMPTY_TEXT: Record<NeedTab, string> = {
  open: '暂无待认领的服务需求',
  mine: '您还没有认领服务需求',
  done: '暂无已完成的服务',
  pending_review: '暂无待审核的微心愿',
  rejected: '暂无未通过的微心愿',
};

export interface NeedRow {
  needId: string;
  title: string;
  kind: string;
  professional: boolean;
  category: string;
  status: string;
  progress: string;
  wish: boolean;
}

export function needRow(n: NeedSummary): NeedRow {
  return {
    ...needHead(n),
    status: n.statusLabel,
    progress: n.status === 'open' || n.status === 'done' ? `已认领 ${n.claimedCount}/${n.slots} 人` : '',
    wish: n.source === 'wish',
  };
}

export function claimRow(c: MyClaimItem): NeedRow {
  return {
    ...needHead(c),
    status: c.statusLabel,
    progress: '',
    wish: false,
  };
}
