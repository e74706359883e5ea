/** Every non-zero counter of a counters object as a dotted path (a missing counter is 0; `recountedAt` is not a figure). */
export function flat(value: unknown, prefix = '', out: Record<string, number> = {}): Record<string, number> {
  if (typeof value === 'number') {
    if (value !== 0) out[prefix] = value;
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'recountedAt') flat(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}
