/**
 * Whether a key is over its sliding-window limit right now, without counting a hit. Used to
 * refuse before doing work that only failures are counted for (API tokens: a wrong token counts,
 * and once an address is over its limit even a right one is not checked until it cools down).
 *
 * @example
 * const state = await peekRateLimit(db, { key: 'api-auth:203.0.113.9', limit: 20, windowSeconds: 600 });
 * if (!state.allowed) throw new AppError('rate_limited', { retryAfterSeconds: state.retryAfterSeconds });
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rateLimitHits } from './schema';
import { secondsUntilBelow, slidingEstimate, windowsAt } from './sliding-window';

export async function peekRateLimit(
  db: Db,
  o: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const w = windowsAt(o.now ?? new Date(), o.windowSeconds);
  const rows = await db
    .select()
    .from(rateLimitHits)
    .where(
      and(
        eq(rateLimitHits.key, o.key),
        inArray(rateLimitHits.windowStart, [w.current, w.previous]),
      ),
    );
  const countAt = (d: Date) =>
    rows.find((r) => r.windowStart.getTime() === d.getTime())?.count ?? 0;
  const current = countAt(w.current);
  const previous = countAt(w.previous);
  // Refused when one more hit would go over the limit.
  const allowed =
    slidingEstimate({ current: current + 1, previous, elapsed: w.elapsed }) <= o.limit;
  return {
    allowed,
    retryAfterSeconds: secondsUntilBelow({
      current: current + 1,
      previous,
      elapsed: w.elapsed,
      windowMs: w.windowMs,
      limit: o.limit,
    }),
  };
}
