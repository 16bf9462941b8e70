/**
 * One contribution: its facts, its ledger, the expenses it paid for, and for editors the forms
 * that record its receipt, cancel it or correct the total received (kept with their errors when
 * refused).
 *
 * @example
 * <ContributionPage page={page} editionName="IGF Guatemala 2018" base={base} contribution={k}
 *   entries={entries} expenses={expenses} canEdit />
 */
import type { FieldErrors, FormValues } from '../../../http/form';
import { formatMoney } from '../../../lib/format';
import { Csrf, ErrorSummary, Field, TableWrap } from '../../../views/components';
import { Layout } from '../../../views/layout';
import type { Page } from '../../../views/page';
import { toMajorText } from '../amounts';
import type { contributionHistory } from '../queries';
import { ExpenseTable } from './money-tables';

type History = NonNullable<Awaited<ReturnType<typeof contributionHistory>>>;

export function ContributionPage(props: {
  page: Page;
  editionName: string;
  /** The edition's money path. */
  base: string;
  contribution: History['contribution'];
  entries: History['entries'];
  expenses: History['expenses'];
  canEdit: boolean;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  const { page, base, contribution: k, entries, expenses, canEdit } = props;
  const { t, lang } = page;
  const money = (n: number) => formatMoney({ amountMinor: n, currency: k.currency }, lang);
  const path = `${base}/contributions/${k.id}`;
  const title = `${k.donor} · ${t(k.kind === 'cash' ? 'money.kind.cash' : 'money.kind.in_kind')}`;
  return (
    <Layout page={page} title={title}>
      <p>
        <a href={base}>{t('money.title', { edition: props.editionName })}</a> ·{' '}
        <a href={`${base}/donors/${k.institutionId}`}>{t('money.statement')}</a>
      </p>
      <h1>{title}</h1>
      <dl class="facts">
        <dt>{t('money.status')}</dt>
        <dd data-status={k.status}>{t(`money.status.${k.status}`)}</dd>
        <dt>{k.kind === 'cash' ? t('money.pledge.amount') : t('money.inKind.value')}</dt>
        <dd>{k.amountMinor === null ? t('money.inKind.noValue') : money(k.amountMinor)}</dd>
        {k.kind === 'cash' && (
          <>
            <dt>{t('money.pledge.date')}</dt>
            <dd>{k.pledgedOn ?? '—'}</dd>
            <dt>{t('money.balance.received')}</dt>
            <dd data-received>{money(k.receivedMinor)}</dd>
            <dt>{t('money.restrictedTo')}</dt>
            <dd>{k.restrictedTo.length ? k.restrictedTo.join(', ') : t('money.unrestricted')}</dd>
          </>
        )}
        {k.description && (
          <>
            <dt>{t('money.inKind.description')}</dt>
            <dd>{k.description}</dd>
          </>
        )}
        <dt>{t('money.acknowledged')}</dt>
        <dd>
          {k.acknowledged ? t('common.yes') : t('common.no')}
          {k.sponsorLevel && <> · {t(`money.level.${k.sponsorLevel}`)}</>}
        </dd>
      </dl>
      <h2>{t('money.history')}</h2>
      {entries.length === 0 ? (
        <p>{t('money.history.empty')}</p>
      ) : (
        <TableWrap label={t('money.history')}>
          <table>
            <caption>{t('money.history')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('money.date')}</th>
                <th scope="col">{t('money.entry')}</th>
                <th scope="col">{t('money.amount')}</th>
                <th scope="col">{t('money.note')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr data-entry={e.kind}>
                  <td>{e.id}</td>
                  <td>{e.occurredOn}</td>
                  <th scope="row">
                    {t(`money.entry.${e.kind}`)}
                    {e.corrects && <> ({t('money.entry.corrects', { id: e.corrects })})</>}
                  </th>
                  <td>{money(e.amountMinor)}</td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {k.kind === 'cash' && (
        <>
          <h2>{t('money.expense.paidFromThis')}</h2>
          <ExpenseTable page={page} rows={expenses} base={base} />
        </>
      )}
      {canEdit && k.kind === 'cash' && k.status === 'pledged' && (
        <>
          <form method="post" action={`${path}/receipt`} class="stack" novalidate>
            <h2>{t('money.receipt.record')}</h2>
            <Csrf page={page} />
            <ErrorSummary
              page={page}
              errors={props.errors?.receivedOn || props.errors?.amount ? props.errors : undefined}
            />
            <Field
              name="receivedOn"
              type="date"
              label={t('money.receipt.date')}
              required
              values={props.values}
              errors={props.errors}
            />
            <Field
              name="amount"
              label={t('money.receipt.amount')}
              hint={t('money.receipt.amountHint')}
              value={
                typeof props.values?.amount === 'string'
                  ? props.values.amount
                  : toMajorText(k.amountMinor ?? 0, k.currency)
              }
              errors={props.errors}
            />
            <button type="submit">{t('money.receipt.record')}</button>
          </form>
          <form method="post" action={`${path}/cancel`} class="stack" novalidate>
            <h2>{t('money.cancel')}</h2>
            <Csrf page={page} />
            <Field
              name="note"
              label={t('money.cancel.reason')}
              required
              values={props.values}
              errors={props.errors}
            />
            <button type="submit" class="danger">
              {t('money.cancel')}
            </button>
          </form>
        </>
      )}
      {canEdit && k.kind === 'cash' && k.status === 'received' && (
        <form method="post" action={`${path}/correction`} class="stack" novalidate>
          <h2>{t('money.correction')}</h2>
          <p>{t('money.correction.lead')}</p>
          <Csrf page={page} />
          <ErrorSummary page={page} errors={props.errors} />
          <Field
            name="amount"
            label={t('money.correction.total')}
            hint={t('money.form.amountHint')}
            required
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="note"
            label={t('money.correction.reason')}
            required
            values={props.values}
            errors={props.errors}
          />
          <button type="submit">{t('money.correction')}</button>
        </form>
      )}
    </Layout>
  );
}
