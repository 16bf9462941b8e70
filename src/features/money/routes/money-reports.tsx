import { Hono } from 'hono';
import { audit } from '../../../http/audit';
import { AppError } from '../../../http/errors';
import { render } from '../../../http/render';
import { tableDownload } from '../../../http/table-download';
import type { AppEnv } from '../../../http/types';
import { tableFile } from '../../../lib/table-file';
import { Layout } from '../../../views/layout';
import { pageOf } from '../../../views/page';
import { ledger, moneyTable } from '../export-money';
import { donorStatement, loadMoney } from '../queries';
import { BalanceTable, CashTable, ExpenseTable, InKindList } from '../views/money-tables';
import { isUuid } from '../../../lib/uuid';
import { moneyEdition, viewers } from './money-context';

/** A donor's statement, and the whole edition's money as CSV or XLSX (audit-logged). */
export const moneyReportRoutes = new Hono<AppEnv>()
  .get('/i/:slug/editions/:edition/money/donors/:institution', viewers(), async (c) => {
    const { edition, base } = await moneyEdition(c);
    const id = c.req.param('institution');
    const s = isUuid(id) ? await donorStatement(c.var.deps.db, edition.id, id) : undefined;
    if (!s) throw new AppError('not_found');
    const page = pageOf(c);
    const { t } = page;
    const title = t('money.statement.title', { donor: s.donor.name, edition: edition.name });
    return render(
      c,
      <Layout page={page} title={title}>
        <p>
          <a href={base}>{t('money.title', { edition: edition.name })}</a>
        </p>
        <h1>{title}</h1>
        <h2>{t('money.balances')}</h2>
        <BalanceTable page={page} balances={s.totals} />
        <h2>{t('money.cash.title')}</h2>
        <CashTable page={page} rows={s.cash} base={base} />
        <h2>{t('money.inKind.title')}</h2>
        <InKindList page={page} rows={s.inKind} base={base} />
        <h2>{t('money.expense.paidFromThis')}</h2>
        <ExpenseTable page={page} rows={s.expenses} base={base} />
      </Layout>,
    );
  })
  .get('/i/:slug/editions/:edition/money/export/:format{csv|xlsx}', viewers(), async (c) => {
    const { edition } = await moneyEdition(c);
    const format = c.req.param('format') as 'csv' | 'xlsx';
    const { db } = c.var.deps;
    const table = moneyTable(
      await loadMoney(db, edition.id),
      await ledger(db, edition.id),
      c.var.t,
    );
    const body = await tableFile({ format, sheet: c.var.t('money.export.sheet'), ...table });
    await audit(c, 'money.exported', {
      targetType: 'edition',
      targetId: edition.id,
      data: { format, rows: table.rows.length },
    });
    return tableDownload(c, { format, filename: `${edition.slug}-money.${format}`, body });
  });
