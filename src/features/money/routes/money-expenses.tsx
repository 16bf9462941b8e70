import { Hono, type Context } from 'hono';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { setFlash } from '../../../http/flash';
import { readForm, type FieldErrors, type FormValues } from '../../../http/form';
import { render } from '../../../http/render';
import type { AppEnv } from '../../../http/types';
import { formatMoney } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { Select } from '../../../views/select';
import { expenseForm } from '../money-input';
import { findReceipt, loadMoney } from '../queries';
import { checkReceiptFile } from '../receipt-file';
import { recordExpense } from '../record-expense';
import { isUuid } from '../../../lib/uuid';
import { editors, moneyEdition, moneyErrors, viewers } from './money-context';

type Form = { values?: FormValues; errors?: FieldErrors };

async function expensePage(c: Context<AppEnv>, o: Form = {}) {
  const { edition, base } = await moneyEdition(c);
  const money = await loadMoney(c.var.deps.db, edition.id);
  const page = pageOf(c);
  const { t, lang } = page;
  const title = t('money.expenses.new');
  const receiptError = o.errors?.receipt;
  return render(
    c,
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: edition.name })}</a>
      </p>
      <h1>{title}</h1>
      {money.lines.length === 0 ? (
        <p>
          {t('money.lines.empty')} <a href={`${base}/lines/new`}>{t('money.lines.new')}</a>
        </p>
      ) : (
        <form
          method="post"
          action={`${base}/expenses`}
          enctype="multipart/form-data"
          class="stack"
          novalidate
        >
          <Csrf page={page} />
          <ErrorSummary page={page} errors={o.errors} />
          <Select
            name="budgetLineId"
            label={t('money.line')}
            empty={t('money.form.choose')}
            options={money.lines.map((l) => [l.id, `${l.activity} — ${l.name} (${l.currency})`])}
            values={o.values}
            errors={o.errors}
            required
          />
          <Select
            name="contributionId"
            label={t('money.expense.paidFrom')}
            empty={t('money.expense.general')}
            options={money.cash
              .filter((k) => k.status === 'received')
              .map((k) => [
                k.id,
                `${k.donor} — ${formatMoney({ amountMinor: k.receivedMinor - k.spentMinor, currency: k.currency }, lang)}${
                  k.restrictedTo.length
                    ? ` (${t('money.restrictedTo')}: ${k.restrictedTo.join(', ')})`
                    : ''
                }`,
              ])}
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="spentOn"
            type="date"
            label={t('money.date')}
            required
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="payee"
            label={t('money.expense.payee')}
            required
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="description"
            label={t('money.expense.description')}
            values={o.values}
            errors={o.errors}
          />
          <Field
            name="amount"
            label={t('money.amount')}
            hint={t('money.expense.amountHint')}
            required
            values={o.values}
            errors={o.errors}
          />
          <div class={receiptError ? 'field has-error' : 'field'}>
            <label for="f-receipt">{t('money.expense.receipt')}</label>
            <p class="hint" id="f-receipt-hint">
              {t('money.receipt.hint')}
            </p>
            {receiptError && (
              <p class="error" id="f-receipt-error">
                {receiptError}
              </p>
            )}
            <input
              id="f-receipt"
              name="receipt"
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              aria-invalid={receiptError ? 'true' : undefined}
              aria-describedby={receiptError ? 'f-receipt-hint f-receipt-error' : 'f-receipt-hint'}
            />
          </div>
          <button type="submit">{title}</button>
        </form>
      )}
    </Layout>,
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
    let receipt;
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
      const row = await recordExpense(c.var.deps.db, {
        editionId: edition.id,
        userId: c.var.user?.id ?? null,
        lang: c.var.lang,
        input: form.data,
        receipt,
      });
      await audit(c, 'money.expense_recorded', {
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
      });
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
