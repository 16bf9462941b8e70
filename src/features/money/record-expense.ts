/**
 * Records an expense against a budget line, in the line's currency, optionally paid from one
 * contribution. The contribution must be cash already received, in the same currency, with
 * enough left, and — when its donor restricted it — allowed to pay for that line.
 *
 * @example
 * await recordExpense(db, { editionId, userId, input, receipt });
 */
import { InputError } from '../../http/input-error';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { formatMoney } from '../../lib/format';
import type { Lang } from '../../i18n/index';
import { institutions } from '../network/schema';
import { toMinor } from './amounts';
import { lockContribution, receivedMinor, spentFromMinor } from './lock-contribution';
import type { ExpenseInput } from './money-input';
import { budgetLines, contributionLines, expenses, receiptFiles } from './schema';

export async function recordExpense(
  db: Db,
  o: {
    editionId: string;
    userId: string | null;
    lang: Lang;
    input: ExpenseInput;
    receipt?: { filename: string; contentType: string; bytes: Uint8Array };
  },
) {
  const { input } = o;
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select()
      .from(budgetLines)
      .where(and(eq(budgetLines.id, input.budgetLineId), eq(budgetLines.editionId, o.editionId)));
    if (!line) throw new InputError({ budgetLineId: { key: 'form.invalid' } });
    const amountMinor = toMinor(input.amount, line.currency);
    if (!amountMinor) throw new InputError({ amount: { key: 'money.form.amountInvalid' } });
    if (input.contributionId) {
      const field = 'contributionId';
      const c = await lockContribution(tx, {
        editionId: o.editionId,
        contributionId: input.contributionId,
      });
      if (!c) throw new InputError({ [field]: { key: 'form.invalid' } });
      const [donor] = await tx
        .select({ name: institutions.name })
        .from(institutions)
        .where(eq(institutions.id, c.institutionId));
      const name = donor?.name ?? '';
      if (c.kind !== 'cash' || c.status !== 'received')
        throw new InputError({
          [field]: { key: 'money.expense.notReceived', params: { donor: name } },
        });
      if (c.currency !== line.currency)
        throw new InputError({
          [field]: { key: 'money.expense.currency', params: { donor: name, currency: c.currency } },
        });
      const allowed = await tx
        .select({ name: budgetLines.name })
        .from(contributionLines)
        .innerJoin(budgetLines, eq(budgetLines.id, contributionLines.budgetLineId))
        .where(eq(contributionLines.contributionId, c.id));
      const restrictedTo = await tx
        .select({ id: contributionLines.budgetLineId })
        .from(contributionLines)
        .where(
          and(
            eq(contributionLines.contributionId, c.id),
            eq(contributionLines.budgetLineId, line.id),
          ),
        );
      if (allowed.length && !restrictedTo.length)
        throw new InputError({
          [field]: {
            key: 'money.expense.restricted',
            params: { donor: name, lines: allowed.map((l) => l.name).join(', '), line: line.name },
          },
        });
      const left = (await receivedMinor(tx, c.id)) - (await spentFromMinor(tx, c.id));
      if (amountMinor > left)
        throw new InputError({
          amount: {
            key: 'money.expense.exceeds',
            params: {
              donor: name,
              left: formatMoney({ amountMinor: left, currency: c.currency }, o.lang),
            },
          },
        });
    }
    let receiptId: string | null = null;
    if (o.receipt) {
      const [file] = await tx
        .insert(receiptFiles)
        .values({
          editionId: o.editionId,
          filename: o.receipt.filename,
          contentType: o.receipt.contentType,
          size: o.receipt.bytes.length,
          bytes: o.receipt.bytes,
        })
        .returning({ id: receiptFiles.id });
      receiptId = file!.id;
    }
    const [row] = await tx
      .insert(expenses)
      .values({
        editionId: o.editionId,
        budgetLineId: line.id,
        contributionId: input.contributionId,
        spentOn: input.spentOn,
        payee: input.payee,
        description: input.description,
        currency: line.currency,
        amountMinor,
        receiptId,
        createdBy: o.userId,
      })
      .returning();
    return row!;
  });
}
