/**
 * Loads demo/programme.json: the IGF Guatemala 2018 edition, its venues and rooms, the forum with
 * its agenda item by item (people and organising institutions matched to the demo network), and
 * the press conference and breakfast meeting (dates only, as in the seed).
 */
import { readFileSync } from 'node:fs';
import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { searchKey } from '../src/lib/search-key';
import { publishEvent } from '../src/features/programme/publishing/publish-event';
import { institutions, people } from '../src/features/network/schema';
import {
  editions,
  eventKinds,
  events,
  programmeSessions,
  rooms,
  sessionInstitutions,
  sessionKinds,
  sessionPeople,
  sessionRoles,
  venues,
} from '../src/features/programme/schema';

const ZONE = 'America/Guatemala';
const OFFSET = '-06:00';

const file = z.object({
  edition: z.object({ slug: z.string(), name: z.string(), year: z.number().int() }),
  venues: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      address: z.string().optional(),
      directions: z.string().optional(),
      rooms: z.array(z.string()),
    }),
  ),
  events: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(eventKinds),
      titleEs: z.string(),
      titleEn: z.string(),
      starts: z.string().optional(),
      ends: z.string().optional(),
      date: z.iso.date().optional(),
      venue: z.string(),
      visibility: z.enum(['public', 'invitation']),
      sessions: z
        .array(
          z.object({
            kind: z.enum(sessionKinds),
            en: z.string(),
            es: z.string(),
            topic: z.string().optional(),
            /** Absent when the seed gives only the order of the agenda, not its times. */
            from: z
              .string()
              .regex(/^\d\d:\d\d$/)
              .optional(),
            to: z
              .string()
              .regex(/^\d\d:\d\d$/)
              .optional(),
            room: z.string().optional(),
            responsible: z.string().optional(),
            institutions: z.array(z.string()).optional(),
            people: z.partialRecord(z.enum(sessionRoles), z.array(z.string())).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export function readProgrammeFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./programme.json', import.meta.url), 'utf8')));
}

export async function loadProgramme(db: Db, o: { initiativeId: string }) {
  const data = readProgrammeFile();
  const [edition] = await db
    .insert(editions)
    .values({ ...data.edition, initiativeId: o.initiativeId })
    .returning();
  const venueIds = new Map<string, string>();
  const roomIds = new Map<string, string>();
  for (const v of data.venues) {
    const [venue] = await db
      .insert(venues)
      .values({
        initiativeId: o.initiativeId,
        name: v.name,
        address: v.address ?? null,
        directions: v.directions ?? null,
      })
      .returning();
    venueIds.set(v.key, venue!.id);
    for (const name of v.rooms) {
      const [room] = await db.insert(rooms).values({ venueId: venue!.id, name }).returning();
      roomIds.set(name, room!.id);
    }
  }
  const personId = async (name: string) => {
    const [row] = await db
      .select({ id: people.id })
      .from(people)
      .where(eq(people.nameKey, searchKey(name)));
    if (!row)
      throw new Error(`demo programme names a person missing from demo/network.json: ${name}`);
    return row.id;
  };
  const institutionId = async (name: string) => {
    const [row] = await db
      .select({ id: institutions.id })
      .from(institutions)
      .where(or(eq(institutions.acronym, name), eq(institutions.name, name)));
    if (!row)
      throw new Error(
        `demo programme names an institution missing from demo/network.json: ${name}`,
      );
    return row.id;
  };
  for (const e of data.events) {
    const day = e.date ?? e.starts!.slice(0, 10);
    const startsAt = new Date(e.starts ?? `${e.date}T00:00:00${OFFSET}`);
    const endsAt = new Date(e.ends ?? new Date(startsAt.getTime() + 86_400_000).toISOString());
    const [event] = await db
      .insert(events)
      .values({
        editionId: edition!.id,
        kind: e.kind,
        titleEs: e.titleEs,
        titleEn: e.titleEn,
        startsAt,
        endsAt,
        timeZone: ZONE,
        timesKnown: Boolean(e.starts),
        venueId: venueIds.get(e.venue) ?? null,
        visibility: e.visibility,
      })
      .returning();
    for (const [position, s] of (e.sessions ?? []).entries()) {
      const [session] = await db
        .insert(programmeSessions)
        .values({
          eventId: event!.id,
          roomId: s.room ? roomIds.get(s.room)! : null,
          kind: s.kind,
          titleEs: s.es,
          titleEn: s.en,
          topic: s.topic ?? null,
          startsAt: s.from ? new Date(`${day}T${s.from}:00${OFFSET}`) : startsAt,
          endsAt: s.to ? new Date(`${day}T${s.to}:00${OFFSET}`) : endsAt,
          position,
          responsibleNote: s.responsible ?? null,
        })
        .returning();
      for (const name of s.institutions ?? []) {
        await db
          .insert(sessionInstitutions)
          .values({ sessionId: session!.id, institutionId: await institutionId(name) });
      }
      for (const [role, names] of Object.entries(s.people ?? {})) {
        for (const [order, name] of (names ?? []).entries()) {
          await db.insert(sessionPeople).values({
            sessionId: session!.id,
            personId: await personId(name),
            role: role as (typeof sessionRoles)[number],
            position: order,
          });
        }
      }
    }
  }
  for (const row of await db
    .select({ id: events.id })
    .from(events)
    .where(eq(events.editionId, edition!.id)))
    await publishEvent({ db, eventId: row.id, userId: null });
  return { edition: edition! };
}
