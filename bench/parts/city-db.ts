// Bench part: writes the city (bench/city/generate.ts) at a fraction of Jingzhou into a new file.
// Usage: node dist/bench/city-db.js <file> <fraction>; the report goes to $BENCH_OUT.
import fs from 'node:fs';
import { generateCity } from '../city/generate';
import { writeResult } from '../lib/io';

async function main(): Promise<void> {
  const [filename, fraction] = process.argv.slice(2);
  if (!filename || !fraction) throw new Error('usage: city-db <file> <fraction>');
  for (const f of [filename, `${filename}-wal`, `${filename}-shm`]) fs.rmSync(f, { force: true });
  const report = await generateCity(filename, Number(fraction), (msg) => process.stderr.write(`[bench] ${msg}\n`));
  writeResult(report);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
