/**
 * Records a head count in a session's room at its start, middle or end. A second count for the
 * same moment replaces the first (the audit log keeps both); the session must be of the event.
 *
 * @example
 * const { count, previous } = await recordRoomCount(db, { eventId, sessionId, moment: 'middle', headcount: 84, userId });
 */
import { isUuid } from '../../lib/uuid';
import { InputError } from '../../http/input-error';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmeSessions } from '../programme/schema';
import { roomCounts, type CountMoment, type RoomCount } from './schema';

export async function recordRoomCount(
  db: Db,
  o: {
    eventId: string;
    sessionId: string;
    moment: CountMoment;
    headcount: number;
    userId: string | null;
    sample?: boolean;
    at?: Date;
  },
): Promise<{ count: RoomCount; previous: number | null }> {
  if (!Number.isInteger(o.headcount) || o.headcount < 0 || o.headcount > 5000)
    throw new InputError({ headcount: { key: 'form.invalidNumber' } });
  const [session] = isUuid(o.sessionId)
    ? await db
        .select({ id: programmeSessions.id })
        .from(programmeSessions)
        .where(and(eq(programmeSessions.id, o.sessionId), eq(programmeSessions.eventId, o.eventId)))
    : [];
  if (!session) throw new InputError({ sessionId: { key: 'eventDay.count.unknownSession' } });
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ headcount: roomCounts.headcount })
      .from(roomCounts)
      .where(and(eq(roomCounts.sessionId, o.sessionId), eq(roomCounts.moment, o.moment)))
      .for('update');
    const values = {
      sessionId: o.sessionId,
      moment: o.moment,
      headcount: o.headcount,
      recordedBy: o.userId,
      recordedAt: o.at ?? new Date(),
      sample: o.sample ?? false,
    };
    const [count] = await tx
      .insert(roomCounts)
      .values(values)
      .onConflictDoUpdate({
        target: [roomCounts.sessionId, roomCounts.moment],
        set: {
          headcount: sql`excluded.headcount`,
          recordedBy: sql`excluded.recorded_by`,
          recordedAt: sql`excluded.recorded_at`,
          sample: sql`excluded.sample`,
        },
      })
      .returning();
    return { count: count!, previous: before?.headcount ?? null };
  });
}
