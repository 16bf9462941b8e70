import { formatMoney } from '../../../lib/format';
import { TableWrap } from '../../../views/components';
import type { Page } from '../../../views/page';
import type { Balance, Money } from '../queries';

const money = (page: Page, amountMinor: number, currency: string) =>
  formatMoney({ amountMinor, currency }, page.lang);

/** Balances per currency: planned, pledged, received, pledged not received, spent, available. */
export function BalanceTable(props: { page: Page; balances: Balance[] }) {
  const { t } = props.page;
  if (!props.balances.length) return <p>{t('money.empty')}</p>;
  const cols = [
    ['planned', 'money.balance.planned'],
    ['pledged', 'money.balance.pledged'],
    ['received', 'money.balance.received'],
    ['outstanding', 'money.balance.outstanding'],
    ['spent', 'money.balance.spent'],
    ['available', 'money.balance.available'],
    ['inKind', 'money.balance.inKind'],
  ] as const;
  return (
    <TableWrap label={t('money.balances')}>
      <table>
        <caption>{t('money.balances')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.currency')}</th>
            {cols.map(([, label]) => (
              <th scope="col">{t(label)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.balances.map((b) => (
            <tr>
              <th scope="row">{b.currency}</th>
              {cols.map(([key]) => (
                <td data-balance={key}>{money(props.page, b[key], b.currency)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Cash contributions: donor, pledge, received, status, restrictions. */
export function CashTable(props: {
  page: Page;
  rows: Money['cash'];
  base: string;
  donorLinks?: boolean;
}) {
  const { t } = props.page;
  if (!props.rows.length) return <p>{t('money.cash.empty')}</p>;
  return (
    <TableWrap label={t('money.cash.title')}>
      <table>
        <caption>{t('money.cash.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.donor')}</th>
            <th scope="col">{t('money.pledge.amount')}</th>
            <th scope="col">{t('money.balance.received')}</th>
            <th scope="col">{t('money.status')}</th>
            <th scope="col">{t('money.restrictedTo')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((c) => (
            <tr>
              <th scope="row">
                <a href={`${props.base}/contributions/${c.id}`}>{c.donor}</a>
                {props.donorLinks && (
                  <>
                    {' '}
                    <small>
                      (
                      <a href={`${props.base}/donors/${c.institutionId}`}>{t('money.statement')}</a>
                      )
                    </small>
                  </>
                )}
              </th>
              <td>{money(props.page, c.amountMinor ?? 0, c.currency)}</td>
              <td>{money(props.page, c.receivedMinor, c.currency)}</td>
              <td>{t(`money.status.${c.status}`)}</td>
              <td>{c.restrictedTo.length ? c.restrictedTo.join(', ') : t('money.unrestricted')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** In-kind gifts: what, from whom, and the estimated value only when one was stated. */
export function InKindList(props: { page: Page; rows: Money['inKind']; base: string }) {
  const { t } = props.page;
  if (!props.rows.length) return <p>{t('money.inKind.empty')}</p>;
  return (
    <ul class="cards">
      {props.rows.map((c) => (
        <li class="card">
          <strong>{c.donor}</strong>: {c.description}
          <br />
          <small>
            {c.amountMinor === null
              ? t('money.inKind.noValue')
              : `${t('money.inKind.value')}: ${money(props.page, c.amountMinor, c.currency)}`}
          </small>
        </li>
      ))}
    </ul>
  );
}

export function ExpenseTable(props: { page: Page; rows: Money['expenses']; base: string }) {
  const { t } = props.page;
  if (!props.rows.length) return <p>{t('money.expenses.empty')}</p>;
  return (
    <TableWrap label={t('money.expenses.title')}>
      <table>
        <caption>{t('money.expenses.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.date')}</th>
            <th scope="col">{t('money.expense.payee')}</th>
            <th scope="col">{t('money.line')}</th>
            <th scope="col">{t('money.amount')}</th>
            <th scope="col">{t('money.expense.paidFrom')}</th>
            <th scope="col">{t('money.expense.receipt')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((e) => (
            <tr>
              <td>{e.spentOn}</td>
              <th scope="row">{e.payee}</th>
              <td>{e.line}</td>
              <td>{money(props.page, e.amountMinor, e.currency)}</td>
              <td>{e.donor ?? t('money.expense.general')}</td>
              <td>
                {e.receiptId ? (
                  <a href={`${props.base}/expenses/${e.id}/receipt`}>
                    {t('money.expense.download')}
                  </a>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function LineTable(props: { page: Page; rows: Money['lines'] }) {
  const { t } = props.page;
  if (!props.rows.length) return <p>{t('money.lines.empty')}</p>;
  return (
    <TableWrap label={t('money.lines.title')}>
      <table>
        <caption>{t('money.lines.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.line.activity')}</th>
            <th scope="col">{t('money.line')}</th>
            <th scope="col">{t('money.balance.planned')}</th>
            <th scope="col">{t('money.balance.spent')}</th>
            <th scope="col">{t('money.line.left')}</th>
            <th scope="col">{t('money.line.fundedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((l) => (
            <tr>
              <td>{l.activity}</td>
              <th scope="row">{l.name}</th>
              <td>{money(props.page, l.plannedMinor, l.currency)}</td>
              <td>{money(props.page, l.spentMinor, l.currency)}</td>
              <td>{money(props.page, l.plannedMinor - l.spentMinor, l.currency)}</td>
              <td>{l.fundedBy.length ? l.fundedBy.join(', ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
