/**
 * An initiative's organising committee (decision 0015): its focal point and time zone, the
 * member institutions with their representatives, working groups, meetings (alone or from a
 * cadence) with agenda, attendance, minutes and decisions, the activity plan, action items with
 * comments, private calendar links and the record of weekly digests sent.
 */
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { initiatives } from '../../core/initiatives/schema';
import { institutions, people } from '../network/schema';
import { editions } from '../programme/schema';

/** One row per initiative that has set up its committee. */
export const committees = pgTable('committees', {
  initiativeId: uuid('initiative_id')
    .primaryKey()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  /** The initiative's focal point, a person of the network. */
  focalPersonId: uuid('focal_person_id').references(() => people.id, { onDelete: 'set null' }),
  /** IANA zone meetings are scheduled and shown in. */
  timeZone: text('time_zone').notNull().default('America/Guatemala'),
  /** Where the facts come from when they were not typed here (e.g. the seed report). */
  source: text('source'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A member institution of the committee; `city` feeds the regional-diversity rule. */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    city: text('city'),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('committee_members_unique').on(t.initiativeId, t.institutionId)],
);

/** The people who represent a member institution. */
export const committeeRepresentatives = pgTable(
  'committee_representatives',
  {
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.personId] })],
);

/** A smaller group of the committee, e.g. the 2018 "petite committee". */
export const workingGroups = pgTable('working_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  initiativeId: uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  purpose: text('purpose'),
  source: text('source'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] })],
);

export const cadenceKinds = ['once', 'every_n_days', 'weekly', 'daily'] as const;
export type CadenceKind = (typeof cadenceKinds)[number];

/** How a set of meetings was scheduled (the meetings themselves are rows of `meetings`). */
export const meetingSeries = pgTable('meeting_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  initiativeId: uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: cadenceKinds }).notNull(),
  intervalDays: integer('interval_days'),
  /** ISO weekdays 1 (Monday) … 7 (Sunday), for `weekly`. */
  weekdays: integer('weekdays').array(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  time: text('time').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const minutesStatuses = ['none', 'draft', 'approved'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

/** One meeting of the committee or of one working group. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    /** Null: the whole committee. */
    workingGroupId: uuid('working_group_id').references(() => workingGroups.id, {
      onDelete: 'set null',
    }),
    seriesId: uuid('series_id').references(() => meetingSeries.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    timeZone: text('time_zone').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    cancelled: boolean('cancelled').notNull().default(false),
    /** Markdown, rendered with raw HTML off and unsafe links refused. */
    minutes: text('minutes'),
    minutesStatus: text('minutes_status', { enum: minutesStatuses }).notNull().default('none'),
    minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
    minutesApprovedBy: uuid('minutes_approved_by').references(() => users.id, {
      onDelete: 'set null',
    }),
    /** Demo data invented to show the feature (not facts from the seed). */
    sample: boolean('sample').notNull().default(false),
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meetings_initiative_idx').on(t.initiativeId, t.startsAt)],
);

export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (t) => [index('meeting_agenda_items_meeting_idx').on(t.meetingId)],
);

/** Who came: one row per person recorded present. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_decisions_meeting_idx').on(t.meetingId)],
);

export const activityStatuses = ['planned', 'doing', 'done', 'dropped'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** The activity plan: what the committee means to do, per initiative and optionally edition. */
export const activities = pgTable('committee_activities', {
  id: uuid('id').primaryKey().defaultRandom(),
  initiativeId: uuid('initiative_id')
    .notNull()
    .references(() => initiatives.id, { onDelete: 'cascade' }),
  editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  status: text('status', { enum: activityStatuses }).notNull().default('planned'),
  source: text('source'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const actionStatuses = ['open', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** A task with one owner (a person or an institution), from a meeting or the activity plan. */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id').references(() => people.id, { onDelete: 'set null' }),
    ownerInstitutionId: uuid('owner_institution_id').references(() => institutions.id, {
      onDelete: 'set null',
    }),
    dueOn: date('due_on'),
    status: text('status', { enum: actionStatuses }).notNull().default('open'),
    sample: boolean('sample').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('action_items_initiative_idx').on(t.initiativeId),
    index('action_items_person_idx').on(t.ownerPersonId),
    index('action_items_institution_idx').on(t.ownerInstitutionId),
  ],
);

export const actionComments = pgTable(
  'action_item_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionItemId: uuid('action_item_id')
      .notNull()
      .references(() => actionItems.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_item_comments_item_idx').on(t.actionItemId)],
);

/** A member's private calendar link: only the SHA-256 of the token is kept. */
export const committeeCalendarLinks = pgTable(
  'committee_calendar_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('committee_calendar_links_user').on(t.initiativeId, t.userId)],
);

/** One row per person and week whose digest was sent: the claim that makes it once a week. */
export const taskDigests = pgTable(
  'task_digests',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    /** The Monday (UTC) of the week. */
    weekOf: date('week_of').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.weekOf] })],
);

export type Committee = typeof committees.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type ActionItem = typeof actionItems.$inferSelect;
export type Activity = typeof activities.$inferSelect;
export type WorkingGroup = typeof workingGroups.$inferSelect;
