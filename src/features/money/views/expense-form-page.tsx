/**
 * The form that records an expense against a budget line, optionally paid from a received
 * contribution, with its receipt file; kept with its errors when refused. Without budget lines
 * it links to adding one instead.
 *
 * @example
 * <ExpenseFormPage page={page} editionName="IGF Guatemala 2018" base={base} lines={money.lines}
 *   cash={money.cash} />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatMoney } from '../../../lib/format';
import { Csrf, ErrorSummary, Field } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { Select } from '../../../views/select';
import type { Money } from '../queries';

export function ExpenseFormPage(props: {
  page: Page;
  editionName: string;
  /** The edition's money path. */
  base: string;
  lines: Money['lines'];
  /** The edition's cash contributions (those received can pay for the expense). */
  cash: Money['cash'];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page, base } = props;
  const { t, lang } = page;
  const title = t('money.expenses.new');
  const receiptError = props.errors?.receipt;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: props.editionName })}</a>
      </p>
      <h1>{title}</h1>
      {props.lines.length === 0 ? (
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
          <ErrorSummary page={page} errors={props.errors} />
          <Select
            name="budgetLineId"
            label={t('money.line')}
            empty={t('money.form.choose')}
            options={props.lines.map((l) => [l.id, `${l.activity} — ${l.name} (${l.currency})`])}
            values={props.values}
            errors={props.errors}
            required
          />
          <Select
            name="contributionId"
            label={t('money.expense.paidFrom')}
            empty={t('money.expense.general')}
            options={props.cash
              .filter((k) => k.status === 'received')
              .map((k) => [
                k.id,
                `${k.donor} — ${formatMoney({ amountMinor: k.receivedMinor - k.spentMinor, currency: k.currency }, lang)}${
                  k.restrictedTo.length
                    ? ` (${t('money.restrictedTo')}: ${k.restrictedTo.join(', ')})`
                    : ''
                }`,
              ])}
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="spentOn"
            type="date"
            label={t('money.date')}
            required
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="payee"
            label={t('money.expense.payee')}
            required
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="description"
            label={t('money.expense.description')}
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="amount"
            label={t('money.amount')}
            hint={t('money.expense.amountHint')}
            required
            values={props.values}
            errors={props.errors}
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
    </Layout>
  );
}
