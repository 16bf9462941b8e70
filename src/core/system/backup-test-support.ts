/**
 * What the backup tests share: the CLI run as an operator would run it, a fingerprint of every
 * table, fresh PostgreSQL databases, and a copy of the migrations cut to an older version.
 *
 * @example
 * cli({ dataDir }, 'backup', file); expect(await fingerprint(restored)).toEqual(before);
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { expect } from 'vitest';
import { testEnv } from '../../../tests/support/test-env';
import type { Database } from '../../db/client';
import { migrationsFolder } from '../../db/migrate';

type Rows<T> = { rows: T[] };

/** Row count and an MD5 of every row's text, ordered, for each table of the app and its migrations. */
export async function fingerprint(database: Database): Promise<Record<string, string>> {
  const tables = (await database.db.execute(sql`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`)) as unknown as Rows<{
    name: string;
  }>;
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const result = (await database.db.execute(
      sql.raw(
        `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${name} t`,
      ),
    )) as unknown as Rows<{ n: number; sum: string }>;
    const row = result.rows[0];
    out[name] = `${row!.n} rows, md5 ${row!.sum}`;
  }
  return out;
}

/** Every column of the app's tables with its type: the shape a migrated database has. */
export async function columns(database: Database): Promise<string[]> {
  const result = (await database.db.execute(sql`
    select table_name || '.' || column_name || ' ' || data_type as c from information_schema.columns
    where table_schema = 'public' order by 1`)) as unknown as Rows<{ c: string }>;
  return result.rows.map((r) => r.c);
}

/** Runs `src/cli.ts` as a person would: this environment, with the data folder or database set. */
export function cli(where: { dataDir?: string; databaseUrl?: string }, ...args: string[]) {
  // eslint-disable-next-line no-restricted-properties
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (where.dataDir) env.CONVOCA_DATA_DIR = where.dataDir;
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl;
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', ...args], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Creates empty PostgreSQL databases beside the test database; `drop` removes them. */
export async function emptyPostgresDatabases() {
  const admin = new pg.Client({ connectionString: testEnv.TEST_DATABASE_URL });
  await admin.connect();
  const names: string[] = [];
  return {
    async create(): Promise<string> {
      const name = `convoca_backup_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      await admin.query(`create database ${name}`);
      names.push(name);
      const url = new URL(testEnv.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      return url.href;
    },
    async drop() {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

type Journal = { entries: { idx: number; tag: string; when: number }[] };

/** The migrations' journal: one entry per migration, the newest last. */
export function journal(folder = migrationsFolder): Journal {
  return JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** A copy of `drizzle/` into `dir` whose journal stops `newer` migrations before the newest. */
export function olderMigrations(dir: string, newer: number): string {
  cpSync(migrationsFolder, dir, { recursive: true });
  const j = journal();
  j.entries = j.entries.slice(0, j.entries.length - newer);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify(j, null, 2));
  return dir;
}

/** Creation times of the migrations a database has applied, oldest first. */
export async function appliedMigrations(database: Database): Promise<number[]> {
  const result = (await database.db.execute(
    sql`select created_at::text as t from drizzle.__drizzle_migrations order by created_at`,
  )) as unknown as Rows<{ t: string }>;
  return result.rows.map((r) => Number(r.t));
}
