/**
 * Money of one edition: budget lines, contributions (cash and in kind) with an append-only ledger
 * of what was pledged, received, corrected and cancelled, restricted funds, expenses and their
 * receipts. Amounts are integers in the currency's minor units (cents), never floats.
 * See docs/decisions/0012-money-ledger.md.
 */
import {
  bigint,
  bigserial,
  boolean,
  char,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../../core/accounts/schema';
import { institutions } from '../network/schema';
import { editions } from '../programme/schema';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** Minor units as a JavaScript number: exact up to 2^53, far beyond any forum's budget. */
const minor = (name: string) => bigint(name, { mode: 'number' });

/** A planned cost, grouped by activity (e.g. "Foro", "Desayuno con la prensa"). */
export const budgetLines = pgTable(
  'budget_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    activity: text('activity').notNull(),
    name: text('name').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    plannedMinor: minor('planned_minor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('budget_lines_edition_idx').on(t.editionId)],
);

export const contributionKinds = ['cash', 'in_kind'] as const;
export type ContributionKind = (typeof contributionKinds)[number];
/** Cash only: pledged → received, or pledged → cancelled. In-kind gifts are `received`. */
export const contributionStatuses = ['pledged', 'received', 'cancelled'] as const;
export type ContributionStatus = (typeof contributionStatuses)[number];
/** How a sponsor is acknowledged on the public page, highest first. */
export const sponsorLevels = ['principal', 'sponsor', 'supporter'] as const;
export type SponsorLevel = (typeof sponsorLevels)[number];

/**
 * What a donor of the network gives an edition. The pledge (amount, currency, date) is written
 * once; receipts and corrections live in `contribution_entries`. For in-kind gifts
 * `amountMinor` is the estimated value, null when nobody stated one.
 */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: contributionKinds }).notNull(),
    status: text('status', { enum: contributionStatuses }).notNull(),
    description: text('description'),
    currency: char('currency', { length: 3 }).notNull(),
    amountMinor: minor('amount_minor'),
    pledgedOn: date('pledged_on'),
    /** The donor agreed to be named on the public page. */
    acknowledged: boolean('acknowledged').notNull().default(false),
    sponsorLevel: text('sponsor_level', { enum: sponsorLevels }),
    /** Where the record comes from, e.g. the seed report. */
    source: text('source'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contributions_edition_idx').on(t.editionId),
    index('contributions_institution_idx').on(t.institutionId),
  ],
);

export const entryKinds = ['receipt', 'correction', 'cancellation'] as const;
export type EntryKind = (typeof entryKinds)[number];

/**
 * Append-only ledger of money received. A database trigger refuses UPDATE and direct DELETE;
 * a wrong receipt is fixed by a `correction` (a signed difference) that names the entry it
 * corrects and says why.
 */
export const contributionEntries = pgTable(
  'contribution_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: entryKinds }).notNull(),
    /** Received (receipt), signed difference (correction), 0 for a cancellation. */
    amountMinor: minor('amount_minor').notNull(),
    occurredOn: date('occurred_on').notNull(),
    corrects: bigint('corrects', { mode: 'number' }).references(
      (): AnyPgColumn => contributionEntries.id,
    ),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contribution_entries_contribution_idx').on(t.contributionId)],
);

/** Restricted funds: a contribution with rows here may pay only for these lines. */
export const contributionLines = pgTable(
  'contribution_lines',
  {
    contributionId: uuid('contribution_id')
      .notNull()
      .references(() => contributions.id, { onDelete: 'cascade' }),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contributionId, t.budgetLineId] })],
);

/** A receipt's file, kept in the database so every app process sees it. */
export const receiptFiles = pgTable('receipt_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  editionId: uuid('edition_id')
    .notNull()
    .references(() => editions.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Money spent against a budget line, optionally paid from one contribution. */
export const expenses = pgTable(
  'expenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    budgetLineId: uuid('budget_line_id')
      .notNull()
      .references(() => budgetLines.id, { onDelete: 'no action' }),
    contributionId: uuid('contribution_id').references(() => contributions.id, {
      onDelete: 'no action',
    }),
    spentOn: date('spent_on').notNull(),
    payee: text('payee').notNull(),
    description: text('description'),
    currency: char('currency', { length: 3 }).notNull(),
    amountMinor: minor('amount_minor').notNull(),
    receiptId: uuid('receipt_id').references(() => receiptFiles.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('expenses_edition_idx').on(t.editionId),
    index('expenses_line_idx').on(t.budgetLineId),
    index('expenses_contribution_idx').on(t.contributionId),
  ],
);

export type BudgetLine = typeof budgetLines.$inferSelect;
export type Contribution = typeof contributions.$inferSelect;
export type ContributionEntry = typeof contributionEntries.$inferSelect;
export type Expense = typeof expenses.$inferSelect;
