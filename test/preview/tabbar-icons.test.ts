// Tab bar icons (issue #11 §7): every tab of app.json names a normal and a selected icon, each an
// 81 × 81 PNG of at most 40 KB (WeChat's limit), and each is what `npm run icons` draws from
// TDesign's SVG icons (scripts/icons/build.mjs --check), so a changed colour or icon is redrawn.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pngSize } from './png';

const ROOT = resolve(__dirname, '../..');
const MINIPROGRAM = join(ROOT, 'miniprogram');
const MAX_BYTES = 40 * 1024;

interface Tab {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
}
const tabs = (JSON.parse(readFileSync(join(MINIPROGRAM, 'app.json'), 'utf8')) as { tabBar: { list: Tab[] } }).tabBar.list;
const files = tabs.flatMap((t) => [t.iconPath, t.selectedIconPath]).filter((f): f is string => Boolean(f));

test('every tab names a normal and a selected icon, all different files', () => {
  for (const t of tabs) expect({ tab: t.text, icon: typeof t.iconPath, selected: typeof t.selectedIconPath }).toEqual({ tab: t.text, icon: 'string', selected: 'string' });
  expect(new Set(files).size).toBe(tabs.length * 2);
});

test('each icon is an 81 × 81 PNG of at most 40 KB', () => {
  for (const f of files) {
    const file = join(MINIPROGRAM, f);
    expect({ f, exists: existsSync(file) }).toEqual({ f, exists: true });
    expect({ f, ...pngSize(readFileSync(file)), small: statSync(file).size <= MAX_BYTES }).toEqual({ f, width: 81, height: 81, small: true });
  }
});

test('each icon is what `npm run icons` draws from TDesign’s SVGs', async () => {
  const result = await new Promise<{ code: number; out: string }>((done) => {
    execFile(process.execPath, ['scripts/icons/build.mjs', '--check'], { cwd: ROOT }, (err, stdout, stderr) => done({ code: err ? Number(err.code ?? 1) : 0, out: `${stdout}${stderr}` }));
  });
  expect(result).toEqual({ code: 0, out: 'icons: every tab bar icon is as drawn\n' });
});
