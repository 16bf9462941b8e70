/**
 * Registrants holding or waiting for a seat who said they plan to attend each session: the
 * programme's expected attendance, given to it through the module's `provides`.
 *
 * @example
 * const interest = await countSessionInterest(db, [sessionId]); // Map { sessionId => 12 }
 */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { holdingOrWaiting, registrations, sessionInterests } from './schema';

export async function countSessionInterest(
  db: Db,
  sessionIds: string[],
): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ sessionId: sessionInterests.sessionId, n: count() })
    .from(sessionInterests)
    .innerJoin(registrations, eq(registrations.id, sessionInterests.registrationId))
    .where(
      and(
        inArray(sessionInterests.sessionId, sessionIds),
        inArray(registrations.status, holdingOrWaiting),
      ),
    )
    .groupBy(sessionInterests.sessionId);
  return new Map(rows.map((r) => [r.sessionId, r.n]));
}
