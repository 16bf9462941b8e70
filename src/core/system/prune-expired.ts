/**
 * Deletes what has expired: sessions, used or expired e-mail links, old rate-limit windows and
 * sign-in back-off entries idle for a day. Runs at start and every hour, so nobody has to.
 *
 * @example
 * const removed = await pruneExpired(db); // { sessions: 3, emailTokens: 1, rateLimitHits: 40, authThrottle: 2 }
 */
import { and, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emailTokens, sessions } from '../accounts/schema';
import { authThrottle, rateLimitHits } from '../../http/rate-limit/schema';

const DAY_MS = 86_400_000;

export async function pruneExpired(db: Db, now = new Date()) {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const [s, e, r, a] = await Promise.all([
    db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ id: sessions.id }),
    db
      .delete(emailTokens)
      .where(
        or(
          lt(emailTokens.expiresAt, now),
          and(isNotNull(emailTokens.usedAt), lt(emailTokens.usedAt, dayAgo)),
        ),
      )
      .returning({ id: emailTokens.id }),
    db
      .delete(rateLimitHits)
      .where(lt(rateLimitHits.windowStart, dayAgo))
      .returning({ key: rateLimitHits.key }),
    db
      .delete(authThrottle)
      .where(
        and(
          lt(authThrottle.updatedAt, dayAgo),
          or(isNull(authThrottle.lockedUntil), lt(authThrottle.lockedUntil, now)),
        ),
      )
      .returning({ key: authThrottle.key }),
  ]);
  return {
    sessions: s.length,
    emailTokens: e.length,
    rateLimitHits: r.length,
    authThrottle: a.length,
  };
}
