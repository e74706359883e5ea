// Checks a published owners' vote (RULES.md §6) from an export of its ballots:
//
//   npm run verify-ballots -- <export.json>
//
// The export is what `owners.exportBallots` answers (the envelope or its `data`): the motion's frozen
// totals, the published result and every ballot (receipt, what it says, area, chain links; no owner).
// The script recomputes the hash chain, the tally, the outcome and the receipt list with the same
// pure rules the server uses (cloudfunctions/core/domain/owners-result.ts) and names every
// difference. Exit code 0: the published result checks out; 1: it does not; 2: unusable input.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const file = process.argv[2];
if (!file) {
  console.error('usage: npm run verify-ballots -- <export.json>');
  process.exit(2);
}

let data;
try {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  data = parsed && parsed.ok === true && parsed.data ? parsed.data : parsed;
} catch (err) {
  console.error(`cannot read ${file}: ${err.message}`);
  process.exit(2);
}
if (!data || data.format !== 'owners-ballots/1' || !Array.isArray(data.ballots) || !data.result || !data.motion) {
  console.error(`${file} is not an export of owners' ballots (format owners-ballots/1)`);
  process.exit(2);
}

const bundled = await build({
  entryPoints: [path.join(root, 'cloudfunctions/core/domain/owners-result.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'silent',
});
const rules = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const problems = rules.verifyExport(data, sha256);
const r = data.result;
if (problems.length === 0) {
  console.log(`OK  motion ${data.motion.motionId}: ${data.ballots.length} ballots, outcome ${r.outcome}`);
  console.log(
    `    participating ${r.participating.number} owners / ${r.participating.area} × 0.01 m² of ${r.totals.number} / ${r.totals.area}`,
  );
  console.log(
    `    agree ${r.agree.number} / ${r.agree.area}, object ${r.object.number} / ${r.object.area}, abstain ${r.abstain.number} / ${r.abstain.area}`,
  );
  console.log(`    chain head ${r.chainHead}`);
  process.exit(0);
}
console.log(`MISMATCH  motion ${data.motion.motionId}: ${problems.length} problem(s)`);
for (const p of problems.slice(0, 50)) console.log(`  - ${p}`);
process.exit(1);
