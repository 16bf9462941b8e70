import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import { buildUser } from '../../../tests/support/factories';
import { openDatabase, type Database } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';

const root = mkdtempSync(join(tmpdir(), 'convoca-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

type Rows<T> = { rows: T[] };

/** Row count and an MD5 of every row's text, ordered, for each table of the app and its migrations. */
async function fingerprint(database: Database): Promise<Record<string, string>> {
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

function cli(dataDir: string, ...args: string[]) {
  // The CLI runs as a person would run it: this process's environment, with the data folder set.
  // eslint-disable-next-line no-restricted-properties
  const env: NodeJS.ProcessEnv = { ...process.env, CONVOCA_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli.ts', ...args], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

describe('backup and restore on the embedded database', () => {
  it('restores the demo plus activity into an empty folder with every table identical', async () => {
    const source = join(root, 'source');
    const database = await openDatabase({ dataDir: join(source, 'pglite') });
    await migrateDatabase(database);
    await loadDemo(database.db);
    await buildUser(database.db, { name: 'Después del demo' });
    const before = await fingerprint(database);
    await database.close();
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(Object.values(before).some((v) => !v.startsWith('0 rows'))).toBe(true);

    const file = join(root, 'convoca.backup');
    cli(source, 'backup', file);
    const target = join(root, 'target');
    cli(target, 'restore', file);

    const restored = await openDatabase({ dataDir: join(target, 'pglite') });
    const after = await fingerprint(restored);
    await restored.close();
    expect(after).toEqual(before);
  }, 180_000);
});
