/**
 * Adds a budget line to an edition.
 *
 * @example
 * await addBudgetLine(db, { editionId, input: { activity: 'Foro', name: 'Sede', currency: 'USD', amountMinor: 39300 } });
 */
import type { Db } from '../../db/client';
import type { LineInput } from './money-input';
import { budgetLines } from './schema';

export async function addBudgetLine(db: Db, o: { editionId: string; input: LineInput }) {
  const { amountMinor, ...rest } = o.input;
  const [row] = await db
    .insert(budgetLines)
    .values({ ...rest, editionId: o.editionId, plannedMinor: amountMinor })
    .returning();
  return row!;
}
