/**
 * Privacy (RULES.md §5): every privacy-scoped WeChat API the mini-program uses is declared in
 * docs/PRIVACY.md, and every page that uses one carries the consent sheet that answers
 * wx.onNeedPrivacyAuthorization; app.json turns WeChat's privacy check on. Every collection the Store
 * declares is in its table of what is collected, and every subscribe moment in its API table.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../cloudfunctions/core/app/collections';
import { SUBSCRIBE_MOMENTS } from '../../cloudfunctions/core/app/messages/templates';

const root = path.resolve(__dirname, '../..');
const mp = path.join(root, 'miniprogram');

/** WeChat's privacy-scoped APIs (用户隐私保护指引), and what in our code uses them. */
const SCOPED: Array<{ api: string; uses: RegExp }> = [
  { api: 'wx.chooseMedia', uses: /wx\.chooseMedia\(|wx\.chooseImage\(|<t-upload\b/ },
  { api: 'wx.setClipboardData', uses: /wx\.(set|get)ClipboardData\(/ },
  { api: 'wx.requestSubscribeMessage', uses: /askSubscribe\(|wx\.requestSubscribeMessage\(/ },
  { api: 'wx.getLocation', uses: /wx\.(getLocation|chooseLocation|startLocationUpdate)\(/ },
  { api: 'wx.chooseAddress', uses: /wx\.chooseAddress\(/ },
  { api: 'wx.getUserProfile', uses: /wx\.getUserProfile\(|open-type="chooseAvatar"/ },
  { api: 'wx.saveImageToPhotosAlbum', uses: /wx\.saveImageToPhotosAlbum\(/ },
  { api: 'wx.chooseMessageFile', uses: /wx\.chooseMessageFile\(/ },
  { api: 'wx.startRecord', uses: /wx\.(startRecord|getRecorderManager)\(/ },
];

function pageDirs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'miniprogram_npm' || !statSync(full).isDirectory()) return [];
    return [...(existsSync(path.join(full, 'index.json')) ? [full] : []), ...pageDirs(full)];
  });
}

const source = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^index\.(ts|wxml)$/.test(f))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');

const pages = pageDirs(mp).filter((d) => !d.includes(`${path.sep}components${path.sep}`));
const privacyDoc = readFileSync(path.join(root, 'docs/PRIVACY.md'), 'utf8');

test('app.json turns on WeChat’s privacy check', () => {
  expect(JSON.parse(readFileSync(path.join(mp, 'app.json'), 'utf8')).__usePrivacyCheck__).toBe(true);
});

test('every privacy-scoped API in use is declared in docs/PRIVACY.md, and the pages using it carry the consent sheet', () => {
  const problems: string[] = [];
  let used = 0;
  for (const dir of pages) {
    const code = source(dir);
    const apis = SCOPED.filter((s) => s.uses.test(code)).map((s) => s.api);
    used += apis.length;
    const page = path.relative(mp, dir);
    for (const api of apis) if (!privacyDoc.includes(`\`${api}\``)) problems.push(`${page}: ${api} not declared in docs/PRIVACY.md`);
    if (apis.length === 0) continue;
    const json = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { usingComponents?: Record<string, string> };
    if (!/<privacy-sheet\b/.test(code) || json.usingComponents?.['privacy-sheet'] !== '/components/privacy-sheet/index') {
      problems.push(`${page}: uses ${apis.join(', ')} without <privacy-sheet />`);
    }
  }
  expect(problems).toEqual([]);
  expect(used).toBeGreaterThanOrEqual(5); // photos ×2, clipboard, subscribe ×4: the scan finds them
});

test('the privacy guideline lists how long messages are kept', () => {
  expect(privacyDoc).toMatch(/messages[^\n]*90 days/);
});

/** The table "What is collected, why, and for how long": its rows, each with its `stored in` collections. */
function collectedTable(): string {
  const start = privacyDoc.indexOf('## What is collected');
  expect(start).toBeGreaterThanOrEqual(0);
  const rest = privacyDoc.slice(start);
  const next = rest.indexOf('\n## ', 1);
  return (next < 0 ? rest : rest.slice(0, next))
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .join('\n');
}

test('every collection the Store declares is named in PRIVACY.md’s table of what is collected', () => {
  const rows = collectedTable()
    .split('\n')
    .map((row) => row.split('|').at(-2) ?? '');
  const named = new Set(rows.flatMap((cell) => [...cell.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])));
  const missing = COLLECTIONS.map((c) => c.name).filter((name) => !named.has(name));
  expect(missing).toEqual([]);
  expect(COLLECTIONS.length).toBeGreaterThan(30);
});

test('the subscribe-message row names every moment at which the mini-program asks', () => {
  const row = privacyDoc.split('\n').find((line) => line.startsWith('| `wx.requestSubscribeMessage`')) ?? '';
  const missing = Object.keys(SUBSCRIBE_MOMENTS).filter((moment) => !row.includes(`(\`${moment}\`)`));
  expect(missing).toEqual([]);
});
