/**
 * Seat bookkeeping shared by every registration step. Each step runs in one transaction that
 * first locks the event's settings row (`lockSettings`), so on PGlite and on PostgreSQL — with
 * any number of app processes — seats are counted and taken one step at a time.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   const settings = await lockSettings(tx, eventId);
 *   const offered = await offerFreedSeats(tx, settings, new Date());
 * });
 */
import { and, asc, count, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  registrationSettings,
  registrations,
  seatHolding,
  type Registration,
  type RegistrationSettings,
} from './schema';

export async function lockSettings(
  tx: Db,
  eventId: string,
): Promise<RegistrationSettings | undefined> {
  const [row] = await tx
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId))
    .for('update');
  return row;
}

/** Seats held now (confirmed, or offered and not yet claimed). */
export async function seatsHeld(tx: Db, eventId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, seatHolding)));
  return row?.n ?? 0;
}

/**
 * Expires offers that ran out, then offers each free seat to the next person on the waiting
 * list (oldest first). Returns who was offered a seat and whose offer expired, to write to them.
 */
export async function offerFreedSeats(
  tx: Db,
  settings: RegistrationSettings,
  now: Date,
): Promise<{ offered: Registration[]; expired: Registration[] }> {
  const expired = await tx
    .update(registrations)
    .set({ status: 'expired', offerExpiresAt: null, updatedAt: now })
    .where(
      and(
        eq(registrations.eventId, settings.eventId),
        eq(registrations.status, 'offered'),
        lt(registrations.offerExpiresAt, now),
      ),
    )
    .returning();
  if (settings.capacity === null) return { offered: [], expired };
  const free = settings.capacity - (await seatsHeld(tx, settings.eventId));
  if (free <= 0) return { offered: [], expired };
  const next = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, settings.eventId), eq(registrations.status, 'waiting')))
    .orderBy(asc(registrations.queuedAt), asc(registrations.createdAt))
    .limit(free);
  if (next.length === 0) return { offered: [], expired };
  const offered = await tx
    .update(registrations)
    .set({
      status: 'offered',
      offerExpiresAt: new Date(now.getTime() + settings.offerHours * 3_600_000),
      updatedAt: now,
    })
    .where(
      inArray(
        registrations.id,
        next.map((r) => r.id),
      ),
    )
    .returning();
  return { offered, expired };
}
