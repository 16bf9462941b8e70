import { Hono, type Context } from 'hono';
import { audit, audited } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { pageOf } from '../../../views/page';
import { expenseForm } from '../money-input';
import { ExpenseFormPage } from '../views/expense-form-page';
import { findReceipt, loadMoney } from '../queries';
import { checkReceiptFile } from '../receipt-file';
import { recordExpense } from '../record-expense';
import { isUuid } from '../../../lib/uuid';
import { editors, moneyEdition, moneyErrors, viewers } from './money-context';

type Form = { values?: FormValues; errors?: FieldErrors };

async function expensePage(c: Context<AppEnv>, o: Form = {}) {
  const { edition, base } = await moneyEdition(c);
  const money = await loadMoney(c.var.deps.db, edition.id);
  return render(
    c,
    <ExpenseFormPage
      page={pageOf(c)}
      editionName={edition.name}
      base={base}
      lines={money.lines}
      cash={money.cash}
      values={o.values}
      errors={o.errors}
    />,
    o.errors ? 422 : 200,
  );
}

/** Expenses against budget lines, with their receipts (PDF, PNG or JPEG up to 5 MB). */
export const moneyExpenseRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/money/expenses/new', editors(), (c) => expensePage(c))
  .post('/i/:slug/editions/:edition/money/expenses', editors(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const form = await readForm(c, expenseForm);
    const body = await c.req.parseBody();
    const file = body.receipt;
    let receipt: Parameters<typeof recordExpense>[1]['receipt'];
    let fileError: string | undefined;
    if (file instanceof File && file.size > 0) {
      const checked = await checkReceiptFile(file);
      if (checked.ok) receipt = checked;
      else fileError = c.var.t(checked.error);
    }
    if (!form.ok || fileError)
      return expensePage(c, {
        values: form.values,
        errors: {
          ...(form.ok ? {} : form.errors),
          receipt: fileError ?? (receipt ? c.var.t('money.receipt.again') : undefined),
        } as FieldErrors,
      });
    try {
      await audited(
        c,
        (tx) =>
          recordExpense(tx, {
            editionId: edition.id,
            userId: c.var.user?.id ?? null,
            lang: c.var.lang,
            input: form.data,
            receipt,
          }),
        (row) => ({
          action: 'money.expense_recorded',
          targetType: 'expense',
          targetId: row.id,
          data: {
            budgetLineId: row.budgetLineId,
            contributionId: row.contributionId,
            amountMinor: row.amountMinor,
            currency: row.currency,
            payee: row.payee,
            receipt: Boolean(row.receiptId),
          },
        }),
      );
    } catch (e) {
      const errors = moneyErrors(c, e);
      if (receipt) errors.receipt = c.var.t('money.receipt.again');
      return expensePage(c, { values: form.values, errors });
    }
    setFlash(c, 'money.saved');
    return c.redirect(base, 303);
  })
  .get('/i/:slug/editions/:edition/money/expenses/:expense/receipt', viewers(), async (c) => {
    const { edition } = await moneyEdition(c);
    const id = c.req.param('expense');
    const file = isUuid(id) ? await findReceipt(c.var.deps.db, edition.id, id) : undefined;
    if (!file) throw new AppError('not_found');
    await audit(c, 'money.receipt_downloaded', { targetType: 'expense', targetId: id });
    c.header('Content-Type', file.contentType);
    c.header('Content-Disposition', `attachment; filename="${file.filename}"`);
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.bytes));
  });
