import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per periodic job: when it last started and finished, and until when the process that
 * claimed it holds it. A process runs a job only after claiming its row, so processes sharing
 * the database never run the same job twice in one period.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  lastError: text('last_error'),
});
