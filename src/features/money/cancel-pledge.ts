/**
 * Cancels a pledge that will not arrive: a `cancellation` entry with the reason, and the status
 * pledged → cancelled. Money already received cannot be cancelled (correct it instead).
 *
 * @example
 * await cancelPledge(db, { editionId, contributionId, userId, note: 'Withdrawn by the donor' });
 */
import { InputError } from '../../http/input-error';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { lockContribution } from './lock-contribution';
import { contributionEntries, contributions } from './schema';

export async function cancelPledge(
  db: Db,
  o: { editionId: string; contributionId: string; userId: string | null; note: string },
) {
  return db.transaction(async (tx) => {
    const c = await lockContribution(tx, o);
    if (!c) return undefined;
    if (c.kind !== 'cash' || c.status !== 'pledged')
      throw new InputError({ note: { key: 'money.cancel.notPledged' } });
    const [entry] = await tx
      .insert(contributionEntries)
      .values({
        contributionId: c.id,
        kind: 'cancellation',
        amountMinor: 0,
        occurredOn: new Date().toISOString().slice(0, 10),
        note: o.note,
        createdBy: o.userId,
      })
      .returning();
    await tx.update(contributions).set({ status: 'cancelled' }).where(eq(contributions.id, c.id));
    return entry!;
  });
}
