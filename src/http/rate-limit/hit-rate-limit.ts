/**
 * Counts one hit against a sliding window shared through the database (every app process sees
 * the same counts). The window is estimated from two fixed-window counters, see
 * `sliding-window.ts`; `firstRefusal` is true for the hit that first goes over the limit.
 *
 * @example
 * const r = await hitRateLimit(db, { key: 'sign-up:203.0.113.9', limit: 10, windowSeconds: 3600 });
 * if (!r.allowed) console.log(`retry in ${r.retryAfterSeconds}s`);
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitHits } from './schema';
import { secondsUntilBelow, slidingEstimate, windowsAt } from './sliding-window';

export async function hitRateLimit(
  db: Db,
  o: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{
  allowed: boolean;
  count: number;
  firstRefusal: boolean;
  retryAfterSeconds: number;
}> {
  const w = windowsAt(o.now ?? new Date(), o.windowSeconds);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key: o.key, windowStart: w.current, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { count: sql`${rateLimitHits.count} + 1` },
    })
    .returning({ count: rateLimitHits.count });
  const [before] = await db
    .select({ count: rateLimitHits.count })
    .from(rateLimitHits)
    .where(and(eq(rateLimitHits.key, o.key), eq(rateLimitHits.windowStart, w.previous)));
  const current = row?.count ?? 1;
  const previous = before?.count ?? 0;
  const estimate = slidingEstimate({ current, previous, elapsed: w.elapsed });
  const allowed = estimate <= o.limit;
  return {
    allowed,
    count: current,
    firstRefusal: !allowed && estimate - 1 <= o.limit,
    retryAfterSeconds: secondsUntilBelow({
      current,
      previous,
      elapsed: w.elapsed,
      windowMs: w.windowMs,
      limit: o.limit,
    }),
  };
}
