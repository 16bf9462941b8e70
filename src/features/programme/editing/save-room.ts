/**
 * Creates or updates a room of a venue, replacing its availability windows.
 *
 * @example
 * const id = await saveRoom({ db, venueId, input: { name: 'Aula Seminario', capacity: 60, … } });
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roomAvailability, rooms } from '../schema';
import type { RoomInput } from './edition-input';

export async function saveRoom(o: {
  db: Db;
  venueId: string;
  roomId?: string;
  input: RoomInput;
}): Promise<string | undefined> {
  const { availability, ...values } = o.input;
  return o.db.transaction(async (tx) => {
    let id = o.roomId;
    if (id) {
      const updated = await tx
        .update(rooms)
        .set(values)
        .where(and(eq(rooms.id, id), eq(rooms.venueId, o.venueId)))
        .returning({ id: rooms.id });
      if (!updated.length) return undefined;
      await tx.delete(roomAvailability).where(eq(roomAvailability.roomId, id));
    } else {
      id = (
        await tx
          .insert(rooms)
          .values({ ...values, venueId: o.venueId })
          .returning({ id: rooms.id })
      )[0]!.id;
    }
    if (availability.length)
      await tx.insert(roomAvailability).values(availability.map((w) => ({ ...w, roomId: id! })));
    return id;
  });
}
