/**
 * What the event-day pages share: their URL pattern, the event's base paths, the volunteer named
 * in the URL, and the event's sessions, rooms and buses for the shift form.
 *
 * @example
 * const { event, paths } = eventBase(c);
 */
import { isUuid } from '../../../lib/uuid';
import type { Context } from 'hono';
import { AppError } from '../../../http/errors';
import type { AppEnv } from '../../../http/types';
import type { Edition, ProgrammeEvent } from '../../programme/schema';
import { eventDayEvent } from '../access';
import { findEventVolunteer, listShiftChoices } from '../queries';

export const EVENT = '/i/:slug/editions/:edition/events/:event';

/** The event's day pages, for links between them. */
export type EventDayPaths = {
  event: string;
  volunteers: string;
  counts: string;
  attendance: string;
  badges: string;
};

export function eventBase(c: Context<AppEnv>): {
  event: ProgrammeEvent;
  edition: Edition;
  paths: EventDayPaths;
} {
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
  const v = await findEventVolunteer(c.var.deps.db, { eventId, volunteerId: id });
  if (!v) throw new AppError('not_found');
  return v;
}

export function shiftChoices(c: Context<AppEnv>, eventId: string, venueId: string | null) {
  return listShiftChoices(c.var.deps.db, { eventId, venueId });
}
