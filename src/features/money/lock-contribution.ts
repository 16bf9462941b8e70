/**
 * Loads a contribution of an edition under a row lock, so two people recording a receipt,
 * a correction or an expense at the same time take turns.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contributionEntries, contributions, expenses } from './schema';

export async function lockContribution(tx: Db, o: { editionId: string; contributionId: string }) {
  const [row] = await tx
    .select()
    .from(contributions)
    .where(and(eq(contributions.id, o.contributionId), eq(contributions.editionId, o.editionId)))
    .for('update');
  return row;
}

/** Received so far: receipts plus corrections. */
export async function receivedMinor(tx: Db, contributionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<string>`coalesce(sum(${contributionEntries.amountMinor}), 0)` })
    .from(contributionEntries)
    .where(eq(contributionEntries.contributionId, contributionId));
  return Number(row!.n);
}

/** Spent so far from a contribution. */
export async function spentFromMinor(tx: Db, contributionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<string>`coalesce(sum(${expenses.amountMinor}), 0)` })
    .from(expenses)
    .where(eq(expenses.contributionId, contributionId));
  return Number(row!.n);
}
