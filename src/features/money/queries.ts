/**
 * Reading an edition's money: lines with what was spent, contributions with what arrived,
 * expenses, balances per currency, one contribution's history, a donor's statement, and the
 * sponsors who agreed to be named.
 *
 * @example
 * const money = await loadMoney(db, edition.id);
 * balances(money); // [{ currency: 'USD', received: 600000, outstanding: 250000, … }]
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions } from '../network/schema';
import { editions } from '../programme/schema';
import {
  budgetLines,
  contributionEntries,
  contributionLines,
  contributions,
  expenses,
  receiptFiles,
  sponsorLevels,
  type SponsorLevel,
} from './schema';

export async function loadMoney(db: Db, editionId: string) {
  const received = db
    .select({
      contributionId: contributionEntries.contributionId,
      n: sql<string>`sum(${contributionEntries.amountMinor})`.as('n'),
    })
    .from(contributionEntries)
    .groupBy(contributionEntries.contributionId)
    .as('received');
  const contributionRows = await db
    .select({
      c: contributions,
      donor: institutions.name,
      received: received.n,
    })
    .from(contributions)
    .innerJoin(institutions, eq(institutions.id, contributions.institutionId))
    .leftJoin(received, eq(received.contributionId, contributions.id))
    .where(eq(contributions.editionId, editionId))
    .orderBy(asc(institutions.name), asc(contributions.createdAt));
  const lines = await db
    .select()
    .from(budgetLines)
    .where(eq(budgetLines.editionId, editionId))
    .orderBy(asc(budgetLines.activity), asc(budgetLines.name));
  const restrictions = contributionRows.length
    ? await db
        .select()
        .from(contributionLines)
        .where(
          inArray(
            contributionLines.contributionId,
            contributionRows.map((r) => r.c.id),
          ),
        )
    : [];
  const expenseRows = await db
    .select()
    .from(expenses)
    .where(eq(expenses.editionId, editionId))
    .orderBy(asc(expenses.spentOn), asc(expenses.createdAt));
  const lineName = new Map(lines.map((l) => [l.id, l.name]));
  const donorOf = new Map(contributionRows.map((r) => [r.c.id, r.donor]));
  const all = contributionRows.map((r) => ({
    ...r.c,
    donor: r.donor,
    receivedMinor: Number(r.received ?? 0),
    spentMinor: expenseRows
      .filter((e) => e.contributionId === r.c.id)
      .reduce((s, e) => s + e.amountMinor, 0),
    restrictedTo: restrictions
      .filter((x) => x.contributionId === r.c.id)
      .map((x) => lineName.get(x.budgetLineId) ?? ''),
  }));
  return {
    lines: lines.map((l) => ({
      ...l,
      spentMinor: expenseRows
        .filter((e) => e.budgetLineId === l.id)
        .reduce((s, e) => s + e.amountMinor, 0),
      fundedBy: restrictions
        .filter((x) => x.budgetLineId === l.id)
        .map((x) => donorOf.get(x.contributionId) ?? ''),
    })),
    cash: all.filter((c) => c.kind === 'cash'),
    inKind: all.filter((c) => c.kind === 'in_kind'),
    expenses: expenseRows.map((e) => ({
      ...e,
      line: lineName.get(e.budgetLineId) ?? '',
      donor: e.contributionId ? (donorOf.get(e.contributionId) ?? '') : null,
    })),
  };
}
export type Money = Awaited<ReturnType<typeof loadMoney>>;

export type Balance = {
  currency: string;
  planned: number;
  pledged: number;
  received: number;
  outstanding: number;
  spent: number;
  available: number;
  inKind: number;
};

/** Totals per currency; pledged counts pledges not cancelled, outstanding those not yet received. */
export function balances(money: Pick<Money, 'lines' | 'cash' | 'inKind' | 'expenses'>): Balance[] {
  const by = new Map<string, Balance>();
  const get = (currency: string) => {
    let b = by.get(currency);
    if (!b) {
      b = {
        currency,
        planned: 0,
        pledged: 0,
        received: 0,
        outstanding: 0,
        spent: 0,
        available: 0,
        inKind: 0,
      };
      by.set(currency, b);
    }
    return b;
  };
  for (const l of money.lines) get(l.currency).planned += l.plannedMinor;
  for (const c of money.cash) {
    const b = get(c.currency);
    if (c.status !== 'cancelled') b.pledged += c.amountMinor ?? 0;
    if (c.status === 'pledged') b.outstanding += c.amountMinor ?? 0;
    b.received += c.receivedMinor;
  }
  for (const c of money.inKind) get(c.currency).inKind += c.amountMinor ?? 0;
  for (const e of money.expenses) get(e.currency).spent += e.amountMinor;
  for (const b of by.values()) b.available = b.received - b.spent;
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/** One contribution of the edition with its ledger entries, oldest first. */
export async function contributionHistory(db: Db, editionId: string, contributionId: string) {
  const money = await loadMoney(db, editionId);
  const contribution = [...money.cash, ...money.inKind].find((c) => c.id === contributionId);
  if (!contribution) return undefined;
  const entries = await db
    .select()
    .from(contributionEntries)
    .where(eq(contributionEntries.contributionId, contributionId))
    .orderBy(asc(contributionEntries.id));
  return {
    contribution,
    entries,
    expenses: money.expenses.filter((e) => e.contributionId === contributionId),
  };
}

/** Everything a donor gave the edition and what their money paid for. */
export async function donorStatement(db: Db, editionId: string, institutionId: string) {
  const [donor] = await db.select().from(institutions).where(eq(institutions.id, institutionId));
  if (!donor) return undefined;
  const money = await loadMoney(db, editionId);
  const cash = money.cash.filter((c) => c.institutionId === institutionId);
  const inKind = money.inKind.filter((c) => c.institutionId === institutionId);
  const ids = new Set(cash.map((c) => c.id));
  const paid = money.expenses.filter((e) => e.contributionId && ids.has(e.contributionId));
  return {
    donor,
    cash,
    inKind,
    expenses: paid,
    totals: balances({ lines: [], cash, inKind, expenses: paid }),
  };
}

/** Institutions that may be chosen as donors, by name. */
export function listDonors(db: Db) {
  return db
    .select({ id: institutions.id, name: institutions.name, acronym: institutions.acronym })
    .from(institutions)
    .orderBy(asc(institutions.name));
}

/** A receipt of an expense of the edition. */
export async function findReceipt(db: Db, editionId: string, expenseId: string) {
  const [row] = await db
    .select({ file: receiptFiles })
    .from(expenses)
    .innerJoin(receiptFiles, eq(receiptFiles.id, expenses.receiptId))
    .where(and(eq(expenses.id, expenseId), eq(expenses.editionId, editionId)));
  return row?.file;
}

/**
 * Donors who agreed to be named, by level (highest first): cash received or in-kind gifts only —
 * a pledge that has not arrived or was cancelled is not acknowledged.
 */
export async function listSponsors(db: Db, editionId: string) {
  const rows = await db
    .selectDistinct({
      name: institutions.name,
      level: contributions.sponsorLevel,
    })
    .from(contributions)
    .innerJoin(institutions, eq(institutions.id, contributions.institutionId))
    .where(
      and(
        eq(contributions.editionId, editionId),
        eq(contributions.acknowledged, true),
        eq(contributions.status, 'received'),
      ),
    )
    .orderBy(asc(institutions.name));
  const best = new Map<string, SponsorLevel>();
  for (const r of rows) {
    const level = r.level ?? 'supporter';
    const had = best.get(r.name);
    if (!had || sponsorLevels.indexOf(level) < sponsorLevels.indexOf(had)) best.set(r.name, level);
  }
  return sponsorLevels
    .map((level) => ({ level, names: [...best].filter(([, l]) => l === level).map(([n]) => n) }))
    .filter((g) => g.names.length > 0);
}

/**
 * An initiative's editions, oldest first, for the money index page.
 *
 * @example
 * const rows = await listInitiativeEditions(db, initiative.id); // [{ slug: 'igf-guatemala-2018', … }]
 */
export function listInitiativeEditions(db: Db, initiativeId: string) {
  return db
    .select()
    .from(editions)
    .where(eq(editions.initiativeId, initiativeId))
    .orderBy(asc(editions.year));
}
