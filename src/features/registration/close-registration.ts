/**
 * Closes registration for an event: its settings are removed (registrations already made and
 * the questions stay).
 *
 * @example
 * await closeRegistration({ db, eventId: event.id });
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { registrationSettings } from './schema';

export async function closeRegistration(o: { db: Db; eventId: string }): Promise<void> {
  await o.db.delete(registrationSettings).where(eq(registrationSettings.eventId, o.eventId));
}
