// Ambient types of the mini-program (global, no imports or exports).

/** The App's globalData and methods, read with `getApp<IAppOption>()`. */
interface IAppOption {
  globalData: {
    /** Text scale from the user's WeChat font size (适老化): 1 = standard, up to 2. */
    fontScale: number;
    /** The caller (account.whoami), asked once and kept (services/session.ts). */
    me?: Promise<import('./api').ApiResult<import('./api').WhoAmI>>;
  };
}
