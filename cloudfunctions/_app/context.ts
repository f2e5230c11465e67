import type { Identity } from '../../shared/domain/roles';
import type { TemplateIds } from '../../shared/notify/subscribe-templates';
import type { Clock, ContentCheck, FileStore, GroupResolver, IdSource, MediaCheck, MiniProgramCodes, Notifier } from '../../shared/ports/platform';
import type { Store } from '../../shared/ports/store';

export interface AppConfig {
  platform: 'cloudbase' | 'local';
  /** Per-openid report rate limit (reports per rolling hour). */
  reportsPerHour: number;
  /** Subscribe-message template ids by template name (production; SUBSCRIBE_TEMPLATES). */
  templates?: TemplateIds;
  /** The one-time first-admin code (env BOOTSTRAP_ADMIN_CODE of the admin function); unset: admin.bootstrap is off. */
  bootstrapAdminCode?: string;
}

/** Everything a use case may touch: the ports, wired by the platform (CloudBase or local). */
export interface AppDeps {
  store: Store;
  files: FileStore;
  content: ContentCheck;
  clock: Clock;
  ids: IdSource;
  notifier?: Notifier;
  groups?: GroupResolver;
  /** Asynchronous image checks (mediaCheckAsync); absent in the local runtime (usecases/photo-checks.ts). */
  media?: MediaCheck;
  /** Mini-program codes (wxacode.getUnlimited) for the estate posters; absent in the local runtime. */
  codes?: MiniProgramCodes;
  config: AppConfig;
}

/**
 * Who is calling, as the platform established it: CloudBase's WeChat context (WX_OPENID) or the
 * local runtime's dev sign-in. Never taken from the request body.
 */
export interface Caller {
  identity: Identity | null;
}

export const DEFAULT_CONFIG: AppConfig = { platform: 'local', reportsPerHour: 10 };
