import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/schema';

export const tokenScopes = [
  'profile:read',
  'network:read',
  'network:write',
  'registration:read',
  'registration:write',
  'programme:read',
  'programme:write',
  'checkin:read',
  'checkin:write',
  'topics:read',
  'topics:write',
  'money:read',
  'money:write',
  'event-day:read',
  'event-day:write',
  'committee:read',
  'committee:write',
] as const;
export type TokenScope = (typeof tokenScopes)[number];

/** Personal access tokens for `/api/v1`; only a SHA-256 digest of the secret is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    scopes: text('scopes').array().$type<TokenScope[]>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
