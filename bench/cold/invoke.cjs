// Cold-start runner: a fresh Node process loads one function module and, like the platform's
// runtime, calls `main(event, context)` once, then prints the answer on one line. With
// `--load-only` it only loads the module and prints "loaded".
// Usage: node invoke.cjs <module> [--load-only]; BENCH_EVENT and BENCH_CONTEXT hold JSON.
const file = process.argv[2];
const mod = require(file);
if (process.argv.includes('--load-only')) {
  process.stdout.write('loaded\n');
  process.exit(0);
}
const event = JSON.parse(process.env.BENCH_EVENT || '{}');
const context = JSON.parse(process.env.BENCH_CONTEXT || '{}');
Promise.resolve(mod.main(event, context)).then(
  (answer) => {
    process.stdout.write(JSON.stringify(answer) + '\n');
    process.exit(0);
  },
  (err) => {
    process.stderr.write(String((err && err.stack) || err) + '\n');
    process.exit(1);
  },
);
