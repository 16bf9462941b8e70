/**
 * Counts one hit against a fixed window shared through the database.
 *
 * @example
 * const r = await hitRateLimit(db, { key: 'sign-up:203.0.113.9', limit: 10, windowSeconds: 3600 });
 * if (!r.allowed) console.log(`retry in ${r.retryAfterSeconds}s`);
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitHits } from './schema';

export async function hitRateLimit(
  db: Db,
  o: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const now = o.now ?? new Date();
  const windowMs = o.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: o.key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  const count = row?.count ?? 1;
  const retryAfterSeconds = Math.max(
    1,
    Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000),
  );
  return { allowed: count <= o.limit, count, retryAfterSeconds };
}
