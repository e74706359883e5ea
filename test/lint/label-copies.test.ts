// Labels come with the data (issue #11 §1): each table of names of a server enum lives once, on the
// server (`export const …: Record<Enum, string>` in the module that owns the enum), and the views
// carry the names (`roleLabel`, `statusLabel`, `dimensions: [{ key, label }]`, …). This fails when
// such a table is copied into the mini-program again: by its strings, or as a `Record<Enum, string>`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const SERVER = join(ROOT, 'cloudfunctions/core');
const CLIENT = join(ROOT, 'miniprogram');

const TABLE = /export const (\w+): Record<(\w+|[\w']+\['\w+'\]), string> =/g;

interface ServerTable {
  /** `domain/roles.ts:ROLE_LABELS` */
  id: string;
  /** The enum it names, as written in its type (`Role`). */
  keyType: string;
  values: string[];
}

function filesUnder(dir: string, skip: (path: string) => boolean = () => false): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (skip(path)) return [];
    if (e.isDirectory()) return filesUnder(path, skip);
    return (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) || e.name.endsWith('.wxml') ? [path] : [];
  });
}

/** Every exported label table of the server, read from the module that declares it. */
function serverTables(): ServerTable[] {
  const tables: ServerTable[] = [];
  const ts = (f: string) => f.endsWith('.ts');
  for (const file of [...filesUnder(join(SERVER, 'domain')), ...filesUnder(join(SERVER, 'app'))].filter(ts)) {
    const source = readFileSync(file, 'utf8');
    for (const [, name, keyType] of source.matchAll(TABLE)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module is named by the scan
      const table = (require(file) as Record<string, Record<string, string>>)[name];
      tables.push({ id: `${relative(SERVER, file)}:${name}`, keyType, values: [...new Set(Object.values(table))] });
    }
  }
  return tables;
}

/** The whole string literals of a source: quoted, or templates without substitutions (comments skipped). */
function literalsOf(source: string): Set<string> {
  const out = new Set<string>();
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') i = source.indexOf('\n', i) >>> 0;
    else if (c === '/' && source[i + 1] === '*') i = (source.indexOf('*/', i + 2) >>> 0) + 2;
    else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      let text = '';
      let plain = true;
      while (j < source.length && source[j] !== c) {
        if (source[j] === '\\') {
          plain = false;
          j += 2;
          continue;
        }
        if (c === '`' && source[j] === '$' && source[j + 1] === '{') {
          // A substitution: skip to its closing brace (nested braces counted), the template is not whole.
          plain = false;
          let depth = 0;
          for (j += 1; j < source.length; j++) {
            if (source[j] === '{') depth++;
            else if (source[j] === '}' && --depth === 0) break;
          }
          j++;
          continue;
        }
        text += source[j++];
      }
      if (plain) out.add(text);
      i = j + 1;
    } else i++;
  }
  return out;
}

/** The words a page's markup writes out: its texts between tags and its attribute values (bindings `{{…}}` dropped). */
function wordsOfMarkup(wxml: string): Set<string> {
  const out = new Set<string>();
  const text = wxml.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, t] of text.matchAll(/>([^<]+)</g)) for (const w of t.split(/\{\{[^}]*\}\}/)) if (w.trim()) out.add(w.trim());
  for (const [, v] of text.matchAll(/="([^"]*)"/g)) if (!v.includes('{{') && v.trim()) out.add(v.trim());
  return out;
}

/** The tables a client source copies: at least half of a table's names (and two) as literals, or the table's own type. */
function copiesIn(source: string, tables: readonly ServerTable[], markup = false): string[] {
  const literals = markup ? wordsOfMarkup(source) : literalsOf(source);
  // A `Record<Enum, string>` whose entries are Chinese words is a label table (a table of tag themes is not).
  const recordKeys = new Set(
    [...source.matchAll(/Record<\s*([\w[\]']+)\s*,\s*string\s*>\s*=\s*\{([^}]*)\}/g)]
      .filter((m) => /[\u4e00-\u9fff]/.test(m[2]))
      .map((m) => m[1]),
  );
  return tables
    .filter((t) => {
      const found = t.values.filter((v) => literals.has(v)).length;
      return found >= Math.max(2, Math.ceil(t.values.length / 2)) || recordKeys.has(t.keyType);
    })
    .map((t) => t.id);
}

const tables = serverTables();

test('the server’s label tables are found where they live', () => {
  const ids = tables.map((t) => t.id);
  for (const id of ['domain/roles.ts:ROLE_LABELS', 'domain/credit.ts:DIMENSION_LABELS', 'app/requests/request.ts:INBOX_ROLE_LABELS'])
    expect(ids).toContain(id);
  expect(tables.length).toBeGreaterThanOrEqual(20);
});

test('no server label table is copied into the mini-program', () => {
  const found: Record<string, string[]> = {};
  const files = filesUnder(CLIENT, (p) => p.includes('miniprogram_npm'));
  for (const file of files) {
    const copies = copiesIn(readFileSync(file, 'utf8'), tables, file.endsWith('.wxml'));
    if (copies.length) found[relative(CLIENT, file)] = copies;
  }
  // The pages' markup is read too.
  expect(files.filter((f) => f.endsWith('.wxml')).length).toBeGreaterThan(50);
  expect(found).toEqual({});
});

test('a planted copy is caught, by its names or by its type', () => {
  const roles = "export const ROLE_NAMES = { resident: '居民', rc_staff: '居委会工作人员', oc_member: '业委会成员', admin: '平台管理员' };";
  expect(copiesIn(roles, tables)).toContain('domain/roles.ts:ROLE_LABELS');
  const typed = "const T: Record<Dimension, string> = { environment: '环境' } as never;";
  expect(copiesIn(typed, tables)).toEqual(['domain/credit.ts:DIMENSION_LABELS']);
  expect(copiesIn("const a = '居民';", tables)).toEqual([]);
  expect(copiesIn("const THEMES: Record<Dimension, string> = { environment: 'primary' };", tables)).toEqual([]);
  expect(copiesIn("// '红榜' '黑榜' in a comment\nconst s = `${x}红榜` + `黑榜${y}`;", tables)).toEqual([]);
});

test('a table written out in a page’s markup is caught, by its texts or attribute values', () => {
  const buttons = '<view>\n  <t-button bind:tap="a">\n    志愿服务队\n  </t-button>\n  <t-button>群众活动团队</t-button>\n</view>';
  expect(copiesIn(buttons, tables, true)).toEqual(['app/outreach/views.ts:TEAM_KIND_LABELS']);
  expect(copiesIn('<t-tab-panel label="待审核" value="pending" /><t-tab-panel label="已通过" />', tables, true)).toContain(
    'domain/roles.ts:MEMBER_STATUS_LABELS',
  );
  expect(copiesIn('<view>{{item.kind}} 志愿服务队</view><!-- 群众活动团队 -->', tables, true)).toEqual([]);
});
