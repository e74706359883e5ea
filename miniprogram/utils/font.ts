// 适老化: text follows the user's WeChat font size. Pages put `pageStyle` on <page-meta>, which sets
// `--font-scale` on the page; app.wxss scales the body text and TDesign's font variables by it.

const MIN_SCALE = 1;
const MAX_SCALE = 2;
/** WeChat's standard font size, in px, when only `fontSizeSetting` is known. */
const STANDARD_FONT_PX = 16;

/** The text scale for a WeChat font setting: never below standard, at most double. */
export function fontScaleOf(info: { fontSizeScaleFactor?: number; fontSizeSetting?: number }): number {
  const raw = info.fontSizeScaleFactor || (info.fontSizeSetting ? info.fontSizeSetting / STANDARD_FONT_PX : 1);
  const scale = Number.isFinite(raw) ? raw : 1;
  return Math.round(Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale)) * 100) / 100;
}

/** The current user's text scale, read from WeChat. */
export function readFontScale(): number {
  try {
    return fontScaleOf(wx.getAppBaseInfo());
  } catch {
    return 1;
  }
}

/** The `page-style` of a page's <page-meta>. */
export function pageStyle(): string {
  const app = getApp<IAppOption>();
  const scale = app?.globalData?.fontScale ?? readFontScale();
  return `--font-scale: ${scale};`;
}
