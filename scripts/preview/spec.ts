// What the gallery's list (pages.ts) is made of: the demo accounts, the backends a state runs on,
// and the shape of a page's states.
import { resolve } from 'node:path';

/** The mini-program root (DevTools' miniprogramRoot). */
export const MINIPROGRAM_ROOT = resolve(__dirname, '../../miniprogram');

/**
 * What answers the page's calls:
 * - `demo`: the real use cases on an in-memory SQLite seeded with the demo data (API.md §4);
 * - `empty`: the same, with only the community, compounds, firms and people kept (no activity,
 *   request, rating… yet), so every list is empty;
 * - `offline`: every call fails as a network failure does;
 * - `hold`: no call ever answers, and the page is captured while it waits (its loading state).
 */
export type BackendMode = 'demo' | 'empty' | 'offline' | 'hold';

/** The demo accounts (API.md §4): who the mini-program is signed in as. */
export const ROLES = {
  resident: { openid: 'demo-resident', label: '居民' },
  volunteer: { openid: 'demo-volunteer', label: '志愿者' },
  oc: { openid: 'demo-oc', label: '业委会成员' },
  property: { openid: 'demo-property', label: '物业工作人员' },
  rc: { openid: 'demo-rc', label: '居委会工作人员' },
  party: { openid: 'demo-party', label: '社区党组织' },
  pending: { openid: 'demo-pending', label: '待审核用户' },
  cadre: { openid: 'demo-cadre', label: '下沉党员' },
  newcomer: { openid: 'demo-newcomer', label: '未注册用户' },
  admin: { openid: 'demo-admin', label: '平台管理员' },
  street: { openid: 'demo-street', label: '街道工作人员' },
} as const;

export type RoleName = keyof typeof ROLES;

/** Calls the seeded backend as a demo user (for a state's query or setup). */
export type BackendCall = (fn: string, action: string, data: object, as: RoleName) => Promise<{ ok: boolean; data?: unknown; error?: unknown }>;

/** A rendered page as the state's `act` drives it. */
export interface PreviewPage {
  /** Taps the innermost shown element with this text (or matching it) and waits. */
  tap(text: string | RegExp): Promise<void>;
  /** Calls a method of the page instance (an event handler) and waits. */
  call(method: string, ...args: unknown[]): Promise<void>;
  /** Sets page data and waits (for states reached by gestures the preview cannot make). */
  setData(data: Record<string, unknown>): Promise<void>;
  /** Waits for the page's calls and re-render. */
  settle(ms?: number): Promise<void>;
}

export interface StateSpec {
  /** File-name part: `filled`, `filled-property`… */
  name: string;
  /** Caption in the gallery (Chinese, for the people who review it). */
  title: string;
  as: RoleName;
  backend: BackendMode;
  /** The page's onLoad options, or how to find them in the seeded data. */
  query?: Record<string, string> | ((call: BackendCall) => Promise<Record<string, string>>);
  /** What a person does once the page has settled, before the capture. */
  act?: (page: PreviewPage) => Promise<void>;
  /** The user's WeChat font size as a factor (适老化: 1.4 is about the largest setting). */
  fontScale?: number;
}

/** What a page declares: its usual viewer, query, extra states, standard states it has not. */
export interface PageSpec {
  /** Who sees the standard states (default: resident). */
  as?: RoleName;
  query?: StateSpec['query'];
  /** More states: other roles, or one reached by an action. Missing fields come from `filled`. */
  states?: Array<Partial<StateSpec> & Pick<StateSpec, 'name' | 'title'>>;
  /** Standard states that mean nothing for this page (e.g. `empty` on a form). */
  without?: StandardState[];
}

export type StandardState = 'loading' | 'filled' | 'empty' | 'error' | 'care';

/**
 * WeChat's largest font setting on a 375-px phone (适老化, 「关怀模式」): iOS's +5 step is 23.8 px
 * against the standard 17 px, a `fontSizeScaleFactor` of 1.4 (WeChat's 小程序适老化设计指南 §2.1).
 */
export const CARE_SCALE = 1.4;
