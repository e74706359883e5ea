// Opening a page by path: tab pages need switchTab, and a page that is not built yet (entries are
// added before their pages) gets a gentle message instead of a silent failure.

/** The tab bar pages of app.json. */
export const TAB_PAGES: readonly string[] = ['/pages/home/index', '/pages/activities/index', '/pages/requests/index', '/pages/mine/index'];

/** Opens a page by its absolute path (with an optional query). */
export function openPage(url: string): void {
  const path = url.split('?')[0];
  const fail = () => wx.showToast({ title: '该功能即将上线', icon: 'none' });
  if (TAB_PAGES.includes(path)) wx.switchTab({ url: path, fail });
  else wx.navigateTo({ url, fail });
}
