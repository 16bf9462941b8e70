import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema';

export const initiatives = pgTable('initiatives', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** `finance` sees and records the money of the initiative's editions (and nothing else). */
export const memberRoles = [
  'coordinator',
  'organiser',
  'moderator',
  'volunteer',
  'finance',
] as const;
export type MemberRole = (typeof memberRoles)[number];

/** A person's role in one initiative; `expiresAt` ends the access (e.g. a volunteer's day). */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: memberRoles }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_unique').on(t.initiativeId, t.userId, t.role),
    index('memberships_user_idx').on(t.userId),
  ],
);

export type Initiative = typeof initiatives.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
