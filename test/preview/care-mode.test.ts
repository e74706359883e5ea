// 适老化 (care mode), checked without a browser: text follows the user's WeChat font size on every
// page and tap targets are at least 44 px. The care-mode pictures at WeChat's largest font, and the
// browser audit of each (nothing cut off or overlapping, targets measured), are `npm run preview`'s.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { discoverPages } from '../../scripts/preview/entries';
import { fixedFontSizes, ownFiles, pagesWithoutScale, smallTapTargets, tapTargets, targetHeight, parseWxss, unscaledTdesignText, MIN_TARGET_RPX } from './care-rules';

const ROOT = resolve(__dirname, '../../miniprogram');

describe('care mode in the mini-program’s source', () => {
  test('every page puts the user’s font scale on itself (<page-meta page-style="{{pageStyle}}">)', () => {
    expect(pagesWithoutScale(ROOT, discoverPages(ROOT))).toEqual([]);
  });

  test('no WXSS of ours sets a text size that escapes the font scale', () => {
    const found = ownFiles(ROOT, '.wxss').flatMap((f) => fixedFontSizes(readFileSync(f, 'utf8')).map((d) => `${f.slice(ROOT.length + 1)}: ${d}`));
    expect(found).toEqual([]);
  });

  test('the TDesign text the pages show follows the font scale (app.wxss scales its variables)', () => {
    expect(unscaledTdesignText(ROOT)).toEqual([]);
  });

  test('every tap target is at least 88rpx (44 px) tall', () => {
    expect(smallTapTargets(ROOT)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  test('a fixed text size is caught, a scaled or relative one is not', () => {
    const css = `.a { font-size: 28rpx; }\n.b { font-size: calc(28rpx * var(--font-scale)); }\n.c { font-size: 1.2em; }\n@media (max-width: 340px) { .d { font: 600 15px/1.5 sans-serif; } }\n.e { --td-tag-font-size: 24rpx; }`;
    expect(fixedFontSizes(css)).toEqual(['.a { font-size: 28rpx }', '.d { font: 600 15px/1.5 sans-serif }', '.e { --td-tag-font-size: 24rpx }']);
  });

  test('a target is tall enough by min-height, or by padding around a line of text; not by its text alone', () => {
    const height = (css: string) => targetHeight(parseWxss(css)[0].decls);
    expect(height('.a { min-height: 88rpx; }')).toBeGreaterThanOrEqual(MIN_TARGET_RPX);
    expect(height('.a { min-height: 44px; }')).toBeGreaterThanOrEqual(MIN_TARGET_RPX);
    expect(height('.a { padding: 32rpx; }')).toBeGreaterThanOrEqual(MIN_TARGET_RPX);
    expect(height('.a { color: red; }')).toBeLessThan(MIN_TARGET_RPX);
    expect(height('.a { min-height: 60rpx; padding: 8rpx 0; }')).toBeLessThan(MIN_TARGET_RPX);
  });

  test('tap targets are found whichever way WXML binds the tap', () => {
    const wxml = `<view class="x {{on ? 'y' : ''}}" bind:tap="a">1</view>\n<text bindtap="b">2</text>\n<t-button size="small" catchtap="c">3</t-button>\n<view>4</view>`;
    expect(tapTargets(wxml)).toEqual([
      { tag: 'view', classes: ['x'], size: undefined, line: 1 },
      { tag: 'text', classes: [], size: undefined, line: 2 },
      { tag: 't-button', classes: [], size: 'small', line: 3 },
    ]);
  });

  test('every WXML of ours is read', () => {
    expect(ownFiles(ROOT, '.wxml').length).toBeGreaterThanOrEqual(discoverPages(ROOT).length);
    expect(ownFiles(ROOT, '.wxml').some((f) => f.includes(join('components', 'page-state')))).toBe(true);
  });
});
