/**
 * Operator commands: `npm run convoca -- <command>`.
 *
 *   admin:create EMAIL   create an administrator, or reset one's password (printed once)
 *   db:migrate           apply database migrations
 *   backup FILE          write a backup (stop the server first when using the embedded database)
 *   restore FILE         restore a backup into an empty data folder or database
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { z } from 'zod';
import { migrateDatabase } from './db/migrate';
import { loadEnv } from './env';
import { setAdmin } from './core/accounts/set-admin';
import { recordAudit } from './core/audit/record-audit';
import { openConfiguredDatabase } from './start';

const [command, arg] = process.argv.slice(2);
const env = loadEnv();
const out = (line: string) => process.stdout.write(line + '\n');
const fail = (line: string): never => {
  process.stderr.write(line + '\n');
  process.exit(1);
};

async function main() {
  switch (command) {
    case 'admin:create': {
      const email = z.email().safeParse(arg?.trim().toLowerCase());
      if (!email.success) fail('Usage: npm run convoca -- admin:create EMAIL');
      const database = await openConfiguredDatabase(env);
      await migrateDatabase(database);
      const { password, created } = await database.db.transaction(async (tx) => {
        const done = await setAdmin(tx, { email: email.data! });
        await recordAudit(tx, {
          action: done.created ? 'admin.created_by_operator' : 'admin.reset_by_operator',
          actorLabel: 'operator',
          targetType: 'user',
          targetId: email.data!,
        });
        return done;
      });
      await database.close();
      out(`${created ? 'Created' : 'Reset'} administrator ${email.data}`);
      out(`  password: ${password}`);
      out('Shown only once. Sign in and change it under "My account".');
      return;
    }
    case 'db:migrate': {
      const database = await openConfiguredDatabase(env);
      await migrateDatabase(database);
      await database.close();
      out('Migrations applied.');
      return;
    }
    case 'backup': {
      if (!arg) fail('Usage: npm run convoca -- backup FILE');
      if (env.databaseUrl) {
        const r = spawnSync('pg_dump', ['--format=custom', `--file=${arg}`, env.databaseUrl], {
          stdio: 'inherit',
        });
        if (r.status !== 0) fail('pg_dump failed (is the PostgreSQL client installed?)');
      } else {
        const dir = join(env.dataDir, 'pglite');
        if (!existsSync(dir)) fail(`No database at ${dir}: check CONVOCA_DATA_DIR.`);
        const pg = await PGlite.create(dir);
        const dump = await pg.dumpDataDir('gzip');
        writeFileSync(arg!, Buffer.from(await dump.arrayBuffer()));
        await pg.close();
      }
      out(`Backup written to ${arg}`);
      return;
    }
    case 'restore': {
      if (!arg || !existsSync(arg))
        fail('Usage: npm run convoca -- restore FILE (the file must exist)');
      if (env.databaseUrl) {
        const r = spawnSync(
          'pg_restore',
          ['--clean', '--if-exists', '--no-owner', `--dbname=${env.databaseUrl}`, arg!],
          { stdio: 'inherit' },
        );
        if (r.status !== 0) fail('pg_restore failed');
      } else {
        const dir = join(env.dataDir, 'pglite');
        if (existsSync(dir) && readdirSync(dir).length > 0)
          fail(`${dir} is not empty: move it away first, then restore.`);
        mkdirSync(dir, { recursive: true });
        const pg = await PGlite.create({
          dataDir: dir,
          loadDataDir: new Blob([readFileSync(arg!)]),
        });
        await pg.close();
      }
      out(`Restored from ${arg}`);
      return;
    }
    default:
      out('Commands: admin:create EMAIL | db:migrate | backup FILE | restore FILE');
      if (command) process.exit(1);
  }
}

await main();
