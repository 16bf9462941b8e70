/**
 * Reading editions, events and their programmes.
 *
 * @example
 * const edition = await findEdition(db, 'igf-guatemala-2018');
 * const sessions = await programmeOf(db, event.id);
 */
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { affiliations, institutions, participations, people } from '../network/schema';
import {
  editions,
  events,
  programmeSessions,
  roomAvailability,
  rooms,
  sessionInstitutions,
  sessionPeople,
  venues,
  type Edition,
  type SessionRole,
} from './schema';

export async function findEdition(db: Db, slug: string): Promise<Edition | undefined> {
  const [row] = await db.select().from(editions).where(eq(editions.slug, slug));
  return row;
}

export function listEvents(db: Db, editionId: string) {
  return db
    .select({ event: events, venue: venues })
    .from(events)
    .leftJoin(venues, eq(venues.id, events.venueId))
    .where(eq(events.editionId, editionId))
    .orderBy(asc(events.startsAt));
}

export type ProgrammeItem = Awaited<ReturnType<typeof programmeOf>>[number];

/** The sessions of published events, with room, people by role and organising institutions. */
export async function programmeOf(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({ session: programmeSessions, room: rooms })
    .from(programmeSessions)
    .leftJoin(rooms, eq(rooms.id, programmeSessions.roomId))
    .where(inArray(programmeSessions.eventId, eventIds))
    .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.position), asc(rooms.name));
  const ids = rows.map((r) => r.session.id);
  const [who, orgs] = ids.length
    ? await Promise.all([
        db
          .select({
            sessionId: sessionPeople.sessionId,
            role: sessionPeople.role,
            position: sessionPeople.position,
            name: people.name,
            personId: people.id,
          })
          .from(sessionPeople)
          .innerJoin(people, eq(people.id, sessionPeople.personId))
          .where(inArray(sessionPeople.sessionId, ids))
          .orderBy(asc(sessionPeople.position)),
        db
          .select({
            sessionId: sessionInstitutions.sessionId,
            institutionId: sessionInstitutions.institutionId,
            name: institutions.name,
            acronym: institutions.acronym,
          })
          .from(sessionInstitutions)
          .innerJoin(institutions, eq(institutions.id, sessionInstitutions.institutionId))
          .where(inArray(sessionInstitutions.sessionId, ids)),
      ])
    : [[], []];
  const affiliationOf = await currentAffiliations(db, [...new Set(who.map((p) => p.personId))]);
  return rows.map((r) => ({
    ...r.session,
    room: r.room,
    people: who
      .filter((p) => p.sessionId === r.session.id)
      .map((p) => ({ ...p, affiliation: affiliationOf.get(p.personId) ?? null })) as {
      role: SessionRole;
      name: string;
      personId: string;
      /** The institution the person is with now (acronym, else name), as published. */
      affiliation?: string | null;
    }[],
    institutions: orgs.filter((o) => o.sessionId === r.session.id),
  }));
}

/** People's current institution (an affiliation without an end; the latest begun first). */
async function currentAffiliations(db: Db, personIds: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const rows = await db
      .select({
        personId: affiliations.personId,
        name: institutions.name,
        acronym: institutions.acronym,
      })
      .from(affiliations)
      .innerJoin(institutions, eq(institutions.id, affiliations.institutionId))
      .where(
        and(
          inArray(affiliations.personId, personIds.slice(i, i + 1000)),
          isNull(affiliations.endedOn),
        ),
      )
      .orderBy(sql`${affiliations.startedOn} desc nulls last`, asc(institutions.name));
    for (const r of rows) if (!found.has(r.personId)) found.set(r.personId, r.acronym ?? r.name);
  }
  return found;
}

export async function sessionExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programmeSessions.id })
    .from(programmeSessions)
    .where(eq(programmeSessions.id, id));
  return Boolean(row);
}

/** Every edition, newest first, with its initiative's name (for the home page). */
export function listEditions(db: Db) {
  return db.select().from(editions).orderBy(desc(editions.year), asc(editions.name));
}

/**
 * The people an organiser may put on a session: those taking part in the initiative, plus
 * `alsoIds` (already on the session), never erased ones; by name.
 */
export async function sessionPeopleChoices(
  db: Db,
  o: { initiativeId: string; alsoIds?: string[] },
) {
  const also = o.alsoIds?.length ? inArray(people.id, o.alsoIds) : undefined;
  const inInitiative = sql`exists (select 1 from ${participations} p where p.person_id = ${people.id} and p.initiative_id = ${o.initiativeId})`;
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(isNull(people.erasedAt), also ? or(inInitiative, also) : inInitiative))
    .orderBy(asc(people.nameKey));
}

/** The rooms of a venue, by name. */
export function venueRooms(db: Db, venueId: string | null) {
  if (!venueId) return Promise.resolve([]);
  return db.select().from(rooms).where(eq(rooms.venueId, venueId)).orderBy(asc(rooms.name));
}

/** The rooms of a venue with each room's availability windows, earliest first. */
export async function venueRoomsWithAvailability(db: Db, venueId: string | null) {
  const list = await venueRooms(db, venueId);
  const windows = list.length
    ? await db
        .select()
        .from(roomAvailability)
        .where(
          inArray(
            roomAvailability.roomId,
            list.map((r) => r.id),
          ),
        )
        .orderBy(asc(roomAvailability.startsAt))
    : [];
  return list.map((room) => ({ room, windows: windows.filter((w) => w.roomId === room.id) }));
}
