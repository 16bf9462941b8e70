/**
 * Reading what registration pages need: an event open for registration, its questions, seats.
 *
 * @example
 * const found = await registrationContext(db, { editionSlug: 'igf-guatemala-2018', eventId });
 */
import { isUuid } from '../../lib/uuid';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { editions, events, venues } from '../programme/schema';
import { registrationQuestions, registrationSettings, type RegistrationSettings } from './schema';
import { seatsHeld } from './seats';

export async function registrationContext(db: Db, o: { editionSlug: string; eventId: string }) {
  if (!isUuid(o.eventId)) return undefined;
  const [row] = await db
    .select({ event: events, edition: editions, venue: venues, settings: registrationSettings })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(registrationSettings, eq(registrationSettings.eventId, events.id))
    .where(and(eq(events.id, o.eventId), eq(editions.slug, o.editionSlug)));
  if (!row) return undefined;
  const questions = await listQuestions(db, row.event.id);
  return { ...row, questions };
}

export function listQuestions(db: Db, eventId: string) {
  return db
    .select()
    .from(registrationQuestions)
    .where(eq(registrationQuestions.eventId, eventId))
    .orderBy(asc(registrationQuestions.position), asc(registrationQuestions.labelEs));
}

export type RegistrationState =
  | { open: false; reason: 'closed' | 'not_open_yet'; opensAt?: Date }
  | { open: true; seatsLeft: number | null; approval: boolean; closesAt: Date | null };

/** Whether registration is open now, and how many seats are left. */
export async function registrationState(
  db: Db,
  settings: RegistrationSettings | null,
  now = new Date(),
): Promise<RegistrationState> {
  if (!settings) return { open: false, reason: 'closed' };
  if (settings.opensAt && now < settings.opensAt)
    return { open: false, reason: 'not_open_yet', opensAt: settings.opensAt };
  if (settings.closesAt && now >= settings.closesAt) return { open: false, reason: 'closed' };
  const seatsLeft =
    settings.capacity === null
      ? null
      : Math.max(0, settings.capacity - (await seatsHeld(db, settings.eventId)));
  return {
    open: true,
    seatsLeft,
    approval: settings.requiresApproval,
    closesAt: settings.closesAt,
  };
}
