// How bench parts hand their results to bench/run.mjs: JSON in the file named by BENCH_OUT.
import fs from 'node:fs';

export function writeResult(value: unknown): void {
  const out = process.env.BENCH_OUT;
  const text = JSON.stringify(value, null, 2);
  if (out) fs.writeFileSync(out, text + '\n');
  else process.stdout.write(text + '\n');
}

/** Median of numbers (the mean of the two middle ones for an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (nearest rank) of numbers. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
