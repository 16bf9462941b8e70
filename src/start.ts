/**
 * Everything between reading the environment and serving: open the database, migrate, make sure
 * the secret and the first administrator exist, load the demo once, build the app.
 *
 * @example
 * const { app, deps, firstAdmin } = await prepare(loadEnv());
 */
import { join } from 'node:path';
import { createApp } from './app';
import { openDatabase, type Database } from './db/client';
import { migrateDatabase } from './db/migrate';
import type { Env } from './env';
import { ensureFirstAdmin } from './core/accounts/ensure-first-admin';
import { createMailer } from './core/mail/mailer';
import { ensureSecret } from './core/system/ensure-secret';
import type { AppDeps } from './http/types';
import { createLogger } from './lib/log';
import { loadDemo } from '../demo/load-demo';
import { runImport, unfinishedImports } from './features/network/import/run-import';

export function openConfiguredDatabase(env: Env): Promise<Database> {
  return env.databaseUrl
    ? openDatabase({ url: env.databaseUrl })
    : openDatabase({ dataDir: join(env.dataDir, 'pglite') });
}

export async function prepare(env: Env, database?: Database) {
  const log = createLogger(env.logLevel);
  database ??= await openConfiguredDatabase(env);
  await migrateDatabase(database);
  const { db } = database;
  const secret = await ensureSecret(db, env.secret);
  const firstAdmin = await ensureFirstAdmin(db, {
    email: env.adminEmail,
    password: env.adminPassword,
  });
  const demo = env.demo ? await loadDemo(db) : { loaded: [] as string[] };
  const mailer = createMailer({ smtpUrl: env.smtpUrl, from: env.mailFrom });
  const deps: AppDeps = { env, database, db, log, mailer, secret };
  for (const importId of await unfinishedImports(db)) {
    void runImport(db, { importId }).catch((error: unknown) =>
      log.error('import.failed', { importId, error: String(error) }),
    );
  }
  return { app: createApp(deps), deps, firstAdmin, demo };
}
