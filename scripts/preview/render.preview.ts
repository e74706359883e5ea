// Renders every page × state of pages.ts in jsdom through miniprogram-simulate — real WXML, WXSS,
// TDesign, page code and services — with wx.request answered by the real use cases on a seeded
// in-memory SQLite, and writes each composed page as standalone HTML plus a manifest. Run by
// scripts/preview/build.mjs (jest -c scripts/preview/jest.preview.config.js), which screenshots them.
//
// Environment: PREVIEW_OUT (output folder, default preview/), PREVIEW_ONLY (comma-separated ids or
// page paths to render, default all), PREVIEW_ICONS (folder of TDesign icon SVGs, optional).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPreviewBackend, type Envelope, type PreviewBackend } from './backend';
import { composePage, iconNamesIn, rpxToPx, type TabBar, type WindowChrome } from './compose';
import { doc, drawBuiltIns, findByText, materialise, textOf, type DomElement, type JComponent } from './dom';
import { previewList, type PreviewEntry } from './entries';
import { MINIPROGRAM_ROOT, ROLES, type PreviewPage } from './pages';

/** The narrow screen every `filled` state is also composed at (the 320-px check). */
const NARROW_WIDTH = 320;
const WIDTH = 375;
/** Longest wait for a page's calls to finish (ms). */
const SETTLE_LIMIT_MS = 3000;


/** An exparser node: a component (with its shadow tree) or an element. */
interface ExNode {
  childNodes: ExNode[];
  shadowRoot?: ExNode;
  triggerLifeTime(name: string): void;
}
interface Exparser {
  Event: { dispatchEvent(target: unknown, event: unknown): void; create(name: string, detail: object, options: object): unknown };
  Component: new () => ExNode;
  Element: new () => ExNode;
}
interface RootComponent {
  dom: DomElement;
  _exparserNode: ExNode;
  instance: Record<string, unknown> & { setData(data: object): void };
  attach(parent: DomElement): void;
  detach(): void;
}
interface Simulate {
  load(path: string, tagName: string, options: object): string;
  render(id: string, properties?: object): RootComponent;
  sleep(ms: number): Promise<void>;
}
interface RequestOptions {
  url: string;
  data?: unknown;
  header?: Record<string, string>;
  success?(res: object): void;
  fail?(res: object): void;
  complete?(res: object): void;
}
interface WxGlobal {
  request(options: RequestOptions): unknown;
  setStorageSync(key: string, value: unknown): void;
  showToast(options: { title?: string }): unknown;
  showModal(options: { title?: string; content?: string }): unknown;
  [name: string]: unknown;
}
const wxGlobal = (): WxGlobal => (globalThis as unknown as { wx: WxGlobal }).wx;

/** A module loaded through jest's registry (untyped CommonJS of miniprogram-simulate). */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded inside jest.isolateModules on purpose
const load = <T>(id: string): T => require(id) as T;

const OUT = resolve(process.env.PREVIEW_OUT || resolve(__dirname, '../../preview'));
const ONLY = (process.env.PREVIEW_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const ICONS_DIR = process.env.PREVIEW_ICONS || '';

interface AppJson {
  window?: Record<string, string>;
  tabBar?: { color: string; selectedColor: string; backgroundColor: string; borderStyle?: 'black' | 'white'; list: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }> };
}
const appJson = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, 'app.json'), 'utf8')) as AppJson;

/** One file of the manifest build.mjs reads. */
export interface ManifestItem {
  id: string;
  page: string;
  state: string;
  title: string;
  as: string;
  asLabel: string;
  width: number;
  html: string;
  /** Why the page could not be rendered. */
  error?: string;
  /** Use-case errors (INTERNAL) logged while the page loaded. */
  backendErrors?: string[];
  /** Toast or modal the page showed. */
  overlay?: string;
}

function chromeOf(page: string): { chrome: WindowChrome; tabBar?: TabBar } {
  let json: Record<string, string> = {};
  try {
    json = JSON.parse(readFileSync(join(MINIPROGRAM_ROOT, `${page}.json`), 'utf8'));
  } catch {
    // a page without its json: app.json's window applies
  }
  const win = { ...(appJson.window ?? {}), ...json };
  const tabIndex = appJson.tabBar?.list.findIndex((t) => t.pagePath === page) ?? -1;
  const chrome: WindowChrome = {
    title: win.navigationBarTitleText ?? '',
    background: win.navigationBarBackgroundColor ?? '#000000',
    textStyle: win.navigationBarTextStyle === 'black' ? 'black' : 'white',
    custom: win.navigationStyle === 'custom',
    back: tabIndex < 0,
    pageBackground: win.backgroundColor ?? '#ffffff',
  };
  if (tabIndex < 0 || !appJson.tabBar) return { chrome };
  const t = appJson.tabBar;
  return {
    chrome,
    tabBar: { color: t.color, selectedColor: t.selectedColor, backgroundColor: t.backgroundColor, borderStyle: t.borderStyle ?? 'black', items: t.list.map((i) => i.text),
      selected: tabIndex,
      icons: t.list.map((i) => ({ icon: i.iconPath && `file://${join(MINIPROGRAM_ROOT, i.iconPath)}`, selected: i.selectedIconPath && `file://${join(MINIPROGRAM_ROOT, i.selectedIconPath)}` })),
    },
  };
}

/** Entities WXML decodes in static text (TDesign writes `&nbsp;*` after a required label). */
const decodeEntities = (html: string) => html.replace(/&amp;(nbsp|ensp|emsp);/g, '&$1;');

/** The WXML of the whole mini-program compiled to JS, by root (it does not change during a run). */
const compiledWxml = new Map<string, string>();

const iconCache = new Map<string, string>();
function iconsFor(html: string): Map<string, string> {
  const icons = new Map<string, string>();
  if (!ICONS_DIR) return icons;
  for (const name of iconNamesIn(html)) {
    if (!iconCache.has(name)) {
      const file = join(ICONS_DIR, `${name}.svg`);
      iconCache.set(name, existsSync(file) ? readFileSync(file, 'utf8') : '');
    }
    const svg = iconCache.get(name);
    if (svg) icons.set(name, svg);
  }
  return icons;
}

/** Tells the page and TDesign the screen is `width` px wide (wx-mock's device is 375 px). */
function narrowScreen(width: number): void {
  if (width === WIDTH) return;
  const wx = wxGlobal();
  for (const name of ['getWindowInfo', 'getSystemInfoSync']) {
    const original = wx[name] as () => Record<string, unknown>;
    wx[name] = () => {
      const info = original();
      return { ...info, screenWidth: width, windowWidth: width, safeArea: { ...(info.safeArea as object), right: width, width } };
    };
  }
}

/** The user's WeChat font setting, as App.onLaunch reads it (utils/font.ts) into globalData. */
function largeText(scale: number): void {
  const g = globalThis as unknown as { wx: WxGlobal; getApp: () => unknown };
  const base = (g.wx.getAppBaseInfo as () => Record<string, unknown>)();
  g.wx.getAppBaseInfo = () => ({ ...base, fontSizeScaleFactor: scale, fontSizeSetting: Math.round(16 * scale) });
  g.getApp = () => ({ globalData: { fontScale: scale } });
}

/**
 * WeChat runs a component's `ready` once its first render is laid out; j-component does so only for
 * the components present when the page is attached. This runs it for each component rendered since
 * (a list that arrives with the data, TDesign's upload sizing its tiles in `ready`), once.
 */
function readyNewComponents(exparser: Exparser, root: ExNode, ready: WeakSet<ExNode>, fire = true): void {
  const visit = (node: ExNode) => {
    if (node instanceof exparser.Component) {
      if (node.shadowRoot instanceof exparser.Element) visit(node.shadowRoot);
      if (!ready.has(node)) {
        ready.add(node);
        if (fire) node.triggerLifeTime('ready');
      }
    }
    for (const child of node.childNodes) if (child instanceof exparser.Element) visit(child);
  };
  visit(root);
}

/** Renders one state at a screen width; resolves to its composed HTML. */
async function renderState(entry: PreviewEntry, width: number): Promise<{ html: string; backendErrors: string[]; overlay?: string }> {
  const pagePath = join(MINIPROGRAM_ROOT, entry.page);
  if (!existsSync(`${pagePath}.json`) || !existsSync(`${pagePath}.wxml`)) throw new Error(`页面文件缺失：${entry.page}.{json,wxml}`);

  const backend: PreviewBackend | null = entry.backend === 'demo' || entry.backend === 'empty' ? await createPreviewBackend(entry.backend) : null;
  try {
    const query = typeof entry.query === 'function' ? (backend ? await entry.query(backend.call) : {}) : (entry.query ?? {});

    // A fresh module registry per state: page code, services and TDesign start anew, and so does wx.
    let simulate!: Simulate;
    let exparser!: Exparser;
    let appCss = '';
    let comp!: RootComponent;
    let styleId = '';
    jest.isolateModules(() => {
      load<{ installWx(): void }>(resolve(__dirname, '../../test/miniprogram/wx-mock')).installWx();
      narrowScreen(width);
      if (entry.fontScale) largeText(entry.fontScale);
      simulate = load<Simulate>('miniprogram-simulate');
      // The official compiler turns every WXML of the root into JS at each load: once per run is enough.
      const compiler = load<{ wxmlToJs(root: string, options?: object): string }>('miniprogram-compiler');
      const wxmlToJs = compiler.wxmlToJs;
      compiler.wxmlToJs = (root, options) => {
        const key = `${root}\n${JSON.stringify(options ?? {})}`;
        if (!compiledWxml.has(key)) compiledWxml.set(key, wxmlToJs.call(compiler, root, options));
        return compiledWxml.get(key) as string;
      };
      exparser = load<Exparser>('miniprogram-exparser');
      // WeChat's rpx: 750rpx is the screen's width (miniprogram-simulate and j-component make 1rpx 1px).
      const toPx = (style: string) => rpxToPx(style, width);
      load<{ transformRpx(s: string): string }>('miniprogram-simulate/src/utils').transformRpx = toPx;
      load<{ transformRpx(s: string): string }>('j-component/src/tool/utils').transformRpx = toPx;
      drawBuiltIns(load<JComponent>('j-component'));
      const wxss = load<{ getContent(path: string): string; compile(css: string, options: object): string }>('miniprogram-simulate/src/wxss');
      appCss = wxss.compile(wxss.getContent(join(MINIPROGRAM_ROOT, 'app.wxss')), { prefix: 'page' });
      styleId = simulate.load(pagePath, 'page', { rootPath: MINIPROGRAM_ROOT });
      // WeChat hands a Component-built page its query both as properties and to onLoad.
      comp = simulate.render(styleId, { ...query });
    });

    const wx = wxGlobal();
    wx.setStorageSync('devOpenid', ROLES[entry.as].openid);
    let pending = 0;
    wx.request = (options: RequestOptions) => {
      const fn = String(options.url).split('/functions/')[1] ?? '';
      const body = (options.data ?? {}) as { action?: string; data?: unknown };
      const openid = options.header?.['x-openid'] ?? null;
      if (entry.backend === 'hold') return { abort: () => undefined };
      pending += 1;
      const answer = (ok: boolean, res: object) => {
        pending -= 1;
        if (ok) options.success?.(res);
        else options.fail?.(res);
        options.complete?.(res);
      };
      if (!backend) {
        setTimeout(() => answer(false, { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' }), 0);
      } else {
        backend
          .route(fn, String(body.action), body.data ?? {}, openid)
          .then((envelope: Envelope) => answer(true, { statusCode: 200, data: JSON.parse(JSON.stringify(envelope)), header: {}, cookies: [], errMsg: 'request:ok' }))
          .catch((err: unknown) => answer(false, { errMsg: `request:fail ${String(err)}` }));
      }
      return { abort: () => undefined };
    };
    const overlays: string[] = [];
    let badge: TabBar['badge'];
    wx.setTabBarBadge = (o: { index: number; text: string }) => void (badge = { index: o.index, text: o.text });
    wx.removeTabBarBadge = () => void (badge = undefined);
    const showToast = wx.showToast;
    wx.showToast = (o: { title?: string }) => (overlays.push(`toast:${o.title ?? ''}`), (showToast as (o: object) => unknown)(o));
    // A confirmation stays open, as it does until the person answers: the picture shows it.
    wx.showModal = (o: { title?: string; content?: string; confirmText?: string; cancelText?: string }) =>
      void overlays.push(`modal:${o.title ?? ''}\n${o.content ?? ''}\n${o.cancelText ?? '取消'}\n${o.confirmText ?? '确定'}`);

    const ready = new WeakSet<ExNode>();
    const settle = async (ms = 30) => {
      const started = Date.now();
      await simulate.sleep(ms);
      while (pending > 0 && Date.now() - started < SETTLE_LIMIT_MS) await simulate.sleep(20);
      readyNewComponents(exparser, comp._exparserNode, ready);
      await simulate.sleep(ms);
    };

    const parent = doc().createElement('div');
    doc().body.appendChild(parent);
    comp.attach(parent);
    // attach ran `ready` for every component there now: marked, not run again.
    readyNewComponents(exparser, comp._exparserNode, ready, false);
    // WeChat's page lifecycle after `attached`: onLoad(query) → onShow → onReady.
    const lifecycle = (name: string, ...args: unknown[]) => {
      const fn = comp.instance[name];
      if (typeof fn === 'function') (fn as (...a: unknown[]) => unknown).apply(comp.instance, args);
    };
    lifecycle('onLoad', query);
    lifecycle('onShow');
    await settle();
    lifecycle('onReady');

    if (entry.act) {
      const page: PreviewPage = {
        async tap(text) {
          const el = findByText(comp.dom, text);
          const target = el?.__wxElement;
          if (!target) throw new Error(`preview: nothing to tap shows "${String(text)}"; the page shows: ${textOf(comp.dom)}`);
          exparser.Event.dispatchEvent(target, exparser.Event.create('tap', {}, { bubbles: true, capturePhase: true, composed: true }));
          await settle();
        },
        async call(method, ...args) {
          lifecycle(method, ...args);
          await settle();
        },
        async setData(data) {
          comp.instance.setData(data);
          await settle();
        },
        settle,
      };
      await entry.act(page);
    }
    await settle(entry.backend === 'hold' ? 50 : 30);

    const css = `${appCss}\n${doc().getElementById(styleId)?.textContent ?? ''}`;
    const body = decodeEntities(materialise(comp.dom).outerHTML);
    comp.detach();
    parent.remove();
    doc().getElementById(styleId)?.remove();

    const { chrome, tabBar } = chromeOf(entry.page);
    const overlay = overlays.at(-1);
    const html = composePage({ css, body, width, chrome, tabBar: tabBar && { ...tabBar, badge }, icons: iconsFor(body), caption: `${entry.page} · ${entry.title}`, overlay });
    return { html, backendErrors: backend?.errors ?? [], overlay };
  } finally {
    await backend?.close();
  }
}

const all = previewList();
const selected = ONLY.length ? all.filter((e) => ONLY.includes(e.id) || ONLY.includes(e.page)) : all;
const manifest: ManifestItem[] = [];

beforeAll(() => mkdirSync(join(OUT, 'html'), { recursive: true }));

afterAll(() => {
  writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify({ declared: all.map((e) => e.id), items: manifest }, null, 2)}\n`);
});

/** The renders of one entry: at 375 px, and `filled` at 320 px too. */
const widthsOf = (entry: PreviewEntry) => (entry.name === 'filled' ? [WIDTH, NARROW_WIDTH] : [WIDTH]);

const jobs = selected.flatMap((e) => widthsOf(e).map((w) => [w === WIDTH ? e.id : `${e.id}@${w}`, e, w] as const));

async function renderJob(id: string, entry: PreviewEntry, width: number): Promise<void> {
  const base = { id, page: entry.page, state: entry.name, title: entry.title, as: ROLES[entry.as].openid, asLabel: ROLES[entry.as].label, width };
  try {
    const { html, backendErrors, overlay } = await renderState(entry, width);
    writeFileSync(join(OUT, 'html', `${id}.html`), html);
    manifest.push({ ...base, html: `html/${id}.html`, backendErrors, overlay });
  } catch (err) {
    // A page under construction must not hide the others: the gallery shows why this one failed.
    manifest.push({ ...base, html: '', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

if (jobs.length === 0) test('no state matches PREVIEW_ONLY', () => undefined);
else test.each(jobs)('%s', renderJob);
