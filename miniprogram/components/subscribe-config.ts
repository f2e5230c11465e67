/**
 * Subscribe-message template ids of the weapp build: SUBSCRIBE_TEMPLATES (template name → id), the
 * same setting the notify function sends with, compiled in at build time as
 * TARO_APP_SUBSCRIBE_TEMPLATES (config/cloud.ts). A build without it asks for nothing; the in-app
 * inbox still shows every hand-over.
 */
import { configuredTemplates, parseTemplateIds, templateIdsFor } from '../../shared/notify/subscribe-templates';

function configured() {
  const parsed = parseTemplateIds(process.env.TARO_APP_SUBSCRIBE_TEMPLATES);
  // config/cloud.ts refuses a bad value at build time; a test environment may still hand one in.
  return configuredTemplates(parsed.ok ? parsed.ids : {});
}

/** The residents' templates (进度变化: 已受理、已办结…), at most 3. */
export function residentTemplateIds(): string[] {
  return templateIdsFor('resident', configured());
}

/** The staff templates (待办事项提醒), at most 3. */
export function staffTemplateIds(): string[] {
  return templateIdsFor('staff', configured());
}
