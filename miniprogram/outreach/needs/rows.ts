// What 需求清单 shows: the tabs a person gets, and one row per need or claim. Plain functions.
import type { MyClaimItem, NeedSummary } from '../service';
import { needHead } from '../labels';

export type NeedTab = 'open' | 'mine' | 'done' | 'pending_review';

/** The tabs: staff review wishes; everyone sees open and done needs and their own claims. */
export function tabsFor(staff: boolean): Array<{ value: NeedTab; label: string }> {
  const tabs: Array<{ value: NeedTab; label: string }> = [
    { value: 'open', label: '可认领' },
    { value: 'mine', label: '我认领的' },
    { value: 'done', label: '已完成' },
  ];
  return staff ? [...tabs, { value: 'pending_review', label: '待审核心愿' }] : tabs;
}

export const EMPTY_TEXT: Record<NeedTab, string> = {
  open: '暂无待认领的服务需求',
  mine: '您还没有认领服务需求',
  done: '暂无已完成的服务',
  pending_review: '暂无待审核的微心愿',
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
