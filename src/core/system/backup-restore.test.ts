import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../demo/load-demo';
import { buildUser } from '../../../tests/support/factories';
import { openTestDatabase } from '../../../tests/support/test-database';
import { testEnv } from '../../../tests/support/test-env';
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { cli, emptyPostgresDatabases, fingerprint } from './backup-test-support';

const root = mkdtempSync(join(tmpdir(), 'convoca-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

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
    cli({ dataDir: source }, 'backup', file);
    const target = join(root, 'target');
    cli({ dataDir: target }, 'restore', file);

    const restored = await openDatabase({ dataDir: join(target, 'pglite') });
    const after = await fingerprint(restored);
    await restored.close();
    expect(after).toEqual(before);
  }, 420_000);
});

describe.runIf(testEnv.CONVOCA_TEST_DRIVER === 'postgres')(
  'backup and restore on PostgreSQL',
  () => {
    it('restores the demo plus activity into an empty database with every table identical (pg_dump, pg_restore)', async () => {
      const source = await openTestDatabase();
      const empty = await emptyPostgresDatabases();
      try {
        await loadDemo(source.db);
        await buildUser(source.db, { name: 'Después del demo' });
        const before = await fingerprint(source);
        expect(Object.values(before).filter((v) => !v.startsWith('0 rows')).length).toBeGreaterThan(
          10,
        );

        const file = join(root, 'convoca-pg.backup');
        cli({ databaseUrl: source.url }, 'backup', file);
        const target = await empty.create();
        cli({ databaseUrl: target }, 'restore', file);

        const restored = await openDatabase({ url: target });
        const after = await fingerprint(restored);
        await restored.close();
        expect(after).toEqual(before);
      } finally {
        await source.drop();
        await empty.drop();
      }
    }, 420_000);
  },
);
