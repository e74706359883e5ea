// Turns a page rendered by miniprogram-simulate (its WXSS and its composed tree) into a standalone
// HTML page that looks like the phone: WeChat's built-in component styles, rpx at the screen's
// width, the status and navigation bars, the tab bar, a CJK font, and TDesign's icons drawn from
// local SVGs (the icon font itself is on a CDN the preview does not reach).

/** The design width of rpx: 750rpx is the screen's width. */
const RPX_BASE = 750;
/** iPhone X-class screen: status bar, navigation bar, tab bar, home indicator (CSS px). */
export const SCREEN = { height: 812, statusBar: 44, navBar: 44, tabBar: 50, safeBottom: 34 } as const;

/** `32rpx` → px on a screen `width` CSS px wide (WeChat's conversion). */
export function rpxToPx(css: string, width: number): string {
  return css.replace(/(-?\d*\.?\d+)rpx\b/gi, (_m, n: string) => `${Number(((Number(n) * width) / RPX_BASE).toFixed(3))}px`);
}

/** rpx inside the style attributes of serialised HTML (WXML inline styles). */
export function inlineRpxToPx(html: string, width: number): string {
  return html.replace(/\bstyle="([^"]*)"/g, (_m, style: string) => `style="${rpxToPx(style, width)}"`);
}

/** What WeChat's own stylesheet gives the built-in components (what a browser lacks). */
export const WX_BASE_CSS = `
html, body { margin: 0; padding: 0; }
body { font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; font-size: 16px; -webkit-text-size-adjust: 100%; }
wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-movable-area, wx-cover-view, wx-form, wx-navigator, wx-rich-text,
wx-picker, wx-picker-view, wx-radio-group, wx-checkbox-group, wx-block, wx-editor, wx-map, wx-canvas, wx-video { display: block; }
wx-text, wx-label { display: inline; }
wx-text { white-space: pre-wrap; }
wx-page-meta, wx-wxs, [hidden], wx-view[hidden] { display: none !important; }
wx-scroll-view { overflow: hidden; }
wx-swiper { position: relative; height: 150px; overflow: hidden; }
wx-swiper-item { height: 100%; }
wx-swiper-item + wx-swiper-item { display: none; }
wx-image { display: inline-block; position: relative; overflow: hidden; width: 320px; height: 240px; }
wx-image > img.wx-image__img { display: block; width: 100%; height: 100%; }
wx-button { display: block; position: relative; box-sizing: border-box; margin: 0 auto; padding: 0 14px; font-size: 18px; line-height: 2.55555556;
  text-align: center; text-decoration: none; border-radius: 5px; overflow: hidden; color: #000; background-color: #f8f8f8; -webkit-tap-highlight-color: transparent; }
wx-button::after { content: " "; position: absolute; top: 0; left: 0; width: 200%; height: 200%; box-sizing: border-box; border: 1px solid rgba(0, 0, 0, 0.2);
  border-radius: 10px; transform: scale(0.5); transform-origin: 0 0; }
wx-input { display: block; height: 1.4em; min-height: 1.4em; line-height: 1.4em; overflow: hidden; white-space: nowrap; text-overflow: clip; }
wx-textarea { display: block; width: 300px; height: 150px; overflow: hidden; white-space: pre-wrap; }
.wx-placeholder { color: #999; }
wx-switch, wx-checkbox, wx-radio, wx-icon, wx-progress { display: inline-block; }
`;

/** The chrome of the WeChat window around the page. */
export interface WindowChrome {
  title: string;
  background: string;
  textStyle: 'white' | 'black';
  /** navigationStyle "custom": the page draws its own bar under the status bar. */
  custom: boolean;
  /** A page above another (not a tab page): a back arrow. */
  back: boolean;
  /** The page's background colour (window.backgroundColor). */
  pageBackground: string;
}

export interface TabBar {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle: 'black' | 'white';
  items: string[];
  selected: number;
  /** The badge a page set with wx.setTabBarBadge. */
  badge?: { index: number; text: string };
  /** Each tab's icon and selected icon (file URLs of app.json's iconPath, selectedIconPath). */
  icons?: Array<{ icon?: string; selected?: string }>;
}

export interface ComposeInput {
  /** The page's and its components' WXSS (class names prefixed as miniprogram-simulate does), rpx kept. */
  css: string;
  /** The page root's serialised tree. */
  body: string;
  /** Screen width in CSS px (375, or 320 for the narrow check). */
  width: number;
  chrome: WindowChrome;
  tabBar?: TabBar;
  /** Icon name → SVG source, for the TDesign icons the page shows. */
  icons?: Map<string, string>;
  /** Shown in the document title. */
  caption: string;
  /** A native toast (`toast:<title>`) or modal (`modal:<title>\n<content>\n<cancel>\n<confirm>`) the page opened. */
  overlay?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** TDesign icon names used in a serialised tree (`t-icon--t-icon-chevron-right`). */
export function iconNamesIn(html: string): string[] {
  const names = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) {
    for (const cls of m[1].split(/\s+/)) {
      const icon = /^(?:[\w-]+--)?t-icon-([a-z0-9-]+)$/.exec(cls);
      if (icon && icon[1] !== 'base' && !cls.endsWith('t-icon--image')) names.add(icon[1]);
    }
  }
  return [...names];
}

/** Draws icons as SVG masks in the current colour, in place of the icon font's glyphs. */
export function iconCss(html: string, icons: Map<string, string>): string {
  return iconNamesIn(html)
    .filter((name) => icons.has(name))
    .map((name) => {
      const svg = (icons.get(name) as string)
        .replace(/\bview-box=/g, 'viewBox=')
        .replace(/\swidth="1em"/, ' width="24"')
        .replace(/\sheight="1em"/, ' height="24"');
      const url = `url("data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}")`;
      return `[class~="t-icon--t-icon-${name}"]::before, [class~="t-icon-${name}"]::before { content: "" !important; display: inline-block; width: 1em; height: 1em; vertical-align: top; background-color: currentColor; -webkit-mask: ${url} center / 100% 100% no-repeat; mask: ${url} center / 100% 100% no-repeat; }`;
    })
    .join('\n');
}

function navBar(chrome: WindowChrome): string {
  const fg = chrome.textStyle === 'white' ? '#fff' : '#000';
  const status = `<div class="pv-status" style="background:${chrome.custom ? 'transparent' : chrome.background};color:${fg}"><span>9:41</span><span class="pv-battery"></span></div>`;
  const capsule = `<div class="pv-capsule" style="border-color:${chrome.textStyle === 'white' ? 'rgba(255,255,255,.35)' : 'rgba(0,0,0,.12)'};color:${fg}"><span>···</span><i></i><span>◎</span></div>`;
  if (chrome.custom) return `<div class="pv-top pv-top--custom">${status}${capsule}</div>`;
  const back = chrome.back ? `<span class="pv-back" style="border-color:${fg}"></span>` : '';
  return `<div class="pv-top" style="background:${chrome.background}">${status}<div class="pv-nav" style="color:${fg}">${back}<span class="pv-title">${escapeHtml(chrome.title)}</span>${capsule}</div></div>`;
}

function tabBarHtml(tab: TabBar): string {
  const items = tab.items
    .map((text, i) => {
      const badge = tab.badge?.index === i ? `<span class="pv-badge">${escapeHtml(tab.badge.text)}</span>` : '';
      const src = i === tab.selected ? tab.icons?.[i]?.selected : tab.icons?.[i]?.icon;
      const icon = src ? `<img class="pv-tab__icon" src="${escapeHtml(src)}" alt="">` : '';
      const label = icon ? `<span class="pv-tab__text">${escapeHtml(text)}${badge}</span>` : `${escapeHtml(text)}${badge}`;
      return `<div class="pv-tab${icon ? ' pv-tab--icon' : ''}" style="color:${i === tab.selected ? tab.selectedColor : tab.color}">${icon}${label}</div>`;
    })
    .join('');
  const border = tab.borderStyle === 'white' ? 'rgba(255,255,255,.33)' : 'rgba(0,0,0,.12)';
  return `<div class="pv-tabbar" style="background:${tab.backgroundColor};border-top-color:${border}">${items}</div>`;
}

/** WeChat's native toast or modal, drawn over the page as the phone shows it. */
function overlayHtml(overlay: string | undefined): string {
  if (!overlay) return '';
  const [kind, ...rest] = overlay.split(':');
  const text = rest.join(':');
  if (kind === 'toast') return text ? `<div class="pv-toast">${escapeHtml(text)}</div>` : '';
  const [title, content, cancel = '取消', ok = '确定'] = text.split('\n');
  return `<div class="pv-mask"></div><div class="pv-modal"><div class="pv-modal__title">${escapeHtml(title)}</div><div class="pv-modal__content">${escapeHtml(content ?? '')}</div><div class="pv-modal__actions"><span>${escapeHtml(cancel)}</span><span class="pv-modal__ok">${escapeHtml(ok)}</span></div></div>`;
}

/** The standalone HTML page of one rendered state. */
export function composePage(input: ComposeInput): string {
  const { width, chrome, tabBar } = input;
  const top = chrome.custom ? 0 : SCREEN.statusBar + SCREEN.navBar;
  const bottom = tabBar ? SCREEN.tabBar + SCREEN.safeBottom : SCREEN.safeBottom;
  const body = inlineRpxToPx(input.body, width);
  const chromeCss = `
.pv-top { position: fixed; z-index: 10000; top: 0; left: 0; right: 0; }
.pv-top--custom { height: ${SCREEN.statusBar + SCREEN.navBar}px; pointer-events: none; }
.pv-status { height: ${SCREEN.statusBar}px; display: flex; align-items: center; justify-content: space-between; padding: 0 28px; box-sizing: border-box; font: 600 15px/1 -apple-system, sans-serif; }
.pv-battery { width: 24px; height: 11px; border: 1.5px solid currentColor; border-radius: 3px; opacity: .9; }
.pv-nav { position: relative; height: ${SCREEN.navBar}px; display: flex; align-items: center; justify-content: center; }
.pv-title { font-size: 17px; font-weight: 600; max-width: ${width - 2 * 100}px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.pv-back { position: absolute; left: 16px; width: 11px; height: 11px; border-left: 2px solid; border-bottom: 2px solid; transform: rotate(45deg); }
.pv-capsule { position: absolute; right: 7px; top: ${chrome.custom ? SCREEN.statusBar + 6 : 6}px; width: 87px; height: 32px; box-sizing: border-box; border: 1px solid; border-radius: 16px;
  display: flex; align-items: center; justify-content: space-around; font-size: 14px; font-weight: 700; background: rgba(255,255,255,.15); }
.pv-capsule i { width: 1px; height: 18px; background: currentColor; opacity: .3; }
.pv-badge { display: inline-block; min-width: 16px; height: 16px; margin-left: 2px; padding: 0 4px; border-radius: 8px; background: #fa5151; color: #fff; font-size: 11px; line-height: 16px; text-align: center; vertical-align: top; }
.pv-tabbar { position: fixed; z-index: 10000; left: 0; right: 0; bottom: 0; height: ${SCREEN.tabBar}px; padding-bottom: ${SCREEN.safeBottom}px; display: flex; border-top: 1px solid; }
.pv-tab { flex: 1; display: flex; align-items: center; justify-content: center; font-size: 14px; }
.pv-tab--icon { flex-direction: column; font-size: 10px; line-height: 1.4; }
.pv-tab__icon { width: 27px; height: 27px; margin-bottom: 1px; }
.pv-home { position: fixed; z-index: 10001; bottom: 8px; left: 50%; width: 134px; height: 5px; margin-left: -67px; border-radius: 3px; background: #000; }
.pv-content { box-sizing: border-box; min-height: 100vh; padding-top: ${top}px; padding-bottom: ${bottom}px; display: flex; flex-direction: column; background: ${chrome.pageBackground}; }
.pv-content > page { display: block; flex: 1 0 auto; }
.pv-toast { position: fixed; z-index: 10002; left: 50%; top: 45%; transform: translate(-50%, -50%); max-width: 70%; padding: 12px 16px; border-radius: 8px;
  background: rgba(0,0,0,.75); color: #fff; font-size: 15px; line-height: 1.5; text-align: center; }
.pv-mask { position: fixed; z-index: 10002; inset: 0; background: rgba(0,0,0,.6); }
.pv-modal { position: fixed; z-index: 10003; left: 50%; top: 50%; transform: translate(-50%, -50%); width: ${Math.min(320, width - 48)}px; border-radius: 12px; background: #fff; text-align: center; overflow: hidden; }
.pv-modal__title { padding: 32px 24px 8px; font-size: 17px; font-weight: 600; }
.pv-modal__content { padding: 0 24px 32px; font-size: 16px; color: rgba(0,0,0,.55); white-space: pre-wrap; }
.pv-modal__actions { display: flex; border-top: 1px solid rgba(0,0,0,.1); }
.pv-modal__actions span { flex: 1; line-height: 56px; font-size: 17px; font-weight: 600; }
.pv-modal__actions span + span { border-left: 1px solid rgba(0,0,0,.1); }
.pv-modal__ok { color: #576b95; }
`;
  const icons = input.icons ? iconCss(body, input.icons) : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=${width}, initial-scale=1">
<title>${escapeHtml(input.caption)}</title>
<style>${WX_BASE_CSS}</style>
<style>${rpxToPx(input.css, width)}</style>
<style>${icons}</style>
<style>${chromeCss}</style>
</head><body>
${navBar(chrome)}
<div class="pv-content">${body}</div>
${tabBar ? tabBarHtml(tabBar) : ''}<div class="pv-home"></div>
${overlayHtml(input.overlay)}
</body></html>
`;
}
