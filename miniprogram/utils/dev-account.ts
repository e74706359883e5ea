// The demo identity of local mode: the gateway trusts an `x-openid` header (API.md §3), so the
// developer picks who they are. In cloud mode the platform decides and none of this applies.

/** Storage key of the chosen demo openid. */
export const DEV_OPENID_KEY = 'devOpenid';

/** The demo identity used until another is chosen. */
export const DEFAULT_DEV_OPENID = 'demo-resident';

/** The demo accounts seeded by the gateway (API.md §4). */
export const DEMO_ACCOUNTS: ReadonlyArray<{ openid: string; label: string }> = [
  { openid: 'demo-resident', label: '居民 · demo-resident' },
  { openid: 'demo-volunteer', label: '居民志愿者 · demo-volunteer' },
  { openid: 'demo-oc', label: '业委会成员 · demo-oc' },
  { openid: 'demo-property', label: '物业工作人员 · demo-property' },
  { openid: 'demo-rc', label: '居委会工作人员 · demo-rc' },
  { openid: 'demo-party', label: '社区党组织 · demo-party' },
  { openid: 'demo-admin', label: '平台管理员 · demo-admin' },
  { openid: 'demo-newcomer', label: '未注册的新用户 · demo-newcomer' },
];

/** The demo openid local-mode calls are made as. */
export function devOpenid(): string {
  try {
    const stored: unknown = wx.getStorageSync(DEV_OPENID_KEY);
    return typeof stored === 'string' && stored ? stored : DEFAULT_DEV_OPENID;
  } catch {
    return DEFAULT_DEV_OPENID;
  }
}

/** Chooses the demo openid for the following calls. */
export function setDevOpenid(openid: string): void {
  wx.setStorageSync(DEV_OPENID_KEY, openid);
}

/** The label of a demo openid, or the openid itself for one typed by hand. */
export function devAccountLabel(openid: string): string {
  return DEMO_ACCOUNTS.find((a) => a.openid === openid)?.label ?? openid;
}
