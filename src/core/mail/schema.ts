import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with a message; `cid` makes it referable from the HTML (`cid:…`). */
export type MailAttachment = {
  filename: string;
  contentType: string;
  /** Base64. */
  content: string;
  cid?: string;
};

/**
 * Every message Convoca sends; without SMTP it stays here for administrators to read. With SMTP,
 * `attempts` counts delivery tries and `nextAttemptAt` is when the outbox job may (re)try a
 * message still 'stored' or 'failed': a grace period after it was stored (the inline send), a
 * back-off after a failure, or the end of a claim while one process is delivering it.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    status: text('status', { enum: ['stored', 'sent', 'failed'] }).notNull(),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_created_idx').on(t.createdAt),
    index('outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`status <> 'sent'`),
  ],
);

export type OutboxMessage = typeof outbox.$inferSelect;
