import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../../tests/support/test-env';
import { openDatabase, type Database } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import {
  appliedMigrations,
  cli,
  columns,
  emptyPostgresDatabases,
  journal,
  olderMigrations,
} from './backup-test-support';

const root = mkdtempSync(join(tmpdir(), 'convoca-old-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** How many migrations the older version lacks (the newest ones). */
const NEWER = 3;

/** Rows written by the older version, in tables and columns it already had (see drizzle/0000). */
async function oldActivity(database: Database) {
  await database.db.execute(sql`
    insert into users (email, name, password_hash) values ('old@example.org', 'Persona antigua', 'x')`);
  await database.db.execute(sql`
    insert into outbox ("to", locale, subject, text, html, status)
    values ('old@example.org', 'es', 'Mensaje antiguo', 'texto', '<p>html</p>', 'sent')`);
}

/** After `db:migrate` on the restored backup: the newest migration applied and the old rows kept. */
async function expectMigratedWithRows(restored: Database, fresh: Database) {
  const applied = await appliedMigrations(restored);
  const all = journal().entries;
  expect(applied).toHaveLength(all.length);
  expect(applied.at(-1)).toBe(all.at(-1)!.when);
  expect(await columns(restored)).toEqual(await columns(fresh));
  const rows = (await restored.db.execute(sql`
    select u.name, o.subject from users u join outbox o on o."to" = u.email
    where u.email = 'old@example.org'`)) as unknown as { rows: unknown[] };
  expect(rows.rows).toEqual([{ name: 'Persona antigua', subject: 'Mensaje antiguo' }]);
}

describe('an older backup restored into the newer version', () => {
  it('on the embedded database: restore, db:migrate, newest migration applied, rows kept', async () => {
    const older = olderMigrations(join(root, 'drizzle-old'), NEWER);
    const source = join(root, 'source');
    const database = await openDatabase({ dataDir: join(source, 'pglite') });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, { migrationsFolder: older });
    expect(await appliedMigrations(database)).toHaveLength(journal().entries.length - NEWER);
    await oldActivity(database);
    await database.close();

    const file = join(root, 'old.backup');
    cli({ dataDir: source }, 'backup', file);
    const target = join(root, 'target');
    cli({ dataDir: target }, 'restore', file);
    cli({ dataDir: target }, 'db:migrate');

    const restored = await openDatabase({ dataDir: join(target, 'pglite') });
    const fresh = await openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(fresh);
    try {
      await expectMigratedWithRows(restored, fresh);
    } finally {
      await restored.close();
      await fresh.close();
    }
  }, 420_000);

  it.runIf(testEnv.CONVOCA_TEST_DRIVER === 'postgres')(
    'on PostgreSQL: pg_restore into an empty database, db:migrate, newest migration applied, rows kept',
    async () => {
      const older = olderMigrations(join(root, 'drizzle-old-pg'), NEWER);
      const empty = await emptyPostgresDatabases();
      try {
        const sourceUrl = await empty.create();
        const database = await openDatabase({ url: sourceUrl });
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        await migratePg(database.db as any, { migrationsFolder: older });
        await oldActivity(database);
        await database.close();

        const file = join(root, 'old-pg.backup');
        cli({ databaseUrl: sourceUrl }, 'backup', file);
        const target = await empty.create();
        cli({ databaseUrl: target }, 'restore', file);
        cli({ databaseUrl: target }, 'db:migrate');

        const restored = await openDatabase({ url: target });
        const freshUrl = await empty.create();
        const fresh = await openDatabase({ url: freshUrl });
        await migrateDatabase(fresh);
        try {
          await expectMigratedWithRows(restored, fresh);
        } finally {
          await restored.close();
          await fresh.close();
        }
      } finally {
        await empty.drop();
      }
    },
    420_000,
  );
});
