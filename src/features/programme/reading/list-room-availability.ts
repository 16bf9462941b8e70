/**
 * A room's availability windows, earliest first.
 *
 * @example
 * const windows = await listRoomAvailability(db, { roomId: room.id });
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roomAvailability } from '../schema';

export function listRoomAvailability(db: Db, o: { roomId: string }) {
  return db
    .select()
    .from(roomAvailability)
    .where(eq(roomAvailability.roomId, o.roomId))
    .orderBy(asc(roomAvailability.startsAt));
}
