/**
 * Event-day journey helpers: a new edition with a forum next year (so a volunteer's access is
 * open), one room of 120 seats with a panel in it, and three confirmed registrants.
 *
 * @example
 * const { edition, event, sessionId } = await eventDayEvent(db, { initiative });
 */
import type { Db } from '../../src/db/client';
import { insertRegistration } from '../../src/features/event-day/event-day-fixtures';
import type { Initiative } from '../../src/core/initiatives/schema';
import { buildEdition, buildEvent, buildRoom, buildSession } from './programme-factories';

export async function eventDayEvent(db: Db, o: { initiative: Initiative }) {
  const edition = await buildEdition(db, { initiative: o.initiative });
  const day = `${new Date().getUTCFullYear() + 1}-10-25`;
  const event = await buildEvent(db, { edition, day });
  const room = await buildRoom(db, { event, name: 'Auditorium Ficohsa', capacity: 120 });
  const sessionId = await buildSession(db, {
    initiative: o.initiative,
    event,
    roomId: room,
    kind: 'panel',
    titleEs: 'Protección de los datos de los usuarios',
    titleEn: 'Protection of users’ data',
    start: '10:30',
    end: '12:30',
  });
  for (const [name, institution] of [
    ['Sofía Benítez', 'Universidad del Istmo'],
    ['Íñigo Núñez', 'Cámara de Comercio'],
    ['Ana López', 'USAC'],
  ])
    await insertRegistration(db, { eventId: event.id, name: name!, institution });
  return { edition, event, sessionId, day };
}
