/**
 * Applies the SQL migrations in `drizzle/`. On PostgreSQL an advisory lock keeps several
 * app processes starting at once from migrating twice.
 *
 * @example
 * await migrateDatabase(await openDatabase({ dataDir: 'memory://' }));
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
const LOCK_ID = 0x636f6e76; // "conv"

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, { migrationsFolder });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_ID})`);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePg(tx as any, { migrationsFolder });
  });
}
