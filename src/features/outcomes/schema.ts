/**
 * The outcomes of an edition (issue 15, first part): conclusions, recommendations and
 * commitments, each about the edition as a whole or one of its topics (a track name), written in
 * Spanish, English or both, entered by the committee as drafts and published with who and when.
 */
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { editions } from '../programme/schema';

export const outcomeKinds = ['conclusion', 'recommendation', 'commitment'] as const;
export type OutcomeKind = (typeof outcomeKinds)[number];
export const outcomeStatuses = ['draft', 'published'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

export const outcomes = pgTable(
  'outcomes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: outcomeKinds }).notNull(),
    /** The edition's topic (track name) it is about; null for the edition as a whole. */
    topic: text('topic'),
    /** At least one of the two texts is set; `originalLang` says which one was written first. */
    textEs: text('text_es'),
    textEn: text('text_en'),
    originalLang: text('original_lang', { enum: ['es', 'en'] }).notNull(),
    /** Where the text comes from when it was not written here (e.g. a report's section). */
    source: text('source'),
    position: integer('position').notNull().default(0),
    status: text('status', { enum: outcomeStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outcomes_edition_idx').on(t.editionId, t.status)],
);

export type Outcome = typeof outcomes.$inferSelect;
