/**
 * Loads demo/event-day.json on the 2018 forum: a sample volunteer roster (two per institution the
 * seed names, "Voluntario/a N (institution) — muestra", no e-mail, no account) with desk and
 * room shifts, and sample head counts per panel in which the three panels the seed calls the
 * most attended (data protection, freedom of expression, children's safety) come out on top.
 * Everything is marked as sample (see the file's `about`).
 *
 * @example
 * await loadEventDay(db);
 */
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../src/db/client';
import { addShift } from '../src/features/event-day/add-shift';
import { addVolunteer } from '../src/features/event-day/add-volunteer';
import { recordRoomCount } from '../src/features/event-day/record-room-count';
import { countMoments, volunteerTasks } from '../src/features/event-day/schema';
import { editions, events, programmeSessions } from '../src/features/programme/schema';
import { dayKey, instantInZone } from '../src/lib/format';

const time = z.string().regex(/^\d\d:\d\d$/);
const file = z.object({
  about: z.string(),
  event: z.literal('forum'),
  volunteers: z.array(
    z.object({
      name: z.string().includes('muestra'),
      institution: z.string(),
      shifts: z.array(
        z.object({
          task: z.enum(volunteerTasks),
          from: time,
          to: time,
          session: z.string().optional(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
  roomCounts: z.array(
    z.object({
      session: z.string(),
      start: z.number().int().min(0),
      middle: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
  ),
});

export function readEventDayFile() {
  return file.parse(JSON.parse(readFileSync(new URL('./event-day.json', import.meta.url), 'utf8')));
}

export async function loadEventDay(db: Db) {
  const data = readEventDayFile();
  const [row] = await db
    .select({ event: events, initiativeId: editions.initiativeId })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(and(eq(editions.slug, 'igf-guatemala-2018'), eq(events.kind, data.event)));
  if (!row) throw new Error('The event-day demo needs the demo forum');
  const { event, initiativeId } = row;
  const sessions = await db
    .select()
    .from(programmeSessions)
    .where(eq(programmeSessions.eventId, event.id));
  const sessionNamed = (title: string) => {
    const s = sessions.find((x) => x.titleEs === title);
    if (!s) throw new Error(`The event-day demo names an unknown session: ${title}`);
    return s;
  };
  const day = dayKey(event.startsAt, event.timeZone);
  const at = (hhmm: string) => instantInZone(day, hhmm, event.timeZone)!;
  for (const v of data.volunteers) {
    const volunteer = await addVolunteer(db, {
      event,
      initiativeId,
      input: { name: v.name, email: null, institution: v.institution, lang: 'es', sample: true },
    });
    for (const s of v.shifts)
      await addShift(db, {
        event,
        volunteerId: volunteer.id,
        input: {
          task: s.task,
          startsAt: at(s.from),
          endsAt: at(s.to),
          sessionId: s.session ? sessionNamed(s.session).id : null,
          roomId: null,
          transportRouteId: null,
          note: s.note ?? null,
        },
      });
  }
  for (const c of data.roomCounts) {
    const s = sessionNamed(c.session);
    const span = s.endsAt.getTime() - s.startsAt.getTime();
    const when = {
      start: new Date(s.startsAt.getTime() + 5 * 60_000),
      middle: new Date(s.startsAt.getTime() + span / 2),
      end: new Date(s.endsAt.getTime() - 5 * 60_000),
    };
    for (const moment of countMoments)
      await recordRoomCount(db, {
        eventId: event.id,
        sessionId: s.id,
        moment,
        headcount: c[moment],
        userId: null,
        sample: true,
        at: when[moment],
      });
  }
}
