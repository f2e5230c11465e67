/**
 * The weapp build's CloudBase settings, from .env files or the build's environment (Taro 4 loads
 * `.env`, `.env.local`, `.env.<mode>`, `.env.<mode>.local` into process.env before this config runs;
 * a variable already set in the environment wins):
 * - TARO_APP_CLOUD_ENV: the CloudBase environment id for `Taro.cloud.init` (miniprogram/api/transport.weapp.ts).
 *   Defined here explicitly, so that a value given only in the environment (CI) reaches the bundle too:
 *   Taro's own DefinePlugin entries come from the .env files alone (@tarojs/helper dotenvParse).
 * - TARO_APP_ID: the AppID. Taro writes it into dist/weapp/project.config.json in place of the root
 *   file's `touristappid` (@tarojs/cli presets/files/generateProjectConfig.js:
 *   `origProjectConfig.appid = process.env.TARO_APP_ID || origProjectConfig.appid`).
 * - SUBSCRIBE_TEMPLATES (or TARO_APP_SUBSCRIBE_TEMPLATES): the subscribe-message template ids,
 *   {"staffTodo": "<id>", "residentProgress": "<id>"}, the same JSON `npm run deploy` gives the
 *   notify function, so users subscribe to exactly the templates the function sends with. The
 *   client reads it with shared/notify/subscribe-templates.ts parseTemplateIds (Taro transpiles only
 *   this folder for the config, so the check cannot run here; a value that is not JSON stops the build).
 */

export interface CloudSettings {
  cloudEnv: string;
  appId: string;
  /** SUBSCRIBE_TEMPLATES as JSON text ('' when unset). */
  subscribeTemplates: string;
}

export function cloudSettings(env: Record<string, string | undefined>): CloudSettings {
  const subscribeTemplates = (env.TARO_APP_SUBSCRIBE_TEMPLATES ?? env.SUBSCRIBE_TEMPLATES ?? '').trim();
  if (subscribeTemplates) JSON.parse(subscribeTemplates); // throws: a build with a broken setting stops here
  return { cloudEnv: (env.TARO_APP_CLOUD_ENV ?? '').trim(), appId: (env.TARO_APP_ID ?? '').trim(), subscribeTemplates };
}

/** Build-time constants for the client code (values are JSON, as DefinePlugin wants them). */
export function cloudDefines(settings: CloudSettings): Record<string, string> {
  return { TARO_APP_CLOUD_ENV: JSON.stringify(settings.cloudEnv), TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify(settings.subscribeTemplates) };
}

/** What a production weapp build without these settings cannot do (printed by the build, not fatal: tests build without them). */
export function cloudWarnings(settings: CloudSettings): string[] {
  const warnings: string[] = [];
  if (!settings.cloudEnv) warnings.push('TARO_APP_CLOUD_ENV is not set: the weapp build cannot reach its cloud functions (every call answers CONFIG.CLOUD_ENV_MISSING).');
  if (!settings.appId) warnings.push('TARO_APP_ID is not set: dist/weapp/project.config.json keeps appid "touristappid", and tourist mode has no cloud development.');
  if (!settings.subscribeTemplates) warnings.push('SUBSCRIBE_TEMPLATES is not set: the weapp build asks no one to subscribe, and hand-overs reach people only in the in-app inbox.');
  return warnings;
}
