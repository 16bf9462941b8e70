import type { Database, Db } from '../db/client';
import type { Env } from '../env';
import type { Lang, Translate } from '../i18n/index';
import type { Logger } from '../lib/log';
import type { Mailer } from '../core/mail/mailer';
import type { Session, User } from '../core/accounts/schema';
import type { Initiative, MemberRole } from '../core/initiatives/schema';
import type { FeatureModule } from '../core/module';

/** What the app needs from the outside world; tests build their own. */
export type AppDeps = {
  env: Env;
  database: Database;
  db: Db;
  log: Logger;
  mailer: Mailer;
  /** Secret for signing form tokens (from CONVOCA_SECRET or generated once and stored). */
  secret: string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    t: Translate;
    user: User | null;
    session: Session | null;
    csrfToken: string;
    clientIp: string;
    secureHeadersNonce?: string;
    /** Set by `access.initiative()`: the initiative named in the URL and the caller's roles in it. */
    initiative: Initiative;
    roles: MemberRole[];
    /** Every feature module, in the module list's order (set by `createApp`). */
    modules: readonly FeatureModule[];
  };
};
