// The one switch between the local gateway (development, demos) and CloudBase (production).

/** How the mini-program reaches the cloud functions. */
export type TransportMode = 'local' | 'cloud';

export interface AppConfig {
  /** 'local': HTTP to the local gateway (API.md §3); 'cloud': wx.cloud.callFunction. */
  mode: TransportMode;
  /** The local gateway; DevTools must not check request domains (project.private.config.json). */
  localBaseUrl: string;
  /** The CloudBase environment id used in cloud mode. */
  cloudEnv: string;
}

/** The app's configuration. Set `mode: 'cloud'` and `cloudEnv` for a production build. */
export const config: AppConfig = {
  mode: 'local',
  localBaseUrl: 'http://127.0.0.1:3000',
  cloudEnv: 'your-cloudbase-env-id',
};
