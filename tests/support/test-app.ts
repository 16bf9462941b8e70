/**
 * A Convoca app on a fresh test database, with a silent logger and the outbox mailer.
 *
 * @example
 * const t = await createTestApp();
 * afterAll(() => t.close());
 * const res = await t.app.request('/healthz');
 */
import { createApp } from '../../src/app';
import { parseEnv, type Env } from '../../src/env';
import { createMailer, type Mailer } from '../../src/core/mail/mailer';
import type { AppDeps } from '../../src/http/types';
import { createLogger, type Logger } from '../../src/lib/log';
import { openTestDatabase } from './test-database';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

export async function createTestApp(
  o: { env?: Record<string, string>; mailer?: Mailer; log?: Logger } = {},
) {
  const database = await openTestDatabase();
  const env: Env = parseEnv({
    NODE_ENV: 'test',
    CONVOCA_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    ...o.env,
  });
  const deps: AppDeps = {
    env,
    database,
    db: database.db,
    log: o.log ?? createLogger('silent'),
    mailer: o.mailer ?? createMailer({ smtpUrl: undefined, from: env.mailFrom }),
    secret: env.secret!,
  };
  const app = createApp(deps);
  return { app, deps, db: database.db, close: () => database.drop() };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
