/**
 * The topics of an edition (decision 0016): the public call for topics (its dates and a note on
 * how topics are chosen), the topics anyone proposed or the committee entered, their review
 * (shortlisted, merged into another, rejected with a reason, selected as a track) and the
 * committee's votes, one per member per topic.
 */
import {
  boolean,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { stakeholderGroups } from '../network/schema';
import { editions } from '../programme/schema';

/** The call for topics of one edition. Without dates the call is closed. */
export const topicCalls = pgTable('topic_calls', {
  editionId: uuid('edition_id')
    .primaryKey()
    .references(() => editions.id, { onDelete: 'cascade' }),
  opensAt: timestamp('opens_at', { withTimezone: true }),
  closesAt: timestamp('closes_at', { withTimezone: true }),
  /** How the topics are (or were) chosen, shown on the public topics page. */
  noteEs: text('note_es'),
  noteEn: text('note_en'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const topicOrigins = ['public', 'committee'] as const;
export type TopicOrigin = (typeof topicOrigins)[number];
export const topicStatuses = ['proposed', 'shortlisted', 'selected', 'rejected', 'merged'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

/**
 * A proposed topic. The proposer's name is optional and public only with `namePublic`; no
 * e-mail or address is kept. A selected topic carries the `trackName` that programme sessions
 * use in their `topic` column.
 */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    origin: text('origin', { enum: topicOrigins }).notNull(),
    title: text('title').notNull(),
    reason: text('reason'),
    /** The proposer's stakeholder group; null for topics the committee entered. */
    stakeholderGroup: text('stakeholder_group', { enum: stakeholderGroups }),
    lang: text('lang').notNull().default('es'),
    proposerName: text('proposer_name'),
    namePublic: boolean('name_public').notNull().default(false),
    status: text('status', { enum: topicStatuses }).notNull().default('proposed'),
    /** Why it was rejected (or merged). */
    decisionNote: text('decision_note'),
    mergedInto: uuid('merged_into').references((): AnyPgColumn => topics.id, {
      onDelete: 'set null',
    }),
    trackName: text('track_name'),
    /** Demo rows that stand for nobody real. */
    sample: boolean('sample').notNull().default(false),
    /** Where the record comes from, e.g. the seed report. */
    source: text('source'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('topics_edition_idx').on(t.editionId),
    unique('topics_track_unique').on(t.editionId, t.trackName),
  ],
);

/** One vote of a committee member for a shortlisted topic. */
export const topicVotes = pgTable(
  'topic_votes',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.topicId, t.userId] }),
    index('topic_votes_user_idx').on(t.userId),
  ],
);

export type TopicCall = typeof topicCalls.$inferSelect;
export type Topic = typeof topics.$inferSelect;
