import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../../core/accounts/schema';
import { people } from '../network/schema';
import { events, programmeSessions, rooms } from '../programme/schema';
import { transportRoutes } from '../registration/schema';

/**
 * A volunteer on an event's roster (decision 0014). Name, e-mail and institution are kept as the
 * organiser entered them (or copied from the network person); `userId` and `accessUntil` are set
 * when an organiser gives the volunteer access for the day: it opens only this event's event-day
 * pages and ends at `accessUntil` (the event's end plus a short grace).
 */
export const eventVolunteers = pgTable(
  'event_volunteers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    institution: text('institution'),
    /** The language their e-mails are written in. */
    lang: text('lang', { enum: ['es', 'en'] })
      .notNull()
      .default('es'),
    /** End of the event-scoped access; null until access is given. */
    accessUntil: timestamp('access_until', { withTimezone: true }),
    /** Demo data standing for the real, unnamed volunteers. */
    sample: boolean('sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('event_volunteers_event_idx').on(t.eventId),
    index('event_volunteers_user_idx').on(t.userId),
    unique('event_volunteers_person').on(t.eventId, t.personId),
  ],
);

export const volunteerTasks = ['desk', 'room', 'bus', 'other'] as const;
export type VolunteerTask = (typeof volunteerTasks)[number];

/** A volunteer's shift: when, and what they do (the desk, a room/session, a bus). */
export const volunteerShifts = pgTable(
  'volunteer_shifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => eventVolunteers.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    task: text('task', { enum: volunteerTasks }).notNull(),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    sessionId: uuid('session_id').references(() => programmeSessions.id, { onDelete: 'set null' }),
    transportRouteId: uuid('transport_route_id').references(() => transportRoutes.id, {
      onDelete: 'set null',
    }),
    note: text('note'),
  },
  (t) => [
    index('volunteer_shifts_volunteer_idx').on(t.volunteerId),
    check('volunteer_shifts_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const countMoments = ['start', 'middle', 'end'] as const;
export type CountMoment = (typeof countMoments)[number];

/** A head count in a session's room at its start, middle or end (the latest one counts). */
export const roomCounts = pgTable(
  'room_counts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    moment: text('moment', { enum: countMoments }).notNull(),
    headcount: integer('headcount').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    /** Demo data: counts consistent with the seed, not real counts. */
    sample: boolean('sample').notNull().default(false),
  },
  (t) => [
    unique('room_counts_session_moment').on(t.sessionId, t.moment),
    check('room_counts_headcount', sql`${t.headcount} >= 0`),
  ],
);

export type EventVolunteer = typeof eventVolunteers.$inferSelect;
export type VolunteerShift = typeof volunteerShifts.$inferSelect;
export type RoomCount = typeof roomCounts.$inferSelect;
