/**
 * What the event-day pages share: their URL pattern, the event's base paths, the volunteer named
 * in the URL, and the event's sessions, rooms and buses for the shift form.
 *
 * @example
 * const { event, paths } = eventBase(c);
 */
import { isUuid } from '../../../lib/uuid';
import { and, asc, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import { programmeSessions, rooms } from '../../programme/schema';
import { transportRoutes } from '../../registration/schema';
import { eventDayEvent } from '../access';
import { eventVolunteers } from '../schema';

export const EVENT = '/i/:slug/editions/:edition/events/:event';

export function eventBase(c: Context<AppEnv>) {
  const { event, edition } = eventDayEvent(c);
  const path = `/i/${c.var.initiative.slug}/editions/${edition.slug}/events/${event.id}`;
  return {
    event,
    edition,
    paths: {
      event: path,
      volunteers: `${path}/volunteers`,
      counts: `${path}/room-counts`,
      attendance: `${path}/attendance`,
      badges: `${path}/badges`,
    },
  };
}

export async function volunteerOf(c: Context<AppEnv>, eventId: string) {
  const id = c.req.param('volunteer') ?? '';
  if (!isUuid(id)) throw new AppError('not_found');
  const [v] = await c.var.deps.db
    .select()
    .from(eventVolunteers)
    .where(and(eq(eventVolunteers.id, id), eq(eventVolunteers.eventId, eventId)));
  if (!v) throw new AppError('not_found');
  return v;
}

export async function shiftChoices(c: Context<AppEnv>, eventId: string, venueId: string | null) {
  const db = c.var.deps.db;
  const [sessions, roomList, buses] = await Promise.all([
    db
      .select({
        id: programmeSessions.id,
        titleEs: programmeSessions.titleEs,
        titleEn: programmeSessions.titleEn,
        startsAt: programmeSessions.startsAt,
      })
      .from(programmeSessions)
      .where(eq(programmeSessions.eventId, eventId))
      .orderBy(asc(programmeSessions.startsAt), asc(programmeSessions.position)),
    venueId
      ? db
          .select({ id: rooms.id, name: rooms.name })
          .from(rooms)
          .where(eq(rooms.venueId, venueId))
          .orderBy(asc(rooms.name))
      : Promise.resolve([]),
    db
      .select({ id: transportRoutes.id, name: transportRoutes.name })
      .from(transportRoutes)
      .where(eq(transportRoutes.eventId, eventId))
      .orderBy(asc(transportRoutes.position), asc(transportRoutes.name)),
  ]);
  return { sessions, rooms: roomList, buses };
}
