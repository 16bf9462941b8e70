/**
 * Reading what registration pages need: an event open for registration, its questions, seats.
 *
 * @example
 * const found = await registrationContext(db, { editionSlug: 'igf-guatemala-2018', eventId });
 */
import { isUuid } from '../../lib/uuid';
import { and, asc, count, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { editions, events, venues } from '../programme/schema';
import { dueForReminder } from './invitations/send-reminders';
import {
  invitations,
  registrationQuestions,
  registrationSettings,
  registrations,
  sessionInterests,
  type RegistrationSettings,
} from './schema';
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

/**
 * An event's registration settings, or undefined while registration is closed.
 *
 * @example
 * const settings = await findRegistrationSettings(db, event.id); // undefined: closed
 */
export async function findRegistrationSettings(
  db: Db,
  eventId: string,
): Promise<RegistrationSettings | undefined> {
  const [row] = await db
    .select()
    .from(registrationSettings)
    .where(eq(registrationSettings.eventId, eventId));
  return row;
}

/**
 * The registration with this id on this event (the whole row), or undefined.
 *
 * @example
 * const r = await findEventRegistration(db, { eventId: event.id, registrationId: id });
 */
export async function findEventRegistration(
  db: Db,
  o: { eventId: string; registrationId: string },
) {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, o.registrationId), eq(registrations.eventId, o.eventId)));
  return row;
}

/**
 * The ids of the sessions a registrant said they would attend.
 *
 * @example
 * const sessionIds = await listSessionInterestIds(db, registration.id); // ['5f0c…', …]
 */
export async function listSessionInterestIds(db: Db, registrationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: sessionInterests.sessionId })
    .from(sessionInterests)
    .where(eq(sessionInterests.registrationId, registrationId));
  return rows.map((r) => r.id);
}

/**
 * How many people on an event's waiting list were queued before this moment (the registrant's
 * place is this number plus one).
 *
 * @example
 * const ahead = await countWaitingAhead(db, { eventId, queuedAt: registration.queuedAt }); // 2
 */
export async function countWaitingAhead(
  db: Db,
  o: { eventId: string; queuedAt: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, o.eventId),
        eq(registrations.status, 'waiting'),
        lt(registrations.queuedAt, o.queuedAt),
      ),
    );
  return row?.n ?? 0;
}

/**
 * How many invitees of an event a reminder would go to now (see `dueForReminder`).
 *
 * @example
 * const n = await countDueReminders(db, { eventId: event.id, now: new Date() }); // 4
 */
export async function countDueReminders(
  db: Db,
  o: { eventId: string; now: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(dueForReminder(o.eventId, o.now));
  return row?.n ?? 0;
}
