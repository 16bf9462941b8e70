/**
 * Check-in test and bench helpers: an event open for registration with `n` confirmed registrants (and,
 * optionally, a bus they ride). Not used by the application.
 *
 * @example
 * const { event, people } = await eventWithRegistrants(db, { edition, secret, n: 20 });
 */
import type { Db } from '../../src/db/client';
import type { Edition } from '../../src/features/programme/schema';
import { registerForEvent } from '../../src/features/registration/register-for-event';
import { saveRegistrationSettings } from '../../src/features/registration/save-settings';
import type { Registration } from '../../src/features/registration/schema';
import { saveRoute } from '../../src/features/registration/transport/save-route';
import { giveVolunteerAccess } from '../../src/features/event-day/give-volunteer-access';
import { eventVolunteers } from '../../src/features/event-day/schema';
import { buildEvent } from './programme-factories';

export async function eventWithRegistrants(
  db: Db,
  o: {
    edition: Edition;
    secret: string;
    n: number;
    capacity?: number | null;
    bus?: boolean;
    /** `YYYY-MM-DD` in Guatemala; tomorrow by default, so volunteers' access has not ended. */
    day?: string;
  },
) {
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const event = await buildEvent(db, { edition: o.edition, day: o.day ?? tomorrow });
  await saveRegistrationSettings({
    db,
    eventId: event.id,
    input: {
      capacity: o.capacity ?? null,
      requiresApproval: false,
      offerHours: 48,
      opensAt: null,
      closesAt: null,
    },
  });
  const routeId = o.bus
    ? await saveRoute({
        db,
        eventId: event.id,
        input: {
          name: 'Bus 1 · USAC',
          stops: [
            { name: 'Universidad de San Carlos de Guatemala', time: '06:45' },
            { name: 'Puma, Boulevard Los Próceres', time: '07:15' },
            { name: 'Universidad del Istmo', time: null },
          ],
          departsAt: null,
          returnsAt: null,
          seats: Math.max(o.n, 1),
        },
      })
    : null;
  const people: Registration[] = [];
  for (let i = 0; i < o.n; i++) {
    const { registration } = await registerForEvent({
      db,
      secret: o.secret,
      eventId: event.id,
      sample: true,
      input: {
        name: `Participante ${String(i + 1).padStart(4, '0')}`,
        email: `p${i + 1}@example.org`,
        institution: i % 2 ? 'Universidad del Istmo' : 'Universidad de San Carlos',
        stakeholderGroup: null,
        country: null,
        gender: null,
        accessibilityNeeds: null,
        consentPhotos: false,
        consentStreaming: false,
        consentContact: false,
        lang: 'es',
        answers: {},
        sessionIds: [],
        transportRouteId: routeId,
      },
    });
    people.push(registration);
  }
  return { event, people, routeId };
}

/**
 * Puts a signed-up account on the event's volunteer roster and gives it access for the day,
 * through the event-day feature's own functions (decision 0014).
 */
export async function giveDeskAccess(
  db: Db,
  o: { eventId: string; initiativeId: string; user: { name: string; email: string } },
) {
  const [row] = await db
    .insert(eventVolunteers)
    .values({ eventId: o.eventId, name: o.user.name, email: o.user.email })
    .returning({ id: eventVolunteers.id });
  return giveVolunteerAccess(db, { volunteerId: row!.id, initiativeId: o.initiativeId });
}
