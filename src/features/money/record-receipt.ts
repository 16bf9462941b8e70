/**
 * Records that a pledged cash contribution arrived: a `receipt` entry in the ledger and the
 * status pledged → received. The amount defaults to the pledge but may differ.
 *
 * @example
 * await recordReceipt(db, { editionId, contributionId, userId, receivedOn: '2018-10-01', amountText: '' });
 */
import { InputError } from '../../http/input-error';
import type { Db } from '../../db/client';
import { eq } from 'drizzle-orm';
import { toMinor } from './amounts';
import { lockContribution } from './lock-contribution';
import { contributionEntries, contributions } from './schema';

export async function recordReceipt(
  db: Db,
  o: {
    editionId: string;
    contributionId: string;
    userId: string | null;
    receivedOn: string;
    amountText: string;
  },
) {
  return db.transaction(async (tx) => {
    const c = await lockContribution(tx, o);
    if (!c) return undefined;
    if (c.kind !== 'cash' || c.status !== 'pledged')
      throw new InputError({ receivedOn: { key: 'money.receipt.notPledged' } });
    const amountMinor = o.amountText ? toMinor(o.amountText, c.currency) : (c.amountMinor ?? 0);
    if (!amountMinor) throw new InputError({ amount: { key: 'money.form.amountInvalid' } });
    const [entry] = await tx
      .insert(contributionEntries)
      .values({
        contributionId: c.id,
        kind: 'receipt',
        amountMinor,
        occurredOn: o.receivedOn,
        createdBy: o.userId,
      })
      .returning();
    await tx.update(contributions).set({ status: 'received' }).where(eq(contributions.id, c.id));
    return entry!;
  });
}
