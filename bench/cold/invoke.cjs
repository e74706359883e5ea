// Cold-start runner: a fresh Node process loads one function module and, like the platform's
// runtime, calls `main(event, context)` once, then prints the answer on one line. With
// `--load-only` it only loads the module and prints "loaded".
// With BENCH_LOADED_FILES set, a second line lists the files of the module's folder the run loaded
// (a split bundle's index.js and the files it required).
// Usage: node invoke.cjs <module> [--load-only]; BENCH_EVENT and BENCH_CONTEXT hold JSON.
const path = require('node:path');
const file = process.argv[2];
const mod = require(file);

function done(line) {
  process.stdout.write(line + '\n');
  if (process.env.BENCH_LOADED_FILES) {
    const folder = path.dirname(path.resolve(file));
    process.stdout.write(JSON.stringify(Object.keys(require.cache).filter((f) => path.dirname(f) === folder)) + '\n');
  }
  process.exit(0);
}

if (process.argv.includes('--load-only')) done('loaded');
const event = JSON.parse(process.env.BENCH_EVENT || '{}');
const context = JSON.parse(process.env.BENCH_CONTEXT || '{}');
Promise.resolve(mod.main(event, context)).then(
  (answer) => done(JSON.stringify(answer)),
  (err) => {
    process.stderr.write(String((err && err.stack) || err) + '\n');
    process.exit(1);
  },
);
