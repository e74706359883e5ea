// Shared display helpers of the outreach pages. The names of the server's values (report kinds and
// statuses, building posts, need kinds and states, claim states) come with its views as `…Label`.
import type { NeedKind } from './service';

/** What a need's row and its page both show first: its name, kind and category (the server's labels). */
export function needHead(n: { needId: string; title: string; kind: NeedKind; kindLabel: string; categoryLabel?: string }) {
  return {
    needId: n.needId,
    title: n.title,
    kind: n.kindLabel,
    professional: n.kind === 'professional',
    category: n.categoryLabel ?? '',
  };
}

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
