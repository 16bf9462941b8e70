/**
 * Every table that looks as if it holds personal data is answered for: claimed by the core
 * (`corePersonalTables`) or by a feature module's `personalData.tables` — so a person's download
 * and erasure cover it — or listed with a reason as holding no one's personal data (a module's
 * `notPersonal`, or `coreNotPersonal` below for the core's own tables).
 *
 * The test reads the migrated schema itself (information_schema), so a new table or column is
 * checked the day its migration lands. A column looks personal when
 * - it holds text (text, varchar, json, jsonb or a text array) and its name says e-mail, name,
 *   phone, gender, accessibility, note(s), or free text a person writes (body, reason, minutes,
 *   answers, comment, message, bio, address, representing), or an IP address or user agent;
 * - or it is a uuid naming a person (`person_id`, `…_person_id`);
 * - or it names or references an account (`user_id`, `…_user_id`, `…_by`, `author…`, or any
 *   foreign key to `users(id)`). Such a column counts as erased with the account when it is a
 *   foreign key to `users(id)` with ON DELETE CASCADE or SET NULL
 *   (information_schema.referential_constraints): deleting the account, the last step of
 *   `erasePersonalData`, removes or unlinks the row by itself.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/support/test-database';
import type { Db } from '../../db/client';
import { modules } from '../../modules';
import { corePersonalTables } from './personal-data';

/** The core's tables with personal-looking columns that hold no one's personal data. */
const coreNotPersonal: Record<string, string> = {
  initiatives: 'an initiative’s name names a forum or a programme, not a person',
  scheduled_jobs: 'a job’s name names a kind of periodic work, not a person',
};

type Column = { table: string; column: string; dataType: string; udtName: string };
type UserForeignKey = { table: string; column: string; deleteRule: string };

const TEXT_TYPES = new Set(['text', 'character varying', 'character', 'json', 'jsonb']);
const TEXT_ARRAYS = new Set(['_text', '_varchar']);
const PERSONAL_TEXT =
  /(^|_)(e_?mails?|name|phone|gender|accessibility|notes?|body|reason|minutes|answers|comments?|message|bio|address|representing|ip|user_agent)($|_)/;
const PERSON_ID = /(^|_)person_id$/;
const USER_ID = /((^|_)user_id$|_by$|^author)/;

/**
 * The personal-looking columns of each table, leaving out account links that the account's
 * deletion erases (foreign keys to `users(id)` with ON DELETE CASCADE or SET NULL).
 *
 * @example
 * personalLookingColumns([{ table: 't', column: 'email', dataType: 'text', udtName: 'text' }], []);
 * // Map { 't' => ['email'] }
 */
function personalLookingColumns(columns: Column[], userKeys: UserForeignKey[]) {
  const found = new Map<string, string[]>();
  for (const c of columns) {
    const isText =
      TEXT_TYPES.has(c.dataType) || (c.dataType === 'ARRAY' && TEXT_ARRAYS.has(c.udtName));
    const key = userKeys.find((k) => k.table === c.table && k.column === c.column);
    const erasedWithAccount = key && ['CASCADE', 'SET NULL'].includes(key.deleteRule);
    const personal =
      (isText && PERSONAL_TEXT.test(c.column)) ||
      (c.dataType === 'uuid' && PERSON_ID.test(c.column)) ||
      ((key !== undefined || (c.dataType === 'uuid' && USER_ID.test(c.column))) &&
        !erasedWithAccount);
    if (personal) found.set(c.table, [...(found.get(c.table) ?? []), c.column]);
  }
  return found;
}

/** Tables with personal-looking columns that nobody answers for, with those columns. */
function unansweredTables(
  personal: Map<string, string[]>,
  answered: Set<string>,
): Record<string, string[]> {
  return Object.fromEntries([...personal].filter(([table]) => !answered.has(table)));
}

const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;

async function readSchema(db: Db) {
  const columns = rows<Column>(
    await db.execute(sql`
      select c.table_name as "table", c.column_name as "column",
             c.data_type as "dataType", c.udt_name as "udtName"
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      order by c.table_name, c.ordinal_position`),
  );
  const userKeys = rows<UserForeignKey>(
    await db.execute(sql`
      select k.table_name as "table", k.column_name as "column", r.delete_rule as "deleteRule"
      from information_schema.referential_constraints r
      join information_schema.key_column_usage k
        on k.constraint_schema = r.constraint_schema and k.constraint_name = r.constraint_name
      join information_schema.constraint_column_usage u
        on u.constraint_schema = r.unique_constraint_schema
       and u.constraint_name = r.unique_constraint_name
      where k.table_schema = current_schema() and u.table_name = 'users' and u.column_name = 'id'`),
  );
  return { columns, userKeys };
}

const claims = modules.flatMap((m) => (m.personalData?.tables ?? []).map((t) => [m.name, t]));
const notPersonal = modules.flatMap((m) =>
  Object.entries(m.notPersonal ?? {}).map(([table, reason]) => [m.name, table, reason] as const),
);
const answered = new Set<string>([
  ...corePersonalTables,
  ...claims.map(([, table]) => table!),
  ...Object.keys(coreNotPersonal),
  ...notPersonal.map(([, table]) => table),
]);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let schema: Awaited<ReturnType<typeof readSchema>>;
beforeAll(async () => {
  database = await openTestDatabase();
  schema = await readSchema(database.db);
});
afterAll(() => database.drop());

describe('tables holding personal data', () => {
  it('are each claimed by a personal-data part or listed as not personal, with a reason', () => {
    const personal = personalLookingColumns(schema.columns, schema.userKeys);
    // The detector sees the tables it must (a sanity check that the schema was read).
    expect(personal.get('registrations')).toEqual(
      expect.arrayContaining(['person_id', 'email', 'name', 'accessibility_needs', 'answers']),
    );
    expect(unansweredTables(personal, answered)).toEqual({});
  });

  it('counts an account link as erased only when deleting the account removes or unlinks it', () => {
    const cascade = schema.userKeys.find((k) => k.table === 'topic_votes');
    const setNull = schema.userKeys.find((k) => k.table === 'topics' && k.column === 'created_by');
    expect(cascade?.deleteRule).toBe('CASCADE');
    expect(setNull?.deleteRule).toBe('SET NULL');
    const columns: Column[] = [
      { table: 'guests', column: 'guest_email', dataType: 'text', udtName: 'text' },
      { table: 'notes_kept', column: 'author_user_id', dataType: 'uuid', udtName: 'uuid' },
      { table: 'votes', column: 'user_id', dataType: 'uuid', udtName: 'uuid' },
      { table: 'tallies', column: 'name_public', dataType: 'boolean', udtName: 'bool' },
    ];
    const keys = [
      { table: 'notes_kept', column: 'author_user_id', deleteRule: 'NO ACTION' },
      { table: 'votes', column: 'user_id', deleteRule: 'CASCADE' },
    ];
    expect(unansweredTables(personalLookingColumns(columns, keys), new Set())).toEqual({
      guests: ['guest_email'],
      notes_kept: ['author_user_id'],
    });
  });

  it('names only tables that exist, each once, and gives every exception a reason', () => {
    const tables = new Set(schema.columns.map((c) => c.table));
    const named = [
      ...corePersonalTables,
      ...claims.map(([, table]) => table!),
      ...Object.keys(coreNotPersonal),
      ...notPersonal.map(([, table]) => table),
    ];
    expect(named.filter((t) => !tables.has(t))).toEqual([]);
    expect(named.filter((t, i) => named.indexOf(t) !== i)).toEqual([]);
    for (const [module, table, reason] of notPersonal)
      expect(reason.trim().length, `${module}: ${table}`).toBeGreaterThan(10);
  });
});
