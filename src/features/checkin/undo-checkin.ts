/**
 * Undoes a mistaken check-in: it stays in the table with `undoneAt`, and stops counting. When it
 * was the counted one and another desk's check-in of the same person stands as a conflict, the
 * earliest such check-in counts instead, so the person is still counted once.
 *
 * @example
 * await undoCheckin({ db, eventId, id, userId }); // 'undone' | 'already_undone' | 'unknown'
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { checkins, type Checkin } from './schema';

export async function undoCheckin(o: {
  db: Db;
  eventId: string;
  id: string;
  userId: string | null;
  now?: Date;
}): Promise<{ result: 'undone' | 'already_undone' | 'unknown'; checkin?: Checkin }> {
  const now = o.now ?? new Date();
  return o.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(checkins)
      .where(and(eq(checkins.id, o.id), eq(checkins.eventId, o.eventId)))
      .for('update');
    if (!row) return { result: 'unknown' as const };
    if (row.undoneAt) return { result: 'already_undone' as const, checkin: row };
    await tx
      .update(checkins)
      .set({ undoneAt: now, undoneBy: o.userId })
      .where(eq(checkins.id, row.id));
    if (row.outcome === 'recorded') {
      const [next] = await tx
        .select({ id: checkins.id })
        .from(checkins)
        .where(
          and(
            eq(checkins.registrationId, row.registrationId),
            eq(checkins.place, row.place),
            eq(checkins.outcome, 'conflict'),
            isNull(checkins.undoneAt),
          ),
        )
        .orderBy(asc(checkins.at), asc(checkins.receivedAt))
        .limit(1)
        .for('update');
      if (next)
        await tx
          .update(checkins)
          .set({ outcome: 'recorded', conflictWith: null })
          .where(eq(checkins.id, next.id));
    }
    return { result: 'undone' as const, checkin: row };
  });
}
