// Who the caller is, asked once and kept by the app (globalData.me) for every page, instead of each
// page calling account.whoami. It is asked again when the caller's standing may have changed:
// after registering, on switching the demo account, when 首页 or 我的 comes back into view.
import type { ApiResult, WhoAmI } from '../../typings/api';
import { whoami } from './account';

function appData(): IAppOption['globalData'] | undefined {
  try {
    return getApp<IAppOption>()?.globalData;
  } catch {
    return undefined;
  }
}

/** The caller, from the app's copy when there is one; a failed answer is not kept. */
export function me(): Promise<ApiResult<WhoAmI>> {
  const app = appData();
  if (app?.me) return app.me;
  const asked = whoami().then((res) => {
    if (!res.ok && app?.me === asked) app.me = undefined;
    return res;
  });
  if (app) app.me = asked;
  return asked;
}

/** Drops the app's copy: the next `me()` asks the server. */
export function forgetMe(): void {
  const app = appData();
  if (app) app.me = undefined;
}

/** Asks the server again (the caller's roles or status may have changed). */
export function refreshMe(): Promise<ApiResult<WhoAmI>> {
  forgetMe();
  return me();
}
