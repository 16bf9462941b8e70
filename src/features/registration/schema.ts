import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { genderChoices, people, stakeholderGroups } from '../network/schema';
import { events, programmeSessions } from '../programme/schema';

/** How an event takes registrations. No row: registration is closed. */
export const registrationSettings = pgTable('registration_settings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  opensAt: timestamp('opens_at', { withTimezone: true }),
  closesAt: timestamp('closes_at', { withTimezone: true }),
  /** Seats; null means no limit. */
  capacity: integer('capacity'),
  requiresApproval: boolean('requires_approval').notNull().default(false),
  /** How long a freed seat is held for the next person on the waiting list. */
  offerHours: integer('offer_hours').notNull().default(48),
});

export const questionKinds = ['short_text', 'long_text', 'single', 'multiple', 'yes_no'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** A custom question of an event's form; `options` for single and multiple choice. */
export const registrationQuestions = pgTable(
  'registration_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: questionKinds }).notNull(),
    labelEs: text('label_es').notNull(),
    labelEn: text('label_en'),
    options: jsonb('options').$type<{ es: string; en: string | null }[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('registration_questions_event_idx').on(t.eventId)],
);

/**
 * A bus (or other transport) to the event: its stops in order with their times, departure and
 * return, and seats. Registrants choose one in the form; no route is ever overbooked.
 */
export const transportRoutes = pgTable(
  'transport_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    stops: jsonb('stops').$type<{ name: string; time: string | null }[]>().notNull().default([]),
    departsAt: timestamp('departs_at', { withTimezone: true }),
    returnsAt: timestamp('returns_at', { withTimezone: true }),
    seats: integer('seats').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('transport_routes_event_idx').on(t.eventId)],
);

export const registrationStatuses = [
  /** Has a seat. */
  'confirmed',
  /** Waits for an organiser's approval (no seat held yet). */
  'pending',
  /** On the waiting list, in order of `queuedAt`. */
  'waiting',
  /** Offered a freed seat until `offerExpiresAt` (the seat is held). */
  'offered',
  'cancelled',
  /** An organiser declined the request. */
  'declined',
  /** An offer ran out unclaimed. */
  'expired',
] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

/** Statuses that hold a seat. */
export const seatHolding: RegistrationStatus[] = ['confirmed', 'offered'];

/**
 * Statuses that hold or wait for a seat: they keep a bus seat (decision 0011) and a session's
 * place, and count as expected attendance.
 */
export const holdingOrWaiting: RegistrationStatus[] = [
  'confirmed',
  'offered',
  'pending',
  'waiting',
];

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    /** Lower-cased; one registration per e-mail and event. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    institution: text('institution'),
    stakeholderGroup: text('stakeholder_group', { enum: stakeholderGroups }),
    country: text('country'),
    gender: text('gender', { enum: genderChoices }),
    accessibilityNeeds: text('accessibility_needs'),
    consentPhotos: boolean('consent_photos').notNull().default(false),
    consentStreaming: boolean('consent_streaming').notNull().default(false),
    consentContact: boolean('consent_contact').notNull().default(false),
    lang: text('lang').notNull().default('es'),
    status: text('status', { enum: registrationStatuses }).notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** When the reminder before the event was sent (once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    /** Digest of the secret in the private link (view, change, cancel). */
    tokenHash: text('token_hash').notNull().unique(),
    /** Short code printed on the ticket and in its QR code. */
    ticketCode: text('ticket_code').notNull().unique(),
    /** The bus chosen, if any; its seat is held while the registration holds or waits for one. */
    transportRouteId: uuid('transport_route_id').references(() => transportRoutes.id, {
      onDelete: 'set null',
    }),
    answers: jsonb('answers').$type<Record<string, string | string[]>>().notNull().default({}),
    /** Demo data that stands for the real, unnamed registrants. */
    sample: boolean('sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('registrations_event_email_idx').on(t.eventId, sql`lower(${t.email})`),
    index('registrations_event_status_idx').on(t.eventId, t.status),
  ],
);

/** Sessions a registrant plans to attend: the programme's expected attendance. */
export const sessionInterests = pgTable(
  'session_interests',
  {
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => programmeSessions.id, { onDelete: 'cascade' }),
  },
  (t) => [
    unique('session_interests_unique').on(t.registrationId, t.sessionId),
    index('session_interests_session_idx').on(t.sessionId),
  ],
);

/**
 * An optional limit on how many registrants may mark a session (a workshop's places). Marks of
 * registrations that hold or wait for a seat count, like bus seats (decision 0011).
 */
export const sessionLimits = pgTable('session_limits', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => programmeSessions.id, { onDelete: 'cascade' }),
  places: integer('places').notNull(),
});

export const invitationStatuses = ['pending', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

/**
 * A personal invitation to an invitation-only event (a breakfast with the industry, a press
 * conference): the invitee answers through a private link, in their language, without an account.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    /** Lower-cased; one invitation per e-mail and event. Null for demo rows without contact. */
    email: text('email'),
    /** Who they are invited as, e.g. the institution or medium they represent. */
    representing: text('representing'),
    lang: text('lang').notNull().default('es'),
    status: text('status', { enum: invitationStatuses }).notNull().default('pending'),
    /** Whether they came (recorded after the event). */
    attended: boolean('attended'),
    tokenHash: text('token_hash').notNull().unique(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    sample: boolean('sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_event_email_idx').on(t.eventId, sql`lower(${t.email})`),
    index('invitations_event_idx').on(t.eventId),
  ],
);

export type Registration = typeof registrations.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type TransportRoute = typeof transportRoutes.$inferSelect;
export type RegistrationSettings = typeof registrationSettings.$inferSelect;
export type RegistrationQuestion = typeof registrationQuestions.$inferSelect;
