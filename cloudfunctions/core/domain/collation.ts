/**
 * The order people look Chinese names up in: by pinyin (zh-CN collation), numbers by value
 * (2栋 before 10栋). One collator for the process, made on the first comparison: a
 * `localeCompare(…, 'zh-CN')` builds one for every call (twice the time of a sort of the city's
 * streets), and making it when the module loads would put ICU's Chinese data in every cold start.
 */
let collator: Intl.Collator | undefined;

/** Negative when `a` comes before `b` in Chinese order, positive after, 0 when the same. */
export function compareZh(a: string, b: string): number {
  collator ??= new Intl.Collator('zh-CN', { numeric: true });
  return collator.compare(a, b);
}

/** Named things (streets, communities, compounds, rows) in Chinese order; the same name by id. */
export function byName<T extends { name: string; _id?: string; id?: string }>(a: T, b: T): number {
  const ida = a._id ?? a.id ?? '';
  const idb = b._id ?? b.id ?? '';
  return compareZh(a.name, b.name) || (ida < idb ? -1 : ida > idb ? 1 : 0);
}
