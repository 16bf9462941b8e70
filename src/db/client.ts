/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in a folder
 * (or in memory). Both speak PostgreSQL, so the rest of the code sees one `Db` type.
 *
 * @example
 * const database = await openDatabase({ dataDir: 'memory://' });
 * await database.ping(); // { ok: true, latencyMs: 0.4 }
 * await database.close();
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { servedInOrder } from './serial-pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';

/**
 * The query builder. Tables come from each module's `schema.ts` and are imported where used, so
 * the database layer knows no feature (no relational `db.query` API).
 */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Answers whether the database responds, and how fast. */
  ping(): Promise<{ ok: boolean; latencyMs: number }>;
  close(): Promise<void>;
  /** The PGlite instance, when embedded (used for backups and test templates). */
  pglite?: PGlite;
};

export type OpenDatabaseOptions =
  | { url: string; dataDir?: undefined; pglite?: undefined }
  | { dataDir: string; url?: undefined; pglite?: undefined }
  | { pglite: PGlite; url?: undefined; dataDir?: undefined };

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection can be closed by the server (restart, failover, admin command). Without a
    // listener node-postgres would crash the process; the pool replaces the connection instead.
    pool.on('error', (error) =>
      process.stderr.write(
        `${JSON.stringify({ level: 'warn', event: 'db.idle_connection_lost', error: error.message })}\n`,
      ),
    );
    const db = drizzlePg({ client: pool }) as unknown as Db;
    return { db, driver: 'postgres', ping: () => ping(db), close: () => pool.end() };
  }
  let client = options.pglite;
  if (!client) {
    const dir = options.dataDir ?? 'memory://';
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  }
  const db = drizzlePglite({ client: servedInOrder(client) }) as unknown as Db;
  const pglite = client;
  return { db, driver: 'pglite', pglite, ping: () => ping(db), close: () => pglite.close() };
}

async function ping(db: Db): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  try {
    await db.execute(sql`select 1`);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { ok: false, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  }
}
