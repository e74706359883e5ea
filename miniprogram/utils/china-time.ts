// Times as people in Jingzhou read and enter them: China time (UTC+8), whatever the phone's time zone.

/** UTC+8, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Two digits. */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** The parts of a time in China time. */
export function chinaParts(iso: string): { y: number; m: number; d: number; w: number; hm: string } {
  const d = new Date(Date.parse(iso) + CHINA_OFFSET_MS);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    w: d.getUTCDay(),
    hm: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`,
  };
}

/** `2026-11-22`: the China date of a time (of now when none is given). */
export function chinaDateOf(iso?: string): string {
  const ms = iso === undefined ? Date.now() : Date.parse(iso);
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026-11-22T09:00:00+08:00`: a date and an `HH:mm` entered in China time, as the API takes it. */
export function chinaIso(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** `2026-11-22T07:00:00+08:00`: a time moved by `hours` and written in China time. */
export function chinaIsoShifted(iso: string, hours: number): string {
  const d = new Date(Date.parse(iso) + hours * 3_600_000 + CHINA_OFFSET_MS).toISOString();
  return `${d.slice(0, 19)}+08:00`;
}

/** `2026-11-22 09:00`; `11-22 09:00` with `short`, the year kept when it is not `nowYear`. */
export function formatTime(iso: string | null | undefined, opts: { short?: boolean; nowYear?: number } = {}): string {
  if (!iso) return '';
  const p = chinaParts(iso);
  const md = `${pad2(p.m)}-${pad2(p.d)} ${p.hm}`;
  if (opts.short && (!opts.nowYear || p.y === opts.nowYear)) return md;
  return `${p.y}-${md}`;
}
