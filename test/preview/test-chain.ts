// What `npm test` runs, read statically: package.json's test chain (pretest, test, posttest, and
// each `npm run` they call, with its pre/post scripts), .ci/run, the files those commands run with
// node or jest, and every file those reach — relative imports (static, dynamic, require) and the
// repository paths they name in strings (a script spawned by path, jest's testMatch globs). Used
// by no-apt.test.ts to show that `npm test` installs nothing on the system and starts no browser.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Something in the chain that installs system packages or starts a browser. */
export interface Finding {
  /** The file (relative to the root) or `package.json#scripts.<name>`. */
  where: string;
  line: number;
  what: string;
  text: string;
}

/** Installing system packages, fetching browsers, or launching one. */
export const FORBIDDEN: Array<[string, RegExp]> = [
  ['apt / apt-get', /\bapt(?:-get)?\s+(?:-\S+\s+)*(?:install|update|upgrade)\b|['"]apt(?:-get)?['"]/],
  ['dpkg / rpm / yum / dnf / apk / brew / snap', /\bdpkg\s+-i\b|\brpm\s+-i|\b(?:yum|dnf|zypper|brew|snap)\s+install\b|\bapk\s+add\b|['"](?:dpkg|yum|dnf|apk|brew|snap)['"]/],
  ['playwright install (browsers, --with-deps)', /playwright(?:-core)?\s+install|--with-deps|install-deps/],
  ['a browser launch', /\.launch(?:PersistentContext|Server)?\(|\bpuppeteer\b|\/usr\/bin\/chromium|chromium-browser|google-chrome|['"`]--headless/],
];

/** Commands that only read the tree (their own files are not ours to scan). */
const TOOLS = new Set(['tsc', 'eslint', 'prettier', 'cd', 'set', 'echo', 'true', 'exit', 'npx']);
const SCRIPT_EXT = /\.(?:[cm]?js|ts|sh)$/;

interface Pkg {
  scripts?: Record<string, string>;
}

export class TestChain {
  readonly files = new Set<string>();
  readonly commands: Array<{ where: string; command: string }> = [];
  private readonly scripts: Record<string, string>;
  private readonly seenScripts = new Set<string>();

  /** `ignore`: files (relative to the root) neither scanned nor followed — the scan's own. */
  constructor(
    readonly root: string,
    private readonly ignore: string[] = [],
  ) {
    this.scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Pkg).scripts ?? {};
  }

  /** Everything `npm install && npm test` (and .ci/run) runs. */
  static of(root: string, ignore: string[] = []): TestChain {
    const chain = new TestChain(root, ignore);
    for (const name of ['preinstall', 'install', 'postinstall', 'test']) chain.script(name);
    if (existsSync(join(root, '.ci/run'))) chain.file(join(root, '.ci/run'));
    return chain;
  }

  /** An npm script with its pre and post scripts. */
  script(name: string): void {
    for (const n of [`pre${name}`, name, `post${name}`]) {
      if (this.seenScripts.has(n) || this.scripts[n] === undefined) continue;
      this.seenScripts.add(n);
      this.command(`package.json#scripts.${n}`, this.scripts[n]);
    }
  }

  /** A shell line: each of its commands. */
  command(where: string, line: string): void {
    for (const part of line.split(/&&|\|\||[;|\n]/)) {
      const words = part.trim().split(/\s+/).filter(Boolean);
      while (words[0]?.includes('=') && !words[0].startsWith('-')) words.shift(); // VAR=value cmd
      if (words.length === 0) continue;
      this.commands.push({ where, command: words.join(' ') });
      const [cmd, sub, arg] = words;
      if (cmd === 'npm' && (sub === 'run' || sub === 'run-script') && arg) this.script(arg);
      else if (cmd === 'npm' && (sub === 'test' || sub === 't')) this.script('test');
      else if (cmd === 'npm' && (sub === 'install' || sub === 'ci' || sub === 'i')) for (const n of ['preinstall', 'install', 'postinstall']) this.script(n);
      else if (cmd === 'node') words.slice(1).filter((w) => SCRIPT_EXT.test(w)).forEach((w) => this.file(resolve(this.root, w)));
      else if (cmd === 'jest' || cmd.endsWith('/jest') || (cmd === 'npx' && sub === 'jest')) this.jest(words);
      else if (!TOOLS.has(cmd) && SCRIPT_EXT.test(cmd)) this.file(resolve(this.root, cmd));
    }
  }

  /** jest: its config and every test file under the roots it names. */
  jest(words: string[]): void {
    const c = words.indexOf('-c') >= 0 ? words.indexOf('-c') : words.indexOf('--config');
    const config = c >= 0 ? resolve(this.root, words[c + 1]) : join(this.root, 'jest.config.js');
    if (existsSync(config)) this.file(config);
  }

  /** A file and everything it reaches. */
  file(path: string): void {
    if (this.files.has(path) || this.ignore.includes(relative(this.root, path)) || !existsSync(path) || !statSync(path).isFile()) return;
    this.files.add(path);
    const text = readFileSync(path, 'utf8');
    const dir = dirname(path);
    if (path.endsWith('.ci/run') || path.endsWith('.sh')) {
      text.split('\n').filter((l) => !l.trim().startsWith('#')).forEach((l) => this.command(relative(this.root, path), l));
    }
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) this.module(resolve(dir, m[1]));
    // Paths named in strings: a script run by path, jest's roots and testMatch globs.
    for (const m of text.matchAll(/['"`](?:<rootDir>\/)?((?:scripts|test|bench|tools)\/[\w./*-]*)['"`]/g)) this.named(m[1]);
  }

  private module(base: string): void {
    for (const p of [base, `${base}.ts`, `${base}.js`, `${base}.mjs`, join(base, 'index.ts'), join(base, 'index.js')]) {
      if (existsSync(p) && statSync(p).isFile()) return this.file(p);
    }
  }

  /** `test/**\/*.test.ts` → each matching file; `scripts/x.mjs` → that file. */
  private named(path: string): void {
    const star = path.indexOf('*');
    if (star < 0) return this.file(join(this.root, path));
    const dir = join(this.root, path.slice(0, path.lastIndexOf('/', star)));
    const suffix = path.slice(path.lastIndexOf('*') + 1);
    if (existsSync(dir)) walk(dir).filter((f) => f.endsWith(suffix)).forEach((f) => this.file(f));
  }

  /** What in the chain installs system packages or launches a browser. */
  findings(): Finding[] {
    const out: Finding[] = [];
    const check = (where: string, line: number, text: string) => {
      for (const [what, re] of FORBIDDEN) if (re.test(text)) out.push({ where, line, what, text: text.trim().slice(0, 160) });
    };
    for (const { where, command } of this.commands) if (where.startsWith('package.json')) check(where, 0, command);
    for (const f of this.files) {
      const rel = relative(this.root, f);
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((l, i) => check(rel, i + 1, l));
    }
    return out;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name.startsWith('.')) return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
