/**
 * Records a cash pledge from a donor of the network, optionally restricted to some budget lines
 * of the same edition and currency.
 *
 * @example
 * const c = await recordPledge(db, { editionId, userId, input: { institutionId, currency: 'USD', amountMinor: 250000, pledgedOn: '2018-09-01', lines: [], acknowledged: true, sponsorLevel: 'sponsor' } });
 */
import { InputError } from '../../http/input-error';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { institutions } from '../network/schema';
import type { PledgeInput } from './money-input';
import { budgetLines, contributionLines, contributions } from './schema';

export async function recordPledge(
  db: Db,
  o: { editionId: string; userId: string | null; input: PledgeInput },
) {
  const { lines, pledgedOn, amountMinor, ...rest } = o.input;
  return db.transaction(async (tx) => {
    const [donor] = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(eq(institutions.id, rest.institutionId));
    if (!donor) throw new InputError({ institutionId: { key: 'money.form.unknownDonor' } });
    if (lines.length) {
      const found = await tx
        .select({ id: budgetLines.id, currency: budgetLines.currency })
        .from(budgetLines)
        .where(and(eq(budgetLines.editionId, o.editionId), inArray(budgetLines.id, lines)));
      if (found.length !== new Set(lines).size)
        throw new InputError({ lines: { key: 'form.invalid' } });
      if (found.some((l) => l.currency !== rest.currency))
        throw new InputError({ lines: { key: 'money.pledge.linesCurrency' } });
    }
    const [row] = await tx
      .insert(contributions)
      .values({
        ...rest,
        editionId: o.editionId,
        kind: 'cash',
        status: 'pledged',
        amountMinor,
        pledgedOn,
        createdBy: o.userId,
      })
      .returning();
    if (lines.length)
      await tx
        .insert(contributionLines)
        .values(
          [...new Set(lines)].map((budgetLineId) => ({ contributionId: row!.id, budgetLineId })),
        );
    return row!;
  });
}
