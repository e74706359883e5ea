/**
 * Privacy (RULES.md §5): every privacy-scoped WeChat API the mini-program uses is declared in
 * docs/PRIVACY.md, and every page that uses one carries the consent sheet that answers
 * wx.onNeedPrivacyAuthorization; app.json turns WeChat's privacy check on.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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
