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

/** The `cloudEnv` this file ships with; a cloud build carrying it refuses to start (utils/cloud-config.ts). */
export const PLACEHOLDER_CLOUD_ENV = 'your-cloudbase-env-id';

/** The app's configuration. Set `mode: 'cloud'` and `cloudEnv` (docs/DEPLOY.md step 5) for a production build. */
export const config: AppConfig = {
  mode: 'local',
  localBaseUrl: 'http://127.0.0.1:3000',
  cloudEnv: 'your-cloudbase-env-id',
};
