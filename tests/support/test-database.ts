import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client';
import { testEnv } from './test-env';

let dump: Blob | undefined;

/** A fresh, migrated database for one test file, copied from the run's template. */
/** `url` is set on PostgreSQL, so a test can open a second connection pool as another process would. */
export async function openTestDatabase(): Promise<
  Database & { drop(): Promise<void>; url?: string }
> {
  const templateDatabase = inject('templateDatabase');
  if (templateDatabase) {
    const url = testEnv.TEST_DATABASE_URL!;
    const name = `convoca_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${templateDatabase}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const database = await openDatabase({ url: dbUrl.toString() });
    return {
      ...database,
      url: dbUrl.toString(),
      async drop() {
        await database.close();
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      },
    };
  }
  dump ??= new Blob([readFileSync(inject('templateDump'))]);
  const pglite = await PGlite.create({ loadDataDir: dump });
  const database = await openDatabase({ pglite });
  return { ...database, drop: () => database.close() };
}
