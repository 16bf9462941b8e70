import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { initiatives } from '../../core/initiatives/schema';
import { institutions, people } from '../network/schema';

/** A yearly edition of an initiative, e.g. IGF Guatemala 2018 (`/e/{slug}`). */
export const editions = pgTable('editions', {
  id: uuid('id').primaryKey().defaultRandom(),
  initiativeId: uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  year: integer('year').notNull(),
  /** Minutes a person needs between sessions in different rooms (double-booking warning). */
  travelBufferMinutes: integer('travel_buffer_minutes').notNull().default(15),
  /** How many sessions one person may speak in before a warning. */
  maxSessionsPerSpeaker: integer('max_sessions_per_speaker').notNull().default(3),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const venues = pgTable('venues', {
  id: uuid('id').primaryKey().defaultRandom(),
  initiativeId: uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  address: text('address'),
  mapUrl: text('map_url'),
  directions: text('directions'),
});

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  venueId: uuid('venue_id')
    .notNull()
    .references(() => venues.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  capacity: integer('capacity'),
  accessibility: text('accessibility'),
  streamUrl: text('stream_url'),
  /** The room's GUID in an imported schedule, written again by the exports. */
  guid: text('guid'),
});

/** When a room may be used; a room without any window is always available. */
export const roomAvailability = pgTable(
  'room_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('room_availability_room_idx').on(t.roomId)],
);

export const eventKinds = [
  'forum',
  'preparatory_meeting',
  'breakfast_meeting',
  'press_conference',
  'workshop',
  'webinar',
] as const;

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: eventKinds }).notNull(),
    titleEs: text('title_es').notNull(),
    titleEn: text('title_en'),
    descriptionEs: text('description_es'),
    descriptionEn: text('description_en'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** IANA zone the event happens in; pages show times in it, labelled. */
    timeZone: text('time_zone').notNull(),
    /** False when only the date is known (shown without times; nothing is invented). */
    timesKnown: boolean('times_known').notNull().default(true),
    venueId: uuid('venue_id').references(() => venues.id, { onDelete: 'set null' }),
    visibility: text('visibility', { enum: ['public', 'invitation'] })
      .notNull()
      .default('public'),
    streamUrl: text('stream_url'),
    /** True once a version of the programme has been published (see `programmeVersions`). */
    published: boolean('published').notNull().default(false),
  },
  (t) => [index('events_edition_idx').on(t.editionId)],
);

/**
 * A published version of an event's programme: visitors and exports read the newest snapshot,
 * organisers edit the tables (the draft). `changes` is the public changelog against the version
 * before.
 */
export const programmeVersions = pgTable(
  'programme_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    changes: jsonb('changes').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [unique('programme_versions_number').on(t.eventId, t.number)],
);

export const sessionKinds = [
  'welcome',
  'anthem',
  'opening',
  'keynote',
  'plenary',
  'panel',
  'workshop',
  'break',
  'lunch',
  'conclusions',
  'closing',
  'press',
  'other',
] as const;
export const sessionRoles = [
  'speaker',
  'moderator',
  'rapporteur',
  'master_of_ceremonies',
  'organiser',
] as const;
export type SessionRole = (typeof sessionRoles)[number];

/** A link given with a session; `kind` says where it came from in the file. */
export type SessionLink = { url: string; title: string; kind: 'link' | 'attachment' | 'feedback' };

export const programmeSessions = pgTable(
  'programme_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** A stable number for formats that want integer ids (frab, c3voc). */
    number: integer('number').generatedAlwaysAsIdentity(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => rooms.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: sessionKinds }).notNull(),
    titleEs: text('title_es').notNull(),
    titleEn: text('title_en'),
    descriptionEs: text('description_es'),
    descriptionEn: text('description_en'),
    topic: text('topic'),
    language: text('language').notNull().default('es'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    streamUrl: text('stream_url'),
    recordingUrl: text('recording_url'),
    doNotRecord: boolean('do_not_record').notNull().default(false),
    /** Who is named as responsible when no person record exists (e.g. "Attendees"). */
    responsibleNote: text('responsible_note'),
    /** Order among sessions that start together, and the agenda order when times are unknown. */
    position: integer('position').notNull().default(0),
    /**
     * What an imported schedule called this session (its GUID, integer id, slug and URL), kept so
     * that exports give other tools the same identifiers back; null for sessions made here.
     */
    guid: text('guid'),
    sourceId: integer('source_id'),
    slug: text('slug'),
    url: text('url'),
    /** Links given with the session (slides, papers, a feedback form), in the file's order. */
    links: jsonb('links').$type<SessionLink[]>(),
  },
  (t) => [index('programme_sessions_event_idx').on(t.eventId)],
);

export const sessionPeople = pgTable(
  'session_people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: sessionRoles }).notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('session_people_unique').on(t.sessionId, t.personId, t.role)],
);

export const sessionInstitutions = pgTable(
  'session_institutions',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [unique('session_institutions_unique').on(t.sessionId, t.institutionId)],
);

export type Edition = typeof editions.$inferSelect;
export type ProgrammeEvent = typeof events.$inferSelect;
export type ProgrammeSession = typeof programmeSessions.$inferSelect;
export type Room = typeof rooms.$inferSelect;

/**
 * A personal agenda: starred sessions of one visitor, kept for a signed-in account or, without an
 * account, for the browser holding `cookieHash`'s token. `calendarHash` is the digest of the
 * secret in the calendar subscription URL.
 */
export const agendas = pgTable('agendas', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  cookieHash: text('cookie_hash').unique(),
  calendarToken: text('calendar_token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agendaItems = pgTable(
  'agenda_items',
  {
    agendaId: uuid('agenda_id')
      .notNull()
      .references(() => agendas.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
  },
  (t) => [unique('agenda_items_unique').on(t.agendaId, t.sessionId)],
);
export type Venue = typeof venues.$inferSelect;

/**
 * An uploaded frab or c3voc schedule waiting to be reviewed and applied to an event; kept parsed
 * (`programme`), so the preview and the final import read the same thing.
 */
export const programmeImports = pgTable('programme_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  eventId: uuid('event_id')
    .notNull()
    .references(() => events.id, { onDelete: 'cascade' }),
  format: text('format', { enum: ['frab', 'c3voc'] }).notNull(),
  filename: text('filename').notNull(),
  programme: jsonb('programme').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
