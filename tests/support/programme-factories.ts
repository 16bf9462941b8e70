/**
 * Factories for editions, events, rooms and sessions, through the same functions the pages use.
 *
 * @example
 * const edition = await buildEdition(t.db, { initiative });
 * const event = await buildEvent(t.db, { edition });
 * const room = await buildRoom(t.db, { event, name: 'Aula Seminario' });
 * const id = await buildSession(t.db, { initiative, event, roomId: room, start: '09:00', end: '10:00' });
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import type { Initiative } from '../../src/core/initiatives/schema';
import { buildInitiative } from './factories';
import { createEdition } from '../../src/features/programme/editing/create-edition';
import { saveEvent } from '../../src/features/programme/editing/save-event';
import { saveRoom } from '../../src/features/programme/editing/save-room';
import { saveSession } from '../../src/features/programme/editing/save-session';
import type { SessionInput } from '../../src/features/programme/editing/session-input';
import { events, type Edition, type ProgrammeEvent } from '../../src/features/programme/schema';

const ZONE = 'America/Guatemala';
export const at = (day: string, time: string) => new Date(`${day}T${time}:00-06:00`);

export function buildEdition(db: Db, o: { initiative: Initiative } & Partial<Edition>) {
  const slug = o.slug ?? `edition-${randomUUID().slice(0, 8)}`;
  return createEdition({
    db,
    initiativeId: o.initiative.id,
    input: {
      name: o.name ?? `Edition ${slug}`,
      slug,
      year: o.year ?? 2018,
      travelBufferMinutes: o.travelBufferMinutes ?? 15,
      maxSessionsPerSpeaker: o.maxSessionsPerSpeaker ?? 3,
    },
  });
}

/** A one-day public forum on 25 October 2018 at a new venue, 08:00–17:00 in Guatemala. */
export async function buildEvent(
  db: Db,
  o: { edition: Edition; day?: string; visibility?: 'public' | 'invitation' },
): Promise<ProgrammeEvent> {
  const day = o.day ?? '2018-10-25';
  const id = await saveEvent({
    db,
    edition: o.edition,
    input: {
      kind: 'forum',
      titleEs: 'Foro de prueba',
      titleEn: 'Test forum',
      descriptionEs: null,
      descriptionEn: null,
      timeZone: ZONE,
      startsAt: at(day, '08:00'),
      endsAt: at(day, '17:00'),
      timesKnown: true,
      visibility: o.visibility ?? 'public',
      streamUrl: null,
      venue: { name: 'Campus', address: null, mapUrl: null, directions: null },
    },
  });
  const [event] = await db.select().from(events).where(eq(events.id, id!));
  return event!;
}

export async function buildRoom(
  db: Db,
  o: { event: ProgrammeEvent; name?: string; capacity?: number | null },
): Promise<string> {
  return (await saveRoom({
    db,
    venueId: o.event.venueId!,
    input: {
      name: o.name ?? `Room ${randomUUID().slice(0, 4)}`,
      capacity: o.capacity ?? 100,
      accessibility: null,
      streamUrl: null,
      availability: [],
    },
  }))!;
}

export function buildSession(
  db: Db,
  o: {
    initiative: Initiative;
    event: ProgrammeEvent;
    start?: string;
    end?: string;
  } & Partial<SessionInput>,
): Promise<string> {
  const { initiative, event, start, end, ...overrides } = o;
  const day = event.startsAt.toISOString().slice(0, 10);
  return saveSession({
    db,
    initiativeId: initiative.id,
    eventId: event.id,
    input: {
      kind: 'keynote',
      titleEs: `Sesión ${randomUUID().slice(0, 6)}`,
      titleEn: null,
      descriptionEs: null,
      descriptionEn: null,
      topic: null,
      roomId: null,
      startsAt: at(day, start ?? '09:00'),
      endsAt: at(day, end ?? '10:00'),
      language: 'es',
      streamUrl: null,
      recordingUrl: null,
      doNotRecord: false,
      position: 0,
      people: [],
      institutionIds: [],
      ...overrides,
    },
  });
}

/**
 * A fresh initiative with one edition and one event in it: the start of most programme tests.
 *
 * @example
 * const { initiative, edition, event } = await buildEditionEvent(t.db);
 */
export async function buildEditionEvent(db: Db) {
  const initiative = await buildInitiative(db);
  const edition = await buildEdition(db, { initiative });
  const event = await buildEvent(db, { edition });
  return { initiative, edition, event };
}
