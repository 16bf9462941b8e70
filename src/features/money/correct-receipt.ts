/**
 * Corrects the amount received for a contribution without touching the past: appends a
 * `correction` entry holding the difference between the corrected total and what the ledger
 * said, pointing at the receipt it corrects, with the reason.
 *
 * @example
 * await correctReceipt(db, { editionId, contributionId, userId, amountText: '3000', note: 'Bank fee' });
 */
import { InputError } from '../../http/input-error';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { toMinor } from './amounts';
import { lockContribution, receivedMinor, spentFromMinor } from './lock-contribution';
import { contributionEntries } from './schema';

export async function correctReceipt(
  db: Db,
  o: {
    editionId: string;
    contributionId: string;
    userId: string | null;
    amountText: string;
    note: string;
    on?: string;
  },
) {
  return db.transaction(async (tx) => {
    const c = await lockContribution(tx, o);
    if (!c) return undefined;
    if (c.kind !== 'cash' || c.status !== 'received')
      throw new InputError({ amount: { key: 'money.correction.notReceived' } });
    const total = o.amountText === '0' ? 0 : toMinor(o.amountText, c.currency);
    if (total === undefined) throw new InputError({ amount: { key: 'money.form.amountInvalid' } });
    const before = await receivedMinor(tx, c.id);
    if (total === before) throw new InputError({ amount: { key: 'money.correction.unchanged' } });
    if (total < (await spentFromMinor(tx, c.id)))
      throw new InputError({ amount: { key: 'money.correction.belowSpent' } });
    const [receipt] = await tx
      .select({ id: contributionEntries.id })
      .from(contributionEntries)
      .where(
        and(eq(contributionEntries.contributionId, c.id), eq(contributionEntries.kind, 'receipt')),
      )
      .orderBy(desc(contributionEntries.id))
      .limit(1);
    const [entry] = await tx
      .insert(contributionEntries)
      .values({
        contributionId: c.id,
        kind: 'correction',
        amountMinor: total - before,
        occurredOn: o.on ?? new Date().toISOString().slice(0, 10),
        corrects: receipt?.id ?? null,
        note: o.note,
        createdBy: o.userId,
      })
      .returning();
    return entry!;
  });
}
