// `npm run bench` (issue #7): measures performance — never in timed tests — and prints ONE table,
// also written to bench/results.md and bench/results.json with the machine it ran on.
//
// Parts (each figure a median of repeated runs; each comparison measured side by side in one run):
//   cold start      fresh `node` per run: each function's bundle answering one call on the embedded
//                   database vs a conventional unbundled wx-server-sdk function (bench/baseline/);
//                   plus the production bundle's load (require only)            — bench/runner/cold.mjs
//   round trips     reads and writes per action through a CountingStore (budgets: round-trip-budgets.ts)
//   latency         p50/p99 of the main actions at 1,000 and 100,000 documents per collection
//   contention      1,000 concurrent signups over HTTP through the local gateway on 50 seats
//   size            bytes of the built mini-program, main package vs subpackages
//   first render    JSON bytes of every setData on each page's first render with the demo data
//                                                                               — bench/runner/setdata.mjs
//   city            the generated city (bench/city/, cached under .data/bench-city/) and the latency
//                   of every page's first calls at a tenth of Jingzhou and at the whole city
//   vote            the owners' vote at scale: 5,000 ballots, 200 in flight; tally = recount
//                                                                               — bench/runner/city.mjs
// The in-process parts are bench/parts/*.ts (each bundled and run in its own process); their table
// rows are in bench/runner/rows.mjs.
//
// `node bench/run.mjs [part ...]` runs only the named parts (cold, trips, latency, contention, size,
// setdata, city, vote) and prints their rows; bench/results.* are written only by a full run (or with --write).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildParts } from './runner/build.mjs';
import { coldRows, coldStart } from './runner/cold.mjs';
import { log, machine, out, renderTable, root, runPart, tmp } from './runner/common.mjs';
import { city, cityRows, voteRows } from './runner/city.mjs';
import { contentionRows, latencyRows, sizeRows, tripsRows } from './runner/rows.mjs';
import { firstRender, setdataRows } from './runner/setdata.mjs';

/**
 * The parts, in the order they run. `rows` turns a part's result into table rows; `order` is the
 * part's place in the table (the table keeps its historical order: cold start first).
 */
const PARTS = [
  { name: 'size', order: 4, run: () => (log('mini-program size'), runPart('size')), rows: sizeRows },
  { name: 'trips', order: 1, run: () => (log('round trips'), runPart('round-trips')), rows: tripsRows },
  { name: 'cold', order: 0, run: coldStart, rows: coldRows },
  {
    name: 'latency',
    order: 2,
    run: () => (log('latency: filling the databases (1,000 and 100,000 documents per collection)'), runPart('latency')),
    rows: latencyRows,
  },
  {
    name: 'contention',
    order: 3,
    run: () => (log('contention: 1,000 concurrent signups through the gateway'), runPart('contention')),
    rows: contentionRows,
  },
  { name: 'setdata', order: 5, run: () => (log('first-render setData (jest + miniprogram-simulate)'), firstRender()), rows: setdataRows },
  // After setdata: the city measures the calls the first renders made.
  { name: 'city', order: 6, run: city, rows: cityRows },
  { name: 'vote', order: 7, run: () => (log("owners' vote: 5,000 ballots, 200 in flight"), runPart('owners-vote')), rows: voteRows },
];
/** The bench/parts/*.ts entries to bundle. */
const PART_BUNDLES = ['seed-db', 'actions', 'round-trips', 'latency', 'contention', 'size', 'city-db', 'city-latency', 'owners-vote'];

const ALL_PARTS = PARTS.map((p) => p.name);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const parts = wanted.length ? wanted : ALL_PARTS;
for (const p of parts) if (!ALL_PARTS.includes(p)) throw new Error(`unknown part ${p}; parts: ${ALL_PARTS.join(', ')}`);

async function main() {
  const started = Date.now();
  fs.mkdirSync(out, { recursive: true });
  log(`building bench parts into ${path.relative(root, out)}`);
  await buildParts(PART_BUNDLES);
  const loadAtStart = os.loadavg();
  const results = {};
  for (const p of PARTS) if (parts.includes(p.name)) results[p.name] = await p.run(results);

  const m = { ...machine(), loadAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100) };
  const rows = [...PARTS].sort((a, b) => a.order - b.order).flatMap((p) => (results[p.name] ? p.rows(results[p.name]) : []));
  const table = renderTable(rows);
  const header =
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.platform}; ${m.date}; ` +
    `load average ${m.loadAtStart.join(' ')} at start, ${m.load.join(' ')} at end; bench took ${Math.round((Date.now() - started) / 1000)} s.`;
  console.log(table);
  console.log(`\n${header}`);
  if (wanted.length && !process.argv.includes('--write')) {
    log('only some parts ran: bench/results.* left as they were (add --write to overwrite them)');
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const md = `# Bench results\n\nWritten by \`npm run bench\` (bench/run.mjs); see bench/README.md for how each figure is measured.\n\n${header}\n\n${table}\n`;
  fs.writeFileSync(path.join(root, 'bench/results.md'), md);
  fs.writeFileSync(path.join(root, 'bench/results.json'), JSON.stringify({ machine: m, parts, rows, results }, null, 2) + '\n');
  fs.rmSync(tmp, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
});
