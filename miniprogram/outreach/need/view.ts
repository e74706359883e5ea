// What a need's page shows, from outreach.getNeed. A plain function, tested alone.
import type { NeedDetail } from '../service';
import { chinaDateTime, needHead } from '../labels';

export interface NeedView {
  needId: string;
  title: string;
  text: string;
  kind: string;
  professional: boolean;
  category: string;
  status: string;
  open: boolean;
  wish: boolean;
  progress: string;
  reviewNote: string;
  thanks: string;
  myClaim: string;
  myNote: string;
  claims: Array<{ userId: string; name: string; status: string; note: string; when: string }>;
  can: NeedDetail['can'];
}

export function needViewOf(n: NeedDetail): NeedView {
  return {
    ...needHead(n),
    text: n.text,
    status: n.statusLabel,
    open: n.status === 'open' && n.claimedCount < n.slots,
    wish: n.source === 'wish',
    progress: `需要 ${n.slots} 人，已认领 ${n.claimedCount} 人，已完成 ${n.doneCount} 人`,
    reviewNote: n.reviewNote ?? '',
    thanks: n.thanks ? `居民评价 ${n.thanks.score} 分${n.thanks.message ? `：${n.thanks.message}` : ''}` : '',
    myClaim: n.myClaim?.statusLabel ?? '',
    myNote: n.myClaim?.note ?? '',
    claims: n.claims.map((c) => ({
      userId: c.userId,
      name: c.name,
      status: c.statusLabel,
      note: c.note ?? '',
      when: chinaDateTime(c.completedAt ?? c.claimedAt),
    })),
    can: n.can,
  };
}
