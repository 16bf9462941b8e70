import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { initiatives } from '../../core/initiatives/schema';

/** Stakeholder groups as the seeds list them (academia kept apart from civil society). */
export const stakeholderGroups = [
  'government',
  'private_sector',
  'civil_society',
  'academia',
  'technical_community',
  'intergovernmental',
] as const;
export type StakeholderGroup = (typeof stakeholderGroups)[number];

export const institutionKinds = [
  'ministry',
  'parliament',
  'public_agency',
  'company',
  'business_association',
  'ngo',
  'university',
  'research_centre',
  'media',
  'international_organisation',
  'network',
  'other',
] as const;

export const genderChoices = [
  'woman',
  'man',
  'non_binary',
  'self_described',
  'prefer_not_to_say',
] as const;
export type GenderChoice = (typeof genderChoices)[number];

/** What a person or institution took part in; every module writes here. */
export const participationKinds = [
  'contact',
  'committee_member',
  'speaker',
  'moderator',
  'rapporteur',
  'master_of_ceremonies',
  'organiser',
  'registrant',
  'attendee',
  'invitee',
  'volunteer',
  'trainer',
  'trainee',
  'discussion_author',
  'donor',
  'in_kind_contributor',
  'media',
] as const;
export type ParticipationKind = (typeof participationKinds)[number];

export const consentPurposes = ['contact', 'photos', 'streaming', 'directory_listing'] as const;

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    acronym: text('acronym'),
    stakeholderGroup: text('stakeholder_group', { enum: stakeholderGroups }).notNull(),
    kind: text('kind', { enum: institutionKinds }),
    country: char('country', { length: 2 }),
    website: text('website'),
    parentId: uuid('parent_id').references((): AnyPgColumn => institutions.id, {
      onDelete: 'set null',
    }),
    notes: text('notes'),
    publicListing: boolean('public_listing').notNull().default(false),
    /** Name and acronym without accents, lower-cased: what search compares against. */
    searchText: text('search_text').notNull(),
    /** Where the record comes from, e.g. a seed document or an import. */
    source: text('source'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('institutions_search_idx').on(t.searchText),
    index('institutions_group_idx').on(t.stakeholderGroup),
  ],
);

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    country: char('country', { length: 2 }),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    genderChoice: text('gender_choice', { enum: genderChoices }),
    /** Free text, only when the person chose to describe their gender themselves. */
    genderSelfDescribed: text('gender_self_described'),
    /** Set only when it should not come from the current affiliation. */
    stakeholderGroup: text('stakeholder_group', { enum: stakeholderGroups }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    notes: text('notes'),
    searchText: text('search_text').notNull(),
    /** The name alone without accents, lower-cased: what de-duplication compares. */
    nameKey: text('name_key').notNull().default(''),
    source: text('source'),
    /** Set when the person was erased: the row stays so counts stay true, the data is gone. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_search_idx').on(t.searchText),
    index('people_name_key_idx').on(t.nameKey),
    uniqueIndex('people_user_idx').on(t.userId),
  ],
);

export const personEmails = pgTable(
  'person_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    uniqueIndex('person_emails_email_idx').on(sql`lower(${t.email})`),
    index('person_emails_person_idx').on(t.personId),
  ],
);

export const personPhones = pgTable(
  'person_phones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    phone: text('phone').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [index('person_phones_person_idx').on(t.personId)],
);

export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    title: text('title'),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
  },
  (t) => [
    index('affiliations_person_idx').on(t.personId),
    index('affiliations_institution_idx').on(t.institutionId),
  ],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    status: text('status', { enum: ['given', 'withdrawn'] }).notNull(),
    /** How it was recorded: web form, import, paper, e-mail… */
    method: text('method').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_person_idx').on(t.personId)],
);

/**
 * One row per thing a person or institution took part in, written by every module (committee,
 * programme, registration, training, discussions, money). `initiativeId` scopes who may see it.
 */
export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id').references(() => institutions.id, {
      onDelete: 'cascade',
    }),
    initiativeId: uuid('initiative_id').references(() => initiatives.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: participationKinds }).notNull(),
    year: integer('year').notNull(),
    label: text('label').notNull(),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    occurredOn: date('occurred_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participations_person_idx').on(t.personId),
    index('participations_institution_idx').on(t.institutionId),
    index('participations_initiative_idx').on(t.initiativeId),
  ],
);

export type Institution = typeof institutions.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Participation = typeof participations.$inferSelect;
