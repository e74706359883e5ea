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
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every exported label table of the server, read from the module that declares it. */
function serverTables(): ServerTable[] {
  const tables: ServerTable[] = [];
  for (const file of [...filesUnder(join(SERVER, 'domain')), ...filesUnder(join(SERVER, 'app'))]) {
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

/** The tables a client source copies: at least half of a table's names (and two) as literals, or the table's own type. */
function copiesIn(source: string, tables: readonly ServerTable[]): string[] {
  const literals = literalsOf(source);
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

/**
 * Copies not moved yet, each with why. The test fails when one is gone (drop it here) as surely as
 * when a new one appears.
 */
const NOT_YET_MOVED: Record<string, string[]> = {
  // Tabs that filter a list by state, shown before the first answer arrives.
  'outreach/needs/rows.ts': ['domain/outreach-need.ts:NEED_STATUS_LABELS'],
  'staff/members/rows.ts': ['domain/roles.ts:MEMBER_STATUS_LABELS'],
  // The ballot's choices (an input form) and the tally's rows (fixed fields of the result view).
  'owners/format.ts': ['domain/owners-count.ts:CHOICE_LABELS'],
  'owners/motion/view.ts': ['domain/owners-count.ts:CHOICE_LABELS'],
  // The new-request form's category picker (needed before any request exists), the deliberation
  // form's positions, the accept form's three parties, and the detail page's buttons for `viewer.can`
  // (受理分派, 办结, 撤回, …: most are also the words of the timeline's steps, which the view carries).
  'pages/requests/format.ts': [
    'domain/owners-count.ts:CHOICE_LABELS',
    'domain/request-categories.ts:CATEGORY_LABELS',
    'domain/roles.ts:PARTY_LABELS',
    'app/requests/timeline.ts:TIMELINE_ACTION_LABELS',
  ],
  // The activity form's category picker and the category tabs of the activity list.
  'pages/volunteer/format.ts': ['domain/activity.ts:CATEGORY_LABELS'],
  // The headings of the two service counts of 社区统计 (fixed fields of the stats view).
  'staff/stats/figures.ts': ['domain/outreach-categories.ts:NEED_KIND_LABELS'],
};

const tables = serverTables();

test('the server’s label tables are found where they live', () => {
  const ids = tables.map((t) => t.id);
  for (const id of ['domain/roles.ts:ROLE_LABELS', 'domain/credit.ts:DIMENSION_LABELS', 'app/requests/request.ts:INBOX_ROLE_LABELS'])
    expect(ids).toContain(id);
  expect(tables.length).toBeGreaterThanOrEqual(20);
});

test('no server label table is copied into the mini-program', () => {
  const found: Record<string, string[]> = {};
  for (const file of filesUnder(CLIENT, (p) => p.includes('miniprogram_npm'))) {
    const copies = copiesIn(readFileSync(file, 'utf8'), tables);
    if (copies.length) found[relative(CLIENT, file)] = copies;
  }
  expect(found).toEqual(NOT_YET_MOVED);
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
