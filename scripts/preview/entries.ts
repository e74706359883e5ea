// The gallery's entries: every page of app.json in its standard states (loading, filled, empty,
// error, care) and the states scripts/preview/pages.ts declares for it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CARE_SCALE, MINIPROGRAM_ROOT, PAGES, type PageSpec, type StandardState, type StateSpec } from './pages';

const STANDARD: Array<Pick<StateSpec, 'name' | 'title' | 'backend' | 'fontScale'> & { name: StandardState }> = [
  { name: 'loading', title: '加载中', backend: 'hold' },
  { name: 'filled', title: '演示数据', backend: 'demo' },
  { name: 'empty', title: '暂无数据', backend: 'empty' },
  { name: 'error', title: '网络异常', backend: 'offline' },
  // The filled state at the largest font: every page, so none escapes the 适老化 check.
  { name: 'care', title: '关怀模式（微信最大字号）', backend: 'demo', fontScale: CARE_SCALE },
];

/** The pages of app.json: main package first, then each subpackage's, as `root + page`. */
export function discoverPages(root = MINIPROGRAM_ROOT): string[] {
  const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const subs = app.subPackages ?? app.subpackages ?? [];
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/?$/, '/')}${p}`))];
}

/** One picture of the gallery. */
export interface PreviewEntry extends StateSpec {
  /** `pages-home-index--filled`: the file name without extension. */
  id: string;
  page: string;
}

export const idOf = (page: string, state: string): string => `${page.replace(/\//g, '-')}--${state}`;

/** The states of one page: the standard ones it has, then its own. */
export function statesOf(page: string, spec: PageSpec = PAGES[page] ?? {}): PreviewEntry[] {
  const as = spec.as ?? 'resident';
  const base = STANDARD.filter((s) => !spec.without?.includes(s.name)).map((s) => ({ ...s, as, query: spec.query }));
  const filled = { ...STANDARD[1], as, query: spec.query };
  const own = (spec.states ?? []).map((s) => ({ ...filled, ...s }));
  return [...base, ...own].map((s) => ({ ...s, page, id: idOf(page, s.name) }));
}

/** Everything the gallery shows, page by page in app.json's order. */
export function previewList(root = MINIPROGRAM_ROOT): PreviewEntry[] {
  return discoverPages(root).flatMap((page) => statesOf(page));
}

/** Pages declared here that app.json no longer lists (a renamed page leaves its states behind). */
export function staleDeclarations(root = MINIPROGRAM_ROOT): string[] {
  const pages = new Set(discoverPages(root));
  return Object.keys(PAGES).filter((p) => !pages.has(p));
}
