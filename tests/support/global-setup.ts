/**
 * Runs once per test run: migrates a template database, so each test file gets a fresh copy
 * instead of migrating again. PGlite: a data-directory dump on disk. PostgreSQL: a template
 * database that `CREATE DATABASE … TEMPLATE` copies.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client';
import { migrateDatabase } from '../../src/db/migrate';
import { testEnv } from './test-env';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  if (testEnv.CONVOCA_TEST_DRIVER === 'postgres') {
    const url = testEnv.TEST_DATABASE_URL;
    if (!url) throw new Error('CONVOCA_TEST_DRIVER=postgres needs TEST_DATABASE_URL');
    const name = `convoca_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${name}`;
    const database = await openDatabase({ url: templateUrl.toString() });
    await migrateDatabase(database);
    await database.close();
    project.provide('templateDatabase', name);
    project.provide('templateDump', '');
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateDatabase(database);
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const dir = join(process.cwd(), '.cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `test-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('templateDump', file);
  project.provide('templateDatabase', '');
}
