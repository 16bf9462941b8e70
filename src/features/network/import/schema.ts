import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../../core/accounts/schema';
import { initiatives } from '../../../core/initiatives/schema';

export const importTargets = [
  'name',
  'email',
  'phone',
  'country',
  'languages',
  'gender',
  'institution',
  'group',
  'title',
  'notes',
] as const;
export type ImportTarget = (typeof importTargets)[number];

/** What to do with one row: nothing, a new person, or link it to an existing person. */
export type RowDecision = 'skip' | 'create' | `link:${string}`;

/**
 * An uploaded people file on its way in: nothing reaches the network until the organiser
 * confirms; then rows are written in chunks and `done` counts the progress.
 */
export const peopleImports = pgTable(
  'people_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    status: text('status', {
      enum: ['mapping', 'review', 'importing', 'done', 'failed'],
    }).notNull(),
    headers: text('headers').array().notNull(),
    rows: jsonb('rows').$type<string[][]>().notNull(),
    mapping: jsonb('mapping').$type<Partial<Record<ImportTarget, number>>>().notNull().default({}),
    decisions: jsonb('decisions').$type<Record<string, RowDecision>>().notNull().default({}),
    done: integer('done').notNull().default(0),
    created: integer('created').notNull().default(0),
    linked: integer('linked').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('people_imports_initiative_idx').on(t.initiativeId)],
);

export type PeopleImport = typeof peopleImports.$inferSelect;
